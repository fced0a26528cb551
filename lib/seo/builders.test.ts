import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import type { FeedArticle } from '../content/feeds';
import type { Article } from '../content/types';
import { TRUST_PAGES } from '../site/pages';
import { DEMO_PUBLISHER } from '../site/publisher';
import { buildBreadcrumbs, buildCollectionPage, buildNewsArticle, buildPublisher, buildPublisherPage, buildWebSite, serializeJsonLd } from './json-ld';
import { buildArticleMetadata, buildSearchMetadata } from './metadata';
import { buildRssFeed, describeItem } from './rss';
import { checkWellFormed } from '../../test/support/validators';
import { testArticle } from '../../test/support/articles';

const SITE = 'https://kiji.example';

const article: Article = testArticle({
  id: 'abcdefgh',
  headline: '露朝関係と北朝鮮外交</script><b>',
  topic: { slug: 'east-asia', name: '東アジア' },
  publishedAt: '2026-11-20T11:38:00.000Z',
  updatedAt: '2026-11-20T12:00:00.000Z',
  hero: { src: '/media/demo/articles/x.webp', width: 1200, height: 675, alt: '港', caption: null, credit: null },
  topics: [{ slug: 'east-asia', name: '東アジア' }],
  tags: [{ slug: 'p', name: '架空の人物', kind: 'person' }],
  authors: [{ slug: 'sato', name: '佐藤花子', role: '記者' }],
  body: '最初の段落です。\n\n::pagebreak\n\n二ページ目。',
  isUpdated: true,
});

describe('NewsArticle JSON-LD', () => {
  const data = buildNewsArticle(article, SITE) as unknown as Record<string, unknown>;

  it('has what Google documents for articles, in Japan time', () => {
    expect(data).toMatchObject({
      '@type': 'NewsArticle',
      headline: article.headline,
      datePublished: '2026-11-20T20:38:00+09:00',
      dateModified: '2026-11-20T21:00:00+09:00',
      inLanguage: 'ja',
      isAccessibleForFree: true,
      articleSection: 'ワールド',
      keywords: '東アジア,架空の人物',
      description: '最初の段落です。',
      mainEntityOfPage: { '@type': 'WebPage', '@id': `${SITE}/articles/abcdefgh` },
      author: [{ '@type': 'Person', name: '佐藤花子', url: `${SITE}/authors/sato` }],
      publisher: { '@type': 'NewsMediaOrganization', name: 'Kiji', logo: { url: `${SITE}/brand/kiji-logo.png` } },
    });
    expect((data.image as { url: string }[]).map((i) => i.url)).toEqual([
      `${SITE}/crops/16x9/demo/articles/x.webp`,
      `${SITE}/crops/4x3/demo/articles/x.webp`,
      `${SITE}/crops/1x1/demo/articles/x.webp`,
    ]);
  });

  it('credits the agency when a wire story has no byline', () => {
    const wire = buildNewsArticle({ ...article, authors: [], attribution: { agencyName: '架空通信', syndicationCredit: '', copyrightLine: '', wireCode: 'X1' } }, SITE);
    expect((wire as unknown as { author: unknown[] }).author).toEqual([{ '@type': 'Organization', name: '架空通信' }]);
  });

  it('names 訂正 notices as schema.org CorrectionComments, and none when there are none (ADR 0034)', () => {
    expect(data).not.toHaveProperty('correction');
    const corrected = buildNewsArticle({ ...article, corrections: [{ text: '(訂正)</script>日付の誤り。', publishedAt: '2026-11-20T11:50:00.000Z' }] }, SITE);
    expect((corrected as unknown as { correction: unknown }).correction).toEqual([
      { '@type': 'CorrectionComment', text: '(訂正)</script>日付の誤り。', datePublished: '2026-11-20T20:50:00+09:00' },
    ]);
    expect(serializeJsonLd(corrected)).not.toContain('</script>');
  });

  it('serialises so that no text can close the script element', () => {
    const json = serializeJsonLd(data);
    expect(json).not.toContain('</script>');
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(data)));
  });
});

