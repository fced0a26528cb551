import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PRUNE_AFTER_MS } from '@/lib/http/rate-limit';
import { CONFIRMATION_TTL_HOURS } from '@/lib/newsletter/service';
import { PREVIEW_GRANT_COOKIE } from '@/lib/preview/access';
import { DEVICE_COOKIE } from '@/lib/newsroom/rate-limit';
import { SESSION_LIFETIME_MS } from '@/lib/newsroom/sessions';
import { EDITOR_COOKIES } from '@/lib/rankings/filter';
import { RETAIN_HOURS } from '@/lib/rankings/job';
import { VIEW_LIMITS } from '@/lib/rankings/visitor';
import { FIXED_PAGE_DEFAULTS, FIXED_PAGES_ENACTED_AT } from '@/lib/site/fixed-page-defaults';
import { DEMO_PUBLISHER } from '@/lib/site/publisher';
import { FixedPageView } from './fixed-page-view';

/**
 * The privacy policy promises what the code does. Each number and name the
 * wording an install starts with states (lib/site/fixed-page-defaults.ts)
 * is checked here against the module that decides it, so changing one of
 * them fails this test until the policy says the new value too. An
 * installed site's policy is the desk's to change in the newsroom
 * (docs/adr/0048-fixed-pages.md).
 */

const HOUR_MS = 3_600_000;
const page = { slug: 'privacy' as const, ...FIXED_PAGE_DEFAULTS.privacy, updatedAt: FIXED_PAGES_ENACTED_AT };
const html = renderToStaticMarkup(<FixedPageView page={page} publisher={{ ...DEMO_PUBLISHER, demo: false }} siteUrl="https://kiji.example" />);

describe('the privacy policy against the code', () => {
  it('gives the confirmation link’s lifetime (double opt-in)', () => {
    expect(html).toContain(`リンクの有効期限は${CONFIRMATION_TTL_HOURS}時間です`);
  });

  it('gives how long signup counters and hourly view counts are kept', () => {
    expect(PRUNE_AFTER_MS).toBe(24 * HOUR_MS);
    expect(html).toContain('この記録は1日を過ぎたものから消去します');
    expect(html).toContain(`閲覧数は${RETAIN_HOURS / 24}日を過ぎたものから消去します`);
  });

  it('gives the longest time a visitor hash is used to dedupe and cap views', () => {
    expect(Math.max(VIEW_LIMITS.dedupeMs, VIEW_LIMITS.capWindowMs)).toBe(HOUR_MS);
    expect(html).toContain('最長1時間だけ使います');
  });

  it('names every cookie the site can set, with the session’s lifetime', () => {
    for (const name of [...EDITOR_COOKIES.filter((n) => !n.startsWith('__Host-')), DEVICE_COOKIE.name, PREVIEW_GRANT_COOKIE]) {
      expect(html).toContain(`<strong class="font-bold">${name}</strong>`);
    }
    expect(html).toContain('「__Host-」');
    expect(html).toContain(`最長${SESSION_LIFETIME_MS / HOUR_MS}時間`);
    expect(DEVICE_COOKIE.maxAgeSeconds).toBe(365 * 24 * 3600);
    expect(html).toContain('有効期間1年');
  });
});
