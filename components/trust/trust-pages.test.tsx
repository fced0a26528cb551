import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TRUST_PAGES } from '@/lib/site/pages';
import { DEMO_PUBLISHER, type Publisher } from '@/lib/site/publisher';
import { AboutView } from './about-view';
import { ContactView } from './contact-view';
import { PrivacyPolicy } from './privacy-policy';
import { TermsOfUse } from './terms-of-use';

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

type View = (props: { publisher: Publisher; siteUrl: string }) => React.ReactNode;

const PAGES: { view: View; page: (typeof TRUST_PAGES)[keyof typeof TRUST_PAGES]; shows: string[] }[] = [
  { view: AboutView, page: TRUST_PAGES.about, shows: [publisher.name, publisher.address, publisher.representative, '2011年7月15日', publisher.contactEmail] },
  { view: PrivacyPolicy, page: TRUST_PAGES.privacy, shows: [publisher.name, publisher.address, publisher.representative, publisher.contactEmail] },
  { view: TermsOfUse, page: TRUST_PAGES.terms, shows: [publisher.name] },
  { view: ContactView, page: TRUST_PAGES.contact, shows: [publisher.contactEmail] },
];

function render(View: View, who: Publisher = publisher) {
  return renderToStaticMarkup(<View publisher={who} siteUrl={SITE} />);
}

describe.each(PAGES)('$page.path', ({ view, page, shows }) => {
  it('has one heading, its name, and a breadcrumb from home with the same crumbs for crawlers', () => {
    const html = render(view);
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toContain(`>${page.name}</h1>`);
    expect(html).toMatch(/<nav aria-label="パンくずリスト".*href="\/".*ホーム.*<span aria-current="page">/);
    expect(html).toContain(`"@type":"BreadcrumbList"`);
    expect(html).toContain(`"item":"${SITE}${page.path}"`);
  });

  it("shows the publisher's details from the settings, and none of the demo's", () => {
    const html = render(view);
    for (const detail of shows) expect(html).toContain(detail);
    for (const demo of [DEMO_PUBLISHER.name, DEMO_PUBLISHER.address, DEMO_PUBLISHER.representative, DEMO_PUBLISHER.contactEmail]) {
      expect(html).not.toContain(demo);
    }
    if (shows.includes(publisher.contactEmail)) expect(html).toContain(`href="mailto:${publisher.contactEmail}"`);
    expect(html).not.toContain('data-testid="demo-publisher-note"');
  });

  it("says the demo's details are fictional while no publisher is set", () => {
    const html = render(view, { ...DEMO_PUBLISHER, demo: true });
    expect(html).toContain('data-testid="demo-publisher-note"');
    expect(html).toContain('架空のもの');
  });
});

describe('structured data', () => {
  it('describes 会社概要 and お問い合わせ as the publisher’s AboutPage and ContactPage', () => {
    expect(render(AboutView)).toContain(`"@type":"AboutPage","@id":"${SITE}/about"`);
    expect(render(ContactView)).toContain(`"@type":"ContactPage","@id":"${SITE}/contact"`);
    for (const html of [render(AboutView), render(ContactView)]) expect(html).toContain(`"legalName":"${publisher.name}"`);
  });
});

describe('links between the pages', () => {
  it('lead from the corrections policy to where to report a mistake, and back', () => {
    expect(render(AboutView)).toContain('id="corrections"');
    expect(render(AboutView)).toContain('href="/contact#corrections"');
    expect(render(ContactView)).toContain('id="corrections"');
    expect(render(ContactView)).toContain('href="/about#corrections"');
    expect(render(AboutView)).toContain('id="editorial-policy"');
  });

  it("keep the newsletter's part of the privacy policy at the anchor the signup forms link to", () => {
    expect(render(PrivacyPolicy)).toMatch(/<section id="newsletter"[^>]*><h2[^>]*>2\. メールマガジン<\/h2>/);
  });

  it('dates the policies, not the company outline', () => {
    expect(render(PrivacyPolicy)).toContain('2026年12月5日 制定');
    expect(render(TermsOfUse)).toContain('2026年12月5日 制定');
    expect(render(AboutView)).not.toContain('制定');
  });
});