describe('other structured data', () => {
  it('numbers breadcrumbs and collection items from the page offset', () => {
    const crumbs = buildBreadcrumbs([{ name: 'ホーム', path: '/' }, { name: 'ワールド', path: '/sections/world' }], SITE);
    expect(crumbs.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'ホーム', item: `${SITE}/` },
      { '@type': 'ListItem', position: 2, name: 'ワールド', item: `${SITE}/sections/world` },
    ]);
    const page = buildCollectionPage({ name: 'ワールド', path: '/sections/world/2' }, [article], SITE, 20);
    expect(JSON.stringify(page)).toContain('"position":21');
  });

  it('declares the site search with its query placeholder', () => {
    expect(JSON.stringify(buildWebSite(SITE, 'x'))).toContain(`"urlTemplate":"${SITE}/search?q={search_term_string}"`);
  });

  it("describes 会社概要 and お問い合わせ as the publisher's own pages, with its details and policies", () => {
    const publisher = { ...DEMO_PUBLISHER, name: '株式会社テスト報道', contactEmail: 'desk@test.example', demo: false };
    const about = buildPublisherPage('AboutPage', TRUST_PAGES.about, SITE, publisher);
    expect(about).toMatchObject({ '@type': 'AboutPage', '@id': `${SITE}/about`, url: `${SITE}/about`, name: '会社概要', isPartOf: { '@id': `${SITE}/#website` } });
    expect(about.mainEntity).toMatchObject({
      // One entity with the publisher on every article: same id, name and logo.
      ...(buildPublisher(SITE) as object),
      legalName: '株式会社テスト報道',
      address: DEMO_PUBLISHER.address,
      foundingDate: DEMO_PUBLISHER.founded,
      email: 'desk@test.example',
      contactPoint: { '@type': 'ContactPoint', email: 'desk@test.example' },
      publishingPrinciples: `${SITE}/about#editorial-policy`,
      correctionsPolicy: `${SITE}/about#corrections`,
      actionableFeedbackPolicy: `${SITE}/contact`,
    });
    const contact = buildPublisherPage('ContactPage', TRUST_PAGES.contact, SITE, publisher);
    expect(contact).toMatchObject({ '@type': 'ContactPage', url: `${SITE}/contact`, name: 'お問い合わせ' });
    expect(JSON.stringify(contact)).toContain('"email":"desk@test.example"');
  });
});

