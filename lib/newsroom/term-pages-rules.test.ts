import { describe, expect, it } from 'vitest';
import {
  authorFieldsSchema,
  canEditTermPages,
  decideTermDeleteRefusal,
  decideTermInvalidation,
  seriesFieldsSchema,
  termSlugSchema,
  toTermInputMessage,
  topicFieldsSchema,
} from './term-pages-rules';

/**
 * The rules of 特集・連載・筆者 (ADR 0050) as the desk meets them: which
 * addresses a new term may take, what each field accepts and what it says
 * when it does not, who may edit, why a term in use stays, and which cached
 * pages each kind of change makes old.
 */

const GENERIC = '入力内容を確認してください。';
const refusal = (schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) return null;
  return toTermInputMessage(result.error as Parameters<typeof toTermInputMessage>[0], GENERIC);
};

describe('a new term’s URL', () => {
  it('takes ASCII lower case, digits and hyphens, making full-width and capital letters ASCII lower case', () => {
    expect(termSlugSchema.parse('energy-transition')).toBe('energy-transition');
    expect(termSlugSchema.parse(' Ｍｉｒａｉ-2030 ')).toBe('mirai-2030');
  });

  it.each([
    ['', /入力してください/],
    ['エネルギー', /半角の英小文字・数字・ハイフン/],
    ['a b', /半角の英小文字・数字・ハイフン/],
    ['../etc', /半角の英小文字・数字・ハイフン/],
    ['x', /2文字以上/],
    ['ends-', /ハイフンで終わらない/],
    ['new', /「new」はURLに使えません/],
    ['a'.repeat(65), /半角の英小文字・数字・ハイフン/],
  ])('refuses %j saying why', (value, message) => {
    expect(refusal(termSlugSchema, value)).toMatch(message);
  });
});

describe('the fields', () => {
  it('clean what was typed: controls and bidi overrides gone, one line where one line is shown, paragraphs kept in a profile', () => {
    expect(topicFieldsSchema.parse({ name: ' 防災\u202e・減災\n', description: '地震\tと豪雨' })).toEqual({ name: '防災・減災', description: '地震 と豪雨' });
    const author = authorFieldsSchema.parse({ name: '伊東さやか', role: '経済部記者', profile: '一段落目。  \r\n\r\n\r\n\r\n二段落目。\u0007', portraitSrc: null });
    expect(author.profile).toBe('一段落目。\n\n二段落目。');
  });

  it('keep a sponsor only on a sponsored series, and require one there', () => {
    expect(seriesFieldsSchema.parse({ name: '未来の街', description: '', sponsored: false, sponsorName: '消えるはずの社名' }).sponsorName).toBe('');
    expect(seriesFieldsSchema.parse({ name: '未来の街', description: '', sponsored: true, sponsorName: ' 架空精機株式会社 ' }).sponsorName).toBe('架空精機株式会社');
    expect(refusal(seriesFieldsSchema, { name: '未来の街', description: '', sponsored: true, sponsorName: '  ' })).toBe('提供の連載には、提供元(スポンサー名)が必要です。');
  });

  it.each([
    ['an empty name', topicFieldsSchema, { name: '  ', description: '' }, '名前を入力してください。'],
    ['a name of 41 characters', topicFieldsSchema, { name: 'あ'.repeat(41), description: '' }, '名前:40文字以内で入力してください。'],
    ['a pasted novel as a description', topicFieldsSchema, { name: '半導体', description: 'あ'.repeat(5000) }, '説明:300文字以内で入力してください。'],
    ['a profile of 1,001 characters', authorFieldsSchema, { name: '伊東', role: '記者', profile: 'あ'.repeat(1001), portraitSrc: null }, 'プロフィール:1000文字以内で入力してください。'],
    ['no 肩書き', authorFieldsSchema, { name: '伊東', role: '', profile: '', portraitSrc: null }, '肩書きを入力してください(例:経済部記者)。'],
    ['a portrait from outside', authorFieldsSchema, { name: '伊東', role: '記者', profile: '', portraitSrc: 'https://evil.example/a.jpg' }, '写真をライブラリから選び直してください。'],
    ['a portrait path that climbs', authorFieldsSchema, { name: '伊東', role: '記者', profile: '', portraitSrc: '/media/../secret' }, '写真をライブラリから選び直してください。'],
  ])('refuse %s in Japanese, saying which field', (_, schema, value, message) => {
    expect(refusal(schema, value)).toBe(message);
  });

  it.each([
    ['a field no form has', { name: '半導体', description: '', role: 'admin' }],
    ['a number for a name', { name: 42, description: '' }],
    ['nothing at all', {}],
  ])('refuse %s with the generic message', (_, value) => {
    expect(refusal(topicFieldsSchema, value)).toBe(GENERIC);
  });
});

