import { describe, expect, it } from 'vitest';
import {
  addDays,
  canEditMagazine,
  decideIssueProblems,
  decideIssueStandings,
  decidePublicationProblems,
  isCalendarDate,
  MAGAZINE_LIMITS,
  parsePriceYen,
  type IssueInput,
  type PublicationInput,
} from './magazine-rules';

/**
 * The magazine desk's rules (ADR 0049), which the forms and the server both
 * apply: what a desk types wrong gets a Japanese reason naming the field.
 */

const issue: IssueInput = {
  issueDate: '2026-12-15',
  onSaleDate: '2026-12-08',
  featureTitle: '港町の冬支度',
  blurb: '漁港の町が冬を迎える準備を追った。',
  coverSrc: '/media/uploads/2026/12/cover.webp',
  articleIds: ['aaaa2345', 'bbbb2345'],
};

const publication: PublicationInput = {
  title: '週刊Kiji別冊 冬の旅ガイド',
  kind: 'special',
  onSaleDate: '2026-12-01',
  onSale: true,
  priceYen: 1210,
  blurb: '雪の温泉地と冬の味覚をめぐる旅の案内。',
  coverSrc: '/media/uploads/2026/12/guide.webp',
};

describe('decideIssueProblems', () => {
  it('accepts a complete issue', () => {
    expect(decideIssueProblems(issue)).toEqual([]);
  });

  const cases: [string, Partial<IssueInput>, string, RegExp][] = [
    ['a missing feature title', { featureTitle: '   ' }, 'featureTitle', /特集タイトルを入力してください/],
    ['a feature title over the limit', { featureTitle: 'あ'.repeat(MAGAZINE_LIMITS.title + 1) }, 'featureTitle', /80字以内/],
    ['a line break in the title', { featureTitle: '港町の\n冬支度' }, 'featureTitle', /改行や制御文字は使えません/],
    ['a missing blurb', { blurb: '' }, 'blurb', /紹介文を入力してください/],
    ['a blurb over the limit', { blurb: 'い'.repeat(MAGAZINE_LIMITS.blurb + 1) }, 'blurb', /400字以内/],
    ['a day that does not exist', { issueDate: '2026-02-30' }, 'issueDate', /号の日付を正しく入力してください/],
    ['a date typed in another form', { issueDate: '2026/12/15' }, 'issueDate', /号の日付を正しく/],
    ['a year slipped', { issueDate: '0202-12-15' }, 'issueDate', /号の日付を正しく/],
    ['an empty on-sale date', { onSaleDate: '' }, 'onSaleDate', /発売日を正しく入力してください/],
    ['an on-sale date after the issue date', { onSaleDate: '2026-12-16' }, 'onSaleDate', /発売日は号の日付と同じ日か、それより前/],
    ['no cover', { coverSrc: null }, 'cover', /表紙の画像を選んでください/],
    ['too many articles', { articleIds: Array.from({ length: 31 }, (_, i) => `a${String(i).padStart(3, '0')}2345`) }, 'contents', /30本まで/],
    ['an article twice', { articleIds: ['aaaa2345', 'aaaa2345'] }, 'contents', /二度入っています/],
  ];

  it.each(cases)('names %s with its field and a Japanese reason', (_, change, field, message) => {
    const problems = decideIssueProblems({ ...issue, ...change });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe(field);
    expect(problems[0]!.message).toMatch(message);
  });

  it('counts a title as readers do: 80 characters, an emoji one of them, pass', () => {
    expect(decideIssueProblems({ ...issue, featureTitle: `${'あ'.repeat(79)}🐟` })).toEqual([]);
  });

  it('lists every problem of an empty form, in the form’s order', () => {
    const problems = decideIssueProblems({ issueDate: '', onSaleDate: '', featureTitle: '', blurb: '', coverSrc: null, articleIds: [] });
    expect(problems.map((p) => p.field)).toEqual(['issueDate', 'onSaleDate', 'featureTitle', 'blurb', 'cover']);
  });
});

describe('decidePublicationProblems', () => {
  it('accepts a complete publication, a free one included', () => {
    expect(decidePublicationProblems(publication)).toEqual([]);
    expect(decidePublicationProblems({ ...publication, priceYen: 0 })).toEqual([]);
  });

  it.each([
    ['a missing title', { title: '' }, 'title', /タイトルを入力してください/],
    ['a negative price', { priceYen: -1 }, 'priceYen', /定価は0円から100,000円までの整数/],
    ['a price with a fraction', { priceYen: 1210.5 }, 'priceYen', /整数/],
    ['a price that could not be read', { priceYen: Number.NaN }, 'priceYen', /整数/],
    ['an absurd price', { priceYen: 1_000_000 }, 'priceYen', /100,000円まで/],
    ['a bad date', { onSaleDate: '2026-13-01' }, 'onSaleDate', /発売日を正しく/],
    ['no cover', { coverSrc: null }, 'cover', /表紙の画像/],
  ] as [string, Partial<PublicationInput>, string, RegExp][])('names %s', (_, change, field, message) => {
    const [problem, ...rest] = decidePublicationProblems({ ...publication, ...change });
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ field });
    expect(problem!.message).toMatch(message);
  });
});

describe('parsePriceYen', () => {
  it('reads the ways a desk types a price', () => {
    expect(parsePriceYen('1650')).toBe(1650);
    expect(parsePriceYen('１，６５０円')).toBe(1650);
    expect(parsePriceYen('¥1,650')).toBe(1650);
    expect(parsePriceYen(' 990 ')).toBe(990);
  });
  it('reads nothing else as a number', () => {
    for (const typed of ['', '千円', '16.5', '-100', '1e3', '0x10']) expect(parsePriceYen(typed), typed).toBeNaN();
  });
});

describe('dates', () => {
  it('knows real calendar days, leap years included', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-12-15T00:00')).toBe(false);
  });
  it('moves a date by days across months and years', () => {
    expect(addDays('2026-12-29', 7)).toBe('2027-01-05');
    expect(addDays('2026-03-03', -7)).toBe('2026-02-24');
  });
});

describe('decideIssueStandings', () => {
  it('marks the newest issue on sale as current, later ones upcoming, earlier ones back numbers', () => {
    const issues = [{ onSaleDate: '2026-12-15' }, { onSaleDate: '2026-12-08' }, { onSaleDate: '2026-12-01' }];
    expect(decideIssueStandings(issues, '2026-12-10')).toEqual(['upcoming', 'current', 'back']);
    expect(decideIssueStandings(issues, '2026-12-15')).toEqual(['current', 'back', 'back']);
    expect(decideIssueStandings(issues, '2026-11-30')).toEqual(['upcoming', 'upcoming', 'upcoming']);
  });
});

describe('canEditMagazine', () => {
  it('lets デスク and 管理者 edit the magazine, not 記者', () => {
    expect(canEditMagazine('desk')).toBe(true);
    expect(canEditMagazine('admin')).toBe(true);
    expect(canEditMagazine('reporter')).toBe(false);
  });
});
