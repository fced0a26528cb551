'use client';
// Runs in the browser to switch tabs by click and arrow keys; the panels are server-rendered, and without JavaScript all of them show.

import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

type RankingTabsProps = {
  /** Prefix of the tab and panel ids: unique on the page. */
  idPrefix: string;
  /** Accessible name of the tab list. */
  label: string;
  tabs: { key: string; label: string; panel: ReactNode }[];
  /**
   * `columns`: the /ranking page's form: tabs on phones, and from 768 px every
   * panel side by side under its own heading (there is room, and a reader
   * compares the windows).
   */
  layout?: 'tabs' | 'columns';
};

/**
 * The ARIA tabs pattern (WAI-ARIA APG, automatic activation): one tab stop,
 * ←/→ move and select, Home/End jump. Without scripting the tab list hides
 * and every panel shows under its own heading (CSS `scripting: none`), so
 * the server HTML reads complete with JavaScript off and nothing shifts when
 * it is on.
 */
export function RankingTabs({ idPrefix, label, tabs, layout = 'tabs' }: RankingTabsProps) {
  const columns = layout === 'columns';
  const [selected, setSelected] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  function select(index: number) {
    const next = (index + tabs.length) % tabs.length;
    setSelected(next);
    buttons.current[next]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const moves: Record<string, number> = { ArrowRight: selected + 1, ArrowLeft: selected - 1, Home: 0, End: tabs.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    select(target);
  }

  return (
    <div className={columns ? 'md:grid md:grid-cols-3 md:gap-8' : undefined}>
      <div role="tablist" aria-label={label} className={`mb-1 grid grid-cols-3 border-b border-rule noscript:hidden ${columns ? 'md:hidden' : ''}`}>
        {tabs.map((tab, i) => (
          <button
            key={tab.key}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${tab.key}`}
            aria-selected={i === selected}
            aria-controls={`${idPrefix}-panel-${tab.key}`}
            tabIndex={i === selected ? 0 : -1}
            onClick={() => select(i)}
            onKeyDown={onKeyDown}
            className={`-mb-px border-b-2 px-2 py-2 text-sm font-bold ${
              i === selected ? 'border-brand text-brand' : 'border-transparent text-muted hover:text-ink'
            }`}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab, i) => (
        <div
          key={tab.key}
          role="tabpanel"
          id={`${idPrefix}-panel-${tab.key}`}
          aria-labelledby={`${idPrefix}-tab-${tab.key}`}
          className={i === selected ? 'block' : `hidden noscript:block ${columns ? 'md:block' : ''}`}
        >
          {columns ? (
            <h2 className="mt-6 mb-2 hidden border-b-2 border-ink pb-1.5 text-lg font-bold noscript:block md:mt-0 md:block">{tab.label}</h2>
          ) : (
            <h3 className="mt-3 hidden text-sm font-bold noscript:block">{tab.label}</h3>
          )}
          {tab.panel}
        </div>
      ))}
    </div>
  );
}
