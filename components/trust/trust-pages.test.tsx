import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FIXED_PAGE_DEFAULTS, FIXED_PAGES_ENACTED_AT } from '@/lib/site/fixed-page-defaults';
import { FIXED_PAGE_SLUGS, TRUST_PAGES, type FixedPageSlug } from '@/lib/site/pages';
import { DEMO_PUBLISHER, type Publisher } from '@/lib/site/publisher';
import { FixedPageView } from './fixed-page-view';

const SITE = 'https://kiji.example';

// A publisher unlike the demo's in every field, so each assertion proves the page read the settings.
const publisher: Publisher = {
  name: '株式会社テスト報道',
  address: '〒980-0000 宮城県仙台市青葉区見本2-4-6',
  representative: '代表取締役 試験花子',
  founded: '2011-07-15',
  contactEmail: 'desk@test-news.example',
  demo: false,
};

/** What each page shows of the publisher, in the wording an install starts with (lib/site/fixed-page-defaults.ts). */
const SHOWS: Record<FixedPageSlug, string[]> = {
  about: [publisher.name, publisher.address, publisher.representative, '2011年7月15日', publisher.contactEmail],
  privacy: [publisher.name, publisher.address, publisher.representative, publisher.contactEmail],
  terms: [publisher.name],
  contact: [publisher.contactEmail],
};

function render(slug: FixedPageSlug, who: Publisher = publisher, changes: Partial<{ title: string; body: string; updatedAt: string }> = {}, preview = false) {
  const page = { slug, ...FIXED_PAGE_DEFAULTS[slug], updatedAt: FIXED_PAGES_ENACTED_AT, ...changes };
  return renderToStaticMarkup(<FixedPageView page={page} publisher={who} siteUrl={SITE} preview={preview} />);
}

describe.each(FIXED_PAGE_SLUGS.map((slug) => ({ slug, page: TRUST_PAGES[slug] })))('$page.path', ({ slug, page }) => {
  it('has one heading, its title, its 最終更新日 and a breadcrumb from home with the same crumbs for crawlers', () => {
    const html = render(slug);
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toContain(`>${page.name}</h1>`);
    expect(html).toContain('最終更新日 <time dateTime="2026-12-05T00:00:00+09:00">2026年12月5日</time>');
    expect(html).toMatch(/<nav aria-label="パンくずリスト".*href="\/".*ホーム.*<span aria-current="page">/);
    expect(html).toContain(`"@type":"BreadcrumbList"`);
    expect(html).toContain(`"item":"${SITE}${page.path}"`);
  });

  it("shows the publisher's details from the settings, and none of the demo's", () => {
    const html = render(slug);
    for (const detail of SHOWS[slug]) expect(html).toContain(detail);
    for (const demo of [DEMO_PUBLISHER.name, DEMO_PUBLISHER.address, DEMO_PUBLISHER.representative, DEMO_PUBLISHER.contactEmail]) {
      expect(html).not.toContain(demo);
    }
    if (SHOWS[slug].includes(publisher.contactEmail)) expect(html).toContain(`href="mailto:${publisher.contactEmail}"`);
    expect(html).not.toContain('data-testid="demo-publisher-note"');
    expect(html).not.toMatch(/\{\{|\{#/);
  });

  it("says the demo's details are fictional while no publisher is set", () => {
    const html = render(slug, { ...DEMO_PUBLISHER, demo: true });
    expect(html).toContain('data-testid="demo-publisher-note"');
    expect(html).toContain('架空のもの');
  });

  it('shows the newsroom’s title and wording, and the day it was saved', () => {
    const html = render(slug, publisher, { title: '改めた題名', body: '新しい本文です。{{会社名}}', updatedAt: '2027-04-01T03:00:00.000Z' });
    expect(html).toContain('>改めた題名</h1>');
    expect(html).toContain(`<p class="my-6">新しい本文です。${publisher.name}</p>`);
    expect(html).toContain('2027年4月1日');
    expect(html).toContain('<span aria-current="page">改めた題名</span>');
  });
});

describe('structured data', () => {
  it('describes 会社概要 and お問い合わせ as the publisher’s AboutPage and ContactPage', () => {
    expect(render('about')).toContain(`"@type":"AboutPage","@id":"${SITE}/about"`);
    expect(render('contact')).toContain(`"@type":"ContactPage","@id":"${SITE}/contact"`);
    for (const html of [render('about'), render('contact')]) expect(html).toContain(`"legalName":"${publisher.name}"`);
    expect(render('terms')).not.toContain('AboutPage');
  });

  it('gives the newsroom’s preview none: it is not the page crawlers read', () => {
    expect(render('about', publisher, {}, true)).not.toContain('application/ld+json');
  });
});

describe('links between the pages', () => {
  it('lead from the corrections policy to where to report a mistake, and back', () => {
    expect(render('about')).toContain('id="corrections"');
    expect(render('about')).toContain('href="/contact#corrections"');
    expect(render('contact')).toContain('id="corrections"');
    expect(render('contact')).toContain('href="/about#corrections"');
    expect(render('about')).toContain('id="editorial-policy"');
  });

  it("keep the newsletter's part of the privacy policy at the anchor the signup forms link to", () => {
    expect(render('privacy')).toMatch(/<h2 id="newsletter"[^>]*>2\. メールマガジン<\/h2>/);
  });

  it('date the policies in their wording, as Japanese policies end', () => {
    expect(render('privacy')).toContain('2026年12月5日 制定');
    expect(render('terms')).toContain('2026年12月5日 制定');
    expect(render('about')).not.toContain('制定');
  });

  it('put the company’s table on 会社概要 and the mail box on お問い合わせ', () => {
    expect(render('about')).toMatch(/<dl aria-label="会社情報".*<dt[^>]*>会社名<\/dt><dd[^>]*>株式会社テスト報道<\/dd>.*<dt[^>]*>設立<\/dt><dd[^>]*>2011年7月15日<\/dd>/);
    expect(render('contact')).toMatch(/data-testid="contact-box".*お問い合わせ先.*mailto:desk@test-news.example/);
  });
});
