import { describe, expect, it } from 'vitest';
import { emptyDraft, parseDraft } from './draft';
import { stripCreditPrefix } from './fields';

const base = { ...emptyDraft('world'), headline: '港の再開発', body: '本文。' };
const hero = { src: '/media/uploads/a.webp', width: 1200, height: 800, alt: '港', caption: '' };

function parsed(input: unknown) {
  const result = parseDraft(input);
  if (!result.ok) throw new Error(result.error);
  return result.draft;
}

describe('the byline in a draft', () => {
  it('keeps the authors in the order the editor chose, once each', () => {
    expect(parsed({ ...base, authors: ['suzuki', 'tanaka', 'suzuki'] }).authors).toEqual(['suzuki', 'tanaka']);
  });

  it('refuses a malformed author or more than ten, in Japanese', () => {
    expect(parseDraft({ ...base, authors: ['Tanaka San'] })).toEqual({ ok: false, error: '署名: 不正な識別子です。' });
    const eleven = Array.from({ length: 11 }, (_, i) => `author-${i}`);
    expect(parseDraft({ ...base, authors: eleven })).toEqual({ ok: false, error: '署名: 署名は10人までです。' });
  });

  it('reads a version saved before bylines and SEO fields existed as having none', () => {
    const { authors: _a, seoTitle: _t, seoDescription: _d, socialImage: _s, ...old } = base;
    expect(parsed(old)).toMatchObject({ authors: [], seoTitle: null, seoDescription: null, socialImage: null });
  });
});

describe('the SEO title and description', () => {
  it('are null when left empty or blank, and trimmed one-line text otherwise', () => {
    expect(parsed({ ...base, seoTitle: '', seoDescription: '  \n ' })).toMatchObject({ seoTitle: null, seoDescription: null });
    expect(parsed({ ...base, seoTitle: ' 朝市が再開\n港の広場で ', seoDescription: '四十軒が出店。' })).toMatchObject({
      seoTitle: '朝市が再開 港の広場で',
      seoDescription: '四十軒が出店。',
    });
  });

  it('go over the house guidance without refusal, but not over the hard limit', () => {
    expect(parsed({ ...base, seoTitle: 'あ'.repeat(60) }).seoTitle).toHaveLength(60);
    expect(parseDraft({ ...base, seoTitle: 'あ'.repeat(121) })).toEqual({ ok: false, error: '検索・共有用タイトル: 120文字以内で入力してください。' });
  });
});

describe('the share picture', () => {
  it('is one of our stored pictures or none', () => {
    expect(parsed({ ...base, socialImage: { src: '/media/uploads/b.webp', width: 1200, height: 630 } }).socialImage).toEqual({ src: '/media/uploads/b.webp', width: 1200, height: 630 });
    expect(parseDraft({ ...base, socialImage: { src: 'https://evil.example/a.jpg', width: 1200, height: 630 } })).toEqual({
      ok: false,
      error: '共有用の画像: 写真をアップロードし直してください。',
    });
  });
});

describe('the picture credit', () => {
  it('drops a 写真: the editor typed, since the site prints it (no 「写真:写真:」)', () => {
    for (const typed of ['写真:Kiji編集部', '写真：Kiji編集部', '写真 : Kiji編集部', '撮影:Kiji編集部', '画像：Kiji編集部', ' 写真:Kiji編集部 ']) {
      expect(parsed({ ...base, hero: { ...hero, credit: typed } }).hero?.credit).toBe('Kiji編集部');
    }
  });

  it('leaves every other credit as typed', () => {
    for (const credit of ['Kiji編集部', '提供:共同配信', '佐藤写真事務所', '写真家・山田']) {
      expect(parsed({ ...base, hero: { ...hero, credit } }).hero?.credit).toBe(credit);
      expect(stripCreditPrefix(credit)).toBe(credit);
    }
  });
});