describe('who may edit', () => {
  it('is the desk’s and the 管理者’s, never a 記者’s', () => {
    expect([canEditTermPages('reporter'), canEditTermPages('desk'), canEditTermPages('admin')]).toEqual([false, true, true]);
  });
});

describe('deleting', () => {
  it('is refused while any article uses the term, saying how many and what to do', () => {
    expect(decideTermDeleteRefusal('topics', 'コメ価格', { public: 0, other: 0 })).toBeNull();
    expect(decideTermDeleteRefusal('topics', 'コメ価格', { public: 2, other: 1 })).toBe(
      '特集「コメ価格」は記事3本(公開中2本、下書きなど1本)で使われているため削除できません。各記事のトピックから外してから削除してください。',
    );
    expect(decideTermDeleteRefusal('authors', '伊東さやか', { public: 0, other: 1 })).toMatch(/記事1本\(下書きなど1本\).*署名から外して/);
    expect(decideTermDeleteRefusal('series', '東北の台所から', { public: 5, other: 0 })).toMatch(/連載の指定を外して/);
  });
});

describe('what a change makes old', () => {
  const topic = { name: 'コメ価格', description: '主食米の価格' };
  const series = { name: '東北の台所から', description: '食卓の物語', sponsored: false, sponsorName: '' };
  const author = { name: '伊東さやか', role: '経済部記者', profile: '2015年入社。', portraitSrc: null };

  it('a topic’s description: its own page alone', () => {
    expect(decideTermInvalidation('topics', 'rice-prices', topic, { ...topic, description: '流通と農政' })).toEqual(['topic:rice-prices']);
  });

  it('a topic’s name: every page with its chip or a card labelled with it (taxonomy), the home page’s cards (articles)', () => {
    expect(decideTermInvalidation('topics', 'rice-prices', topic, { ...topic, name: 'コメの値段' })).toEqual(['topic:rice-prices', 'taxonomy', 'articles']);
  });

  it('a series, whatever changed: its page and the pages with its box or the sidebar’s 連載 (taxonomy)', () => {
    expect(decideTermInvalidation('series', 'tohoku-kitchens', series, { ...series, sponsored: true, sponsorName: '架空食品' })).toEqual(['series:tohoku-kitchens', 'taxonomy']);
    expect(decideTermInvalidation('series', 'tohoku-kitchens', series, { ...series, description: '生産者の物語' })).toEqual(['series:tohoku-kitchens', 'taxonomy']);
  });

  it('an author’s profile or portrait: their page alone; their name or 肩書き: also the articles whose byline prints it', () => {
    expect(decideTermInvalidation('authors', 'ito-sayaka', author, { ...author, profile: '経済部で金融を担当。' })).toEqual(['author:ito-sayaka']);
    expect(decideTermInvalidation('authors', 'ito-sayaka', author, { ...author, portraitSrc: '/media/uploads/2026/12/a.webp' })).toEqual(['author:ito-sayaka']);
    expect(decideTermInvalidation('authors', 'ito-sayaka', author, { ...author, role: '経済部デスク' })).toEqual(['author:ito-sayaka', 'byline:ito-sayaka']);
  });

  it('nothing when nothing changed; its own page when one is made or deleted (a 404 there may be cached)', () => {
    expect(decideTermInvalidation('authors', 'ito-sayaka', author, { ...author })).toEqual([]);
    expect(decideTermInvalidation('topics', 'new-topic', null, topic)).toEqual(['topic:new-topic']);
    expect(decideTermInvalidation('authors', 'gone', author, null)).toEqual(['author:gone']);
  });
});
