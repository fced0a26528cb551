'use client';
// Runs in the browser: previous/next buttons, arrow keys, and more cards fetched when the reader reaches the end.

import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useHydrated } from '@/components/hooks/use-hydrated';
import { useOnDemand } from '@/components/query/use-on-demand';
import type { RelatedCard } from '@/lib/related/cards';
import type { RelatedPage, RelatedSliceName } from '@/lib/related/slices';
import { RelatedCardView } from './related-card';
import type { RelatedPagesState } from './related-pager.client';

type RelatedCarouselProps = {
  articleId: string;
  slice: RelatedSliceName;
  heading: string;
  /** The carousel's accessible name; the two on one page need different ones. */
  label: string;
  /** Page 1, rendered on the server: the carousel starts from it with no request. */
  initial: RelatedPage<RelatedCard>;
};

const scrollBehavior = (): ScrollBehavior => (window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth');

function Chevron({ direction }: { direction: 'left' | 'right' }) {
  return (
    <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={direction === 'left' ? 'M12.5 4 6.5 10l6 6' : 'M7.5 4l6 6-6 6'} fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

/**
 * あわせて読みたい as an accessible carousel (WAI-ARIA APG pattern): a
 * native horizontal scroller with CSS scroll-snap, so touch swipes and
 * trackpads work as they do everywhere, plus buttons and arrow keys. Without
 * JavaScript it is still a scrollable row of plain links.
 */
export function RelatedCarousel({ articleId, slice, heading, label, initial }: RelatedCarouselProps) {
  const listId = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  const hydrated = useHydrated();
  const [edges, setEdges] = useState({ atStart: true, atEnd: false });

  const [loaded, setLoaded] = useState<RelatedPagesState>(() => ({ pages: [initial], hasNextPage: initial.nextPage != null, fetching: false, failed: false }));
  const [demand, setDemand] = useState(0);
  // The fetching of more cards (React Query) loads the first time a reader asks for them.
  const pager = useOnDemand(() => import('./related-pager.client'));
  const RelatedPager = pager.loaded;
  const { pages, hasNextPage, fetching: isFetchingNextPage, failed: isFetchNextPageError } = loaded;
  const cards = pages.flatMap((page) => page.items);
  const loadPager = pager.load;
  const loadMore = useCallback(() => {
    setDemand((n) => n + 1);
    // Busy at once, while the pager's script may still be on its way.
    setLoaded((state) => (state.hasNextPage ? { ...state, fetching: true, failed: false } : state));
    loadPager().catch(() => setLoaded((state) => ({ ...state, fetching: false, failed: true })));
  }, [loadPager]);

  const updateEdges = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    // A few pixels' slack: snapping and sub-pixel widths rarely land exactly on 0 or the maximum.
    const max = el.scrollWidth - el.clientWidth;
    setEdges({ atStart: el.scrollLeft <= 4, atEnd: el.scrollLeft >= max - 4 });
  }, []);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let frame = 0;
    const onChange = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(updateEdges);
    };
    onChange();
    el.addEventListener('scroll', onChange, { passive: true });
    window.addEventListener('resize', onChange);
    return () => {
      cancelAnimationFrame(frame);
      el.removeEventListener('scroll', onChange);
      window.removeEventListener('resize', onChange);
    };
  }, [updateEdges, cards.length]);

  // More cards when the end of the row comes near (not on load: the end is off-screen then).
  useEffect(() => {
    const root = scroller.current;
    const target = sentinel.current;
    if (!root || !target || !hasNextPage) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && loadMore(), {
      root,
      rootMargin: '0px 100px 0px 0px',
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasNextPage, loadMore, cards.length]);

  const loadedPages = pages.length;
  const announcement = loadedPages > 1 ? `あわせて読みたい記事を${pages[loadedPages - 1]?.items.length ?? 0}件追加しました` : '';

  const scrollPage = (direction: 1 | -1) => {
    const el = scroller.current;
    if (!el) return;
    if (direction === 1 && edges.atEnd) {
      if (hasNextPage) loadMore();
      return;
    }
    el.scrollBy({ left: direction * el.clientWidth * 0.9, behavior: scrollBehavior() });
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLElement>) => {
    const el = scroller.current;
    if (!el || !['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    const slides = [...el.querySelectorAll<HTMLElement>('[data-slide]')];
    const current = slides.findIndex((slide) => slide.contains(document.activeElement));
    if (current < 0) {
      // Focus on the buttons: the arrows turn pages; Home and End keep their usual meaning.
      if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
        event.preventDefault();
        scrollPage(event.key === 'ArrowRight' ? 1 : -1);
      }
      return;
    }
    event.preventDefault();
    const last = slides.length - 1;
    const next = { ArrowLeft: current - 1, ArrowRight: current + 1, Home: 0, End: last }[event.key] ?? current;
    if (next > last && hasNextPage) loadMore();
    const slide = slides[Math.max(0, Math.min(last, next))];
    if (!slide) return;
    slide.querySelector('a')?.focus({ preventScroll: true });
    slide.scrollIntoView({ behavior: scrollBehavior(), block: 'nearest', inline: 'nearest' });
  };

  const button = 'grid size-9 place-items-center rounded-full border border-rule bg-surface text-ink hover:border-ink aria-disabled:cursor-default aria-disabled:opacity-35 aria-disabled:hover:border-rule';
  const nextDisabled = edges.atEnd && !hasNextPage;
  return (
    <section aria-roledescription="carousel" aria-label={label} className="my-10" onKeyDown={onKeyDown} data-testid={`related-${slice}`}>
      <div className="mb-3 flex items-end justify-between gap-4 border-b-2 border-ink pb-1.5">
        <h2 className="text-lg font-bold">{heading}</h2>
        {/* Hidden (but holding their space) until the script runs: without it they could do nothing. */}
        <div className={`flex gap-2 ${hydrated ? '' : 'invisible'}`}>
          <button type="button" className={button} aria-controls={listId} aria-label="前の記事へ" aria-disabled={edges.atStart} onClick={() => !edges.atStart && scrollPage(-1)}>
            <Chevron direction="left" />
          </button>
          <button type="button" className={button} aria-controls={listId} aria-label="次の記事へ" aria-disabled={nextDisabled} onClick={() => !nextDisabled && scrollPage(1)}>
            <Chevron direction="right" />
          </button>
        </div>
      </div>
      <div
        id={listId}
        ref={scroller}
        aria-busy={isFetchingNextPage}
        data-testid="related-track"
        className="flex snap-x snap-mandatory scroll-px-1 gap-4 overflow-x-auto overscroll-x-contain p-1 pb-3 [scrollbar-width:thin] motion-safe:scroll-smooth"
      >
        {cards.map((card, i) => (
          <div
            key={card.id}
            data-slide
            role="group"
            aria-roledescription="slide"
            aria-label={`${cards.length}件中${i + 1}件目`}
            className="related-slide"
          >
            <RelatedCardView card={card} />
          </div>
        ))}
        {isFetchingNextPage && (
          <div aria-hidden="true" className="grid aspect-video w-[70%] shrink-0 place-items-center bg-paper text-sm text-muted sm:w-[calc((100%-2rem)/3)] lg:w-[calc((100%-3rem)/4)]">
            読み込み中…
          </div>
        )}
        {isFetchNextPageError && !isFetchingNextPage && (
          <div className="grid w-[70%] shrink-0 content-center justify-items-center gap-2 bg-paper p-4 text-sm sm:w-[calc((100%-2rem)/3)] lg:w-[calc((100%-3rem)/4)]">
            <p>記事を読み込めませんでした。</p>
            <button type="button" className="border border-ink px-3 py-1 font-semibold hover:bg-chrome hover:text-white" onClick={loadMore}>
              再読み込み
            </button>
          </div>
        )}
        <div ref={sentinel} aria-hidden="true" className="h-px w-px shrink-0 self-start" />
      </div>
      {RelatedPager && <RelatedPager articleId={articleId} slice={slice} initial={initial} demand={demand} onChange={setLoaded} />}
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
