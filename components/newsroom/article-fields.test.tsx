import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BylinePicker } from './byline-picker.client';
import { CharCount } from './char-count';
import { HeroField } from './hero-field.client';
import { SeoFields } from './seo-fields.client';

/** The article fields as the editor first renders them (server HTML, before hydration). */

const noop = () => undefined;
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('CharCount', () => {
  it('shows the count against the house limit, and over it says so in words and colour', () => {
    const within = renderToStaticMarkup(<CharCount id="c" field="headline" count={30} limit={30} />);
    expect(text(within)).toBe('30字/目安30字');
    expect(within).not.toContain('data-over');
    const over = renderToStaticMarkup(<CharCount id="c" field="headline" count={34} limit={30} />);
    expect(text(over)).toBe('⚠ 34字/目安30字(4字超過)');
    expect(over).toContain('data-over="true"');
    expect(over).toContain('text-brand-dark');
  });

  it('keeps one line of one height whatever it says, so the form never moves', () => {
    for (const count of [0, 30, 31, 12_000]) {
      expect(renderToStaticMarkup(<CharCount id="c" field="body" count={count} limit={30} />)).toMatch(/class="[^"]*\bh-5\b[^"]*whitespace-nowrap/);
    }
  });
});

describe('BylinePicker', () => {
  const authorOptions = [
    { slug: 'ito-sayaka', name: '伊東さやか', role: '経済部記者' },
    { slug: 'nakamura-jun', name: '中村潤', role: '国際部記者' },
  ];
  const agencyOptions = [{ slug: 'wire', name: '共同配信' }];
  const picker = (authors: string[], agency: string | null = null) =>
    renderToStaticMarkup(
      <BylinePicker authors={authors} agency={agency} wireCode={null} authorOptions={authorOptions} agencyOptions={agencyOptions} onAuthorsChange={noop} onAgencyChange={noop} />,
    );

  it('lists the byline in its order, and offers only the authors not in it', () => {
    const html = picker(['nakamura-jun', 'ito-sayaka']);
    expect(text(html).indexOf('中村潤')).toBeLessThan(text(html).indexOf('伊東さやか'));
    expect(html).toMatch(/<button type="button" disabled="" aria-label="「中村潤」を前へ"/);
    expect(html).toMatch(/<button type="button" disabled="" aria-label="「伊東さやか」を後ろへ"/);
    const one = picker(['nakamura-jun']);
    expect(one).toContain('<option value="ito-sayaka">');
    expect(one).not.toContain('<option value="nakamura-jun">');
  });

  it('says who is credited when there is no author: the agency, else the desk', () => {
    expect(text(picker([], 'wire'))).toContain('署名なし(配信元「共同配信」を表示)');
    expect(text(picker([]))).toContain('署名なし(編集部の記事として表示)');
  });

  it('names an author who is not registered instead of hiding them', () => {
    expect(text(picker(['gone-reporter']))).toContain('登録されていない著者(gone-reporter)');
  });
});

describe('the credit field', () => {
  it('says the site adds 写真:, and shows what readers will see without a doubled prefix', () => {
    const hero = { src: '/media/uploads/a.webp', width: 1200, height: 800, alt: '港', caption: '', credit: '写真:Kiji編集部' };
    const html = text(renderToStaticMarkup(<HeroField hero={hero} csrfToken="t" onChange={noop} />));
    expect(html).toContain('クレジット(表示：写真:〇〇)');
    expect(html).toContain('読者には「写真:Kiji編集部」と表示されます');
  });
});

describe('SeoFields', () => {
  const hero = { src: '/media/uploads/hero.webp', width: 1600, height: 900 };
  const fields = (props: Partial<Parameters<typeof SeoFields>[0]> = {}) =>
    renderToStaticMarkup(
      <SeoFields
        seoTitle={null}
        seoDescription={null}
        headline="港の朝市が再開"
        standfirst="四十軒が出店する。"
        hero={hero}
        socialImage={null}
        csrfToken="t"
        onChange={noop}
        onSocialImageChange={noop}
        {...props}
      />,
    );

  it('falls back to the headline and standfirst, and shows the hero as link previews crop it', () => {
    const html = fields();
    expect(html).toContain('placeholder="港の朝市が再開"');
    expect(html).toContain('src="/crops/og/uploads/hero.webp.jpg"');
    expect(text(html)).toContain('7字/目安32字');
    expect(text(html)).toContain('メイン写真を1200×630の比率に自動で切り抜いたもの');
    // One file field on the form by default: the hero's.
    expect(html).not.toContain('type="file"');
  });

  it('shows the chosen share picture and the SEO title over the limit in words', () => {
    const html = fields({ seoTitle: 'あ'.repeat(40), socialImage: { src: '/media/uploads/share.webp', width: 1200, height: 630 } });
    expect(html).toContain('src="/crops/og/uploads/share.webp.jpg"');
    expect(text(html)).toContain('40字/目安32字(8字超過)');
    expect(text(html)).toContain('共有用の画像を1200×630の比率に自動で切り抜いたもの');
    expect(text(html)).toContain('メイン写真を使う');
  });
});
