'use client';
// Client: the desk arranges the lead and featured stories in place (pick, move, unpin) before one save, and hears each move announced.

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { FrontPageArticle } from '@/lib/newsroom/front-page';
import { formatDateline } from '@/lib/time/jst';
import { ArticleFinder } from './article-picker.client';
import { focusFirst } from './article-order';
import { addFeatured, findPlace, moveStory, placeLead, toOrder, toPlacesKey, unpinStory, type Places } from './front-page-places';
import { SaveStatus } from './save-status';
import { sendJson } from './send-json';

type FrontPageEditorProps = {
  lead: FrontPageArticle | null;
  featured: FrontPageArticle[];
  candidates: FrontPageArticle[];
  featuredSlots: number;
  csrfToken: string;
};

function placeName(index: number): string {
  return index === 0 ? 'トップ' : `注目${index}`;
}

export function FrontPageEditor({ lead, featured, candidates, featuredSlots, csrfToken }: FrontPageEditorProps) {
  const router = useRouter();
  const saved: Places = { lead, featured };
  const savedKey = toPlacesKey(saved);
  const [places, setPlaces] = useState<Places>(saved);
  const [placesOf, setPlacesOf] = useState(savedKey);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // A save (or another desk's, seen on refresh) brings new pins: start from them.
  if (placesOf !== savedKey) {
    setPlacesOf(savedKey);
    setPlaces(saved);
  }

  const dirty = toPlacesKey(places) !== savedKey;

  // `focus`: the buttons to focus after the change, first one enabled wins: the moved story keeps the keyboard.
  function change(next: Places, message: string, focus: string[] = []) {
    focusFirst(focus);
    setPlaces(next);
    setAnnouncement(message);
    setError(null);
  }

  function move(index: number, by: -1 | 1) {
    const article = toOrder(places)[index];
    const next = moveStory(places, index, by);
    if (!article || !next) return;
    const [direction, other] = by < 0 ? ['up', 'down'] : ['down', 'up'];
    const focus = [`fp-${direction}-${article.id}`, `fp-${other}-${article.id}`, `fp-unpin-${article.id}`];
    change(next, `「${article.headline}」を${placeName(findPlace(next, article.id) ?? 0)}に移しました。`, focus);
  }

  function unpin(index: number) {
    const article = toOrder(places)[index];
    if (!article) return;
    const next = unpinStory(places, index);
    // The keyboard stays in the list: on the story that took this place, else the one before, else the save button.
    const order = toOrder(next);
    const neighbour = order[index] ?? order[index + 1] ?? order[index - 1];
    change(next, `「${article.headline}」を${placeName(index)}から外しました。`, neighbour ? [`fp-unpin-${neighbour.id}`, 'fp-save'] : ['fp-save', 'fp-filter']);
  }

  function putLead(article: FrontPageArticle) {
    change(placeLead(places, article), `「${article.headline}」をトップに置きました。`, [`fp-down-${article.id}`, `fp-unpin-${article.id}`]);
  }

  function putFeatured(article: FrontPageArticle) {
    const next = addFeatured(places, article, featuredSlots);
    if (!next) return;
    change(next, `「${article.headline}」を${placeName(next.featured.length)}に置きました。`, [`fp-up-${article.id}`, `fp-unpin-${article.id}`]);
  }

  async function save() {
    setBusy(true);
    setError(null);
    const failed = '保存できませんでした。通信状況を確かめて、もう一度お試しください。';
    const answer = await sendJson('/api/newsroom/front-page', csrfToken, { lead: places.lead?.id ?? null, featured: places.featured.map((a) => a.id) }, { offline: failed, refused: () => failed });
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setAnnouncement('トップページを保存しました。読者のトップページにすぐ反映されます。');
    router.refresh();
  }

  const rows: { index: number; article: FrontPageArticle | null }[] = [
    { index: 0, article: places.lead },
    ...Array.from({ length: featuredSlots }, (_, i) => ({ index: i + 1, article: places.featured[i] ?? null })),
  ];
  const lastPlaced = toOrder(places).length - 1;

  return (
    <div className="space-y-6">
      <section aria-labelledby="fp-places-heading" className="rounded border border-rule bg-white p-4">
        <h2 id="fp-places-heading" className="text-lg font-bold">
          固定する記事
        </h2>
        <p className="mt-1 text-sm text-muted">
          空いている枠には、新しい順に自動で記事が入ります。非公開になった記事は、その枠から自動で外れて表示されません。
        </p>
        <ol className="mt-3 divide-y divide-rule" data-testid="front-page-places">
          {rows.map(({ index, article }) => (
            <li key={index} className="flex flex-wrap items-center gap-3 py-2.5" data-testid={`front-page-place-${index}`}>
              <span className={`w-20 shrink-0 text-sm font-bold ${index === 0 ? 'text-brand-dark' : ''}`}>{placeName(index)}</span>
              {article ? (
                <>
                  <span className="min-w-0 flex-1">
                    <span className="block font-medium [overflow-wrap:anywhere]">{article.headline}</span>
                    <span className="text-xs text-muted">
                      {article.sectionName}
                      {article.publishedAt && ` ・ ${formatDateline(article.publishedAt)}`}
                    </span>
                    {!article.visible && (
                      <span className="mt-1 block text-sm text-brand-dark">公開中ではないため、読者には表示されていません。外してから保存してください。</span>
                    )}
                  </span>
                  <span className="flex gap-2">
                    <button
                      type="button"
                      id={`fp-up-${article.id}`}
                      onClick={() => move(index, -1)}
                      disabled={index === 0}
                      aria-label={`「${article.headline}」を上へ`}
                      className="rounded border border-rule px-2 py-1 text-sm disabled:opacity-40"
                    >
                      上へ
                    </button>
                    <button
                      type="button"
                      id={`fp-down-${article.id}`}
                      onClick={() => move(index, 1)}
                      disabled={index >= lastPlaced}
                      aria-label={`「${article.headline}」を下へ`}
                      className="rounded border border-rule px-2 py-1 text-sm disabled:opacity-40"
                    >
                      下へ
                    </button>
                    <button
                      type="button"
                      id={`fp-unpin-${article.id}`}
                      onClick={() => unpin(index)}
                      aria-label={`「${article.headline}」を${placeName(index)}から外す`}
                      className="rounded border border-ink px-2 py-1 text-sm"
                    >
                      外す
                    </button>
                  </span>
                </>
              ) : (
                <span className="flex-1 text-sm text-muted">{index === 0 ? '自動(いちばん新しい記事)' : '自動(新しい順)'}</span>
              )}
            </li>
          ))}
        </ol>
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <button type="button" id="fp-save" onClick={() => void save()} disabled={busy || !dirty} className="rounded bg-brand px-4 py-2 text-sm font-bold text-white disabled:opacity-50">
            保存してトップページに反映
          </button>
          {dirty && <span className="text-sm text-muted">未保存の変更があります。</span>}
        </div>
        <SaveStatus announcement={announcement} error={error} />
      </section>

      <ArticleFinder
        headingId="fp-pick-heading"
        filterId="fp-filter"
        title="公開中の記事から選ぶ"
        filterLabel="見出しで絞り込む"
        source={<>新しい順に{candidates.length}本の公開中の記事から探します。</>}
        emptyText="該当する公開中の記事はありません。"
        testId="front-page-candidates"
        candidates={candidates}
        note={(article) => {
          const at = findPlace(places, article.id);
          return at === undefined ? null : `${placeName(at)}に配置中`;
        }}
        actions={(article) => {
          const at = findPlace(places, article.id);
          return (
            <>
              <button
                type="button"
                onClick={() => putLead(article)}
                disabled={at === 0}
                aria-label={`「${article.headline}」をトップに置く`}
                className="rounded border border-ink px-2 py-1 text-sm disabled:opacity-40"
              >
                トップに置く
              </button>
              <button
                type="button"
                onClick={() => putFeatured(article)}
                disabled={at !== undefined || places.featured.length >= featuredSlots}
                aria-label={`「${article.headline}」を注目に加える`}
                className="rounded border border-rule px-2 py-1 text-sm disabled:opacity-40"
              >
                注目に加える
              </button>
            </>
          );
        }}
        footer={places.featured.length >= featuredSlots && <p className="mt-2 text-xs text-muted">注目の枠は{featuredSlots}つとも埋まっています。加えるには、どれかを外してください。</p>}
      />
    </div>
  );
}