describe('metadata', () => {
  it('makes each article page its own canonical, with OpenGraph article times in Japan time', () => {
    const meta = buildArticleMetadata(article, 2);
    expect(meta.alternates?.canonical).toBe('/articles/abcdefgh/2');
    expect(meta.title).toBe(`${article.headline}(2ページ目)`);
    expect(meta.openGraph).toMatchObject({ type: 'article', publishedTime: '2026-11-20T20:38:00+09:00', section: 'ワールド', tags: ['東アジア', '架空の人物'] });
    expect(meta.robots).toEqual({ 'max-image-preview': 'large' });
    // LINE, X and the rest name the publication beside the card.
    expect(meta.twitter).toMatchObject({ site: '@kiji_news_demo', title: article.headline });
  });

  it('gives link previews a JPEG of a stored hero (LINE does not show WebP), at the size it will have', () => {
    const hero = { src: '/media/demo/articles/a.webp', width: 1600, height: 900, alt: '会見する首相', caption: null, credit: null };
    const meta = buildArticleMetadata({ ...article, hero }, 1);
    expect(meta.openGraph?.images).toEqual([{ url: '/crops/og/demo/articles/a.webp.jpg', width: 1200, height: 630, alt: '会見する首相' }]);
    expect(meta.twitter?.images).toEqual(['/crops/og/demo/articles/a.webp.jpg']);
  });
  it('names the page by the desk\'s SEO title and description when set, on every page of the article', () => {
    const meta = buildArticleMetadata({ ...article, seo: { title: '北朝鮮外交の行方', description: '露朝関係の今を読み解く。', image: null } }, 2);
    expect(meta.title).toBe('北朝鮮外交の行方(2ページ目)');
    expect(meta.description).toBe('露朝関係の今を読み解く。');
    expect(meta.openGraph).toMatchObject({ title: '北朝鮮外交の行方', description: '露朝関係の今を読み解く。' });
    expect(buildNewsArticle({ ...article, seo: { title: 'x', description: '露朝関係の今を読み解く。', image: null } }, SITE)).toMatchObject({
      headline: article.headline,
      description: '露朝関係の今を読み解く。',
    });
  });

  it('gives link previews the desk\'s share picture instead of the hero when one is chosen', () => {
    const image = { src: '/media/uploads/share.webp', width: 2400, height: 1260 };
    const meta = buildArticleMetadata({ ...article, seo: { title: null, description: null, image } }, 1);
    expect(meta.openGraph?.images).toEqual([{ url: '/crops/og/uploads/share.webp.jpg', width: 1200, height: 630, alt: '港' }]);
    expect(meta.twitter).toMatchObject({ card: 'summary_large_image', images: ['/crops/og/uploads/share.webp.jpg'] });
    // Google's article images stay the hero's crops.
    expect(JSON.stringify(buildNewsArticle({ ...article, seo: { title: null, description: null, image } }, SITE))).not.toContain('share.webp');
  });

  it('never indexes search results', () => {
    expect(buildSearchMetadata('外交').robots).toEqual({ index: false, follow: true });
  });
});

describe('RSS', () => {
  const item: FeedArticle = {
    ...article,
    headline: 'A&B <速報> "引用" \u0001',
    description: '説明 & <b>太字</b>',
    authors: ['佐藤花子'],
    tags: ['架空の人物'],
    agencyName: null,
    heroBytes: 12345,
    corrections: [],
  };
  const channel = { title: 'Kiji 最新記事', description: 'd', link: '/', self: '/feed.xml', logo: '/brand/kiji-logo.png', copyright: '© Kiji' };

  it('is well-formed XML that a standard parser reads back exactly', async () => {
    const xml = buildRssFeed(channel, [item], SITE, new Date('2026-11-21T00:00:00Z'));
    expect(checkWellFormed(xml).ok).toBe(true);
    const feed = await new Parser({ customFields: { item: ['dc:creator'] } }).parseString(xml);
    const [parsed] = feed.items;
    expect(parsed?.title).toBe('A&B <速報> "引用" ');
    expect(parsed?.content).toBe('説明 & <b>太字</b>');
    expect(parsed?.link).toBe(`${SITE}/articles/abcdefgh`);
    expect(parsed?.enclosure).toMatchObject({ url: `${SITE}/media/demo/articles/x.webp`, length: '12345', type: 'image/webp' });
    expect((parsed as unknown as Record<string, string>)['dc:creator']).toBe('佐藤花子');
    expect(parsed?.pubDate).toBe('Fri, 20 Nov 2026 11:38:00 GMT');
  });

  it("adds each 訂正 notice, dated in Japan time, after the item's description", async () => {
    expect(describeItem(item)).toBe(item.description);
    const corrected = { ...item, corrections: [{ text: '(訂正)A&B <誤り>。', publishedAt: '2026-11-20T11:50:00.000Z' }] };
    const xml = buildRssFeed(channel, [corrected], SITE, new Date('2026-11-21T00:00:00Z'));
    expect(checkWellFormed(xml).ok).toBe(true);
    const [parsed] = (await new Parser().parseString(xml)).items;
    expect(parsed?.content).toBe('説明 & <b>太字</b>\n\n【訂正 2026年11月20日(金)20時50分】(訂正)A&B <誤り>。');
  });
});
