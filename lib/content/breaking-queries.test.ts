import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, type Connection } from '../db/connect';
import { dropTestPostgres, insertTestArticles, openTestPostgres, openTestSqlite } from '../../test/support/database';
import { clearBreakingFlag, listBreakingNews, setBreakingFlag } from './breaking-queries';

/** The ニュース速報 ticker on both databases. */

const PG_SCHEMA = `kiji_breaking_${process.pid}`;
const NOW = new Date('2026-11-30T03:00:00Z');
const HOUR = 3_600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

const answers: Record<string, unknown> = {};

describe.each([
  ['sqlite', async () => openTestSqlite('kiji-breaking-')],
  ['postgres', () => openTestPostgres(PG_SCHEMA)],
] as const)('breaking news on %s', (engine, open) => {
  let conn: Connection;

  beforeAll(async () => {
    conn = await open();
    await migrateToLatest(conn);
    await insertTestArticles(conn, [
      // Flagged an hour ago, published two hours ago.
      { id: 'aaaa2345', publishedAt: at(-2), breakingAt: at(-1), breakingUntil: at(2) },
      // An older story flagged more recently: it goes first.
      { id: 'bbbb2345', publishedAt: at(-30), breakingAt: at(-0.5), breakingUntil: at(3) },
      // Expired ten minutes ago.
      { id: 'cccc2345', publishedAt: at(-1), breakingAt: at(-4), breakingUntil: at(-1 / 6) },
      // Flagged but a draft, and flagged but not yet published.
      { id: 'dddd2345', status: 'draft', publishedAt: at(-1), breakingAt: at(-0.2), breakingUntil: at(3) },
      { id: 'eeee2345', status: 'scheduled', publishedAt: at(1), breakingAt: at(-0.2), breakingUntil: at(3) },
      // Ordinary news, newest first: fff, ggg, hhh.
      { id: 'ffff2345', publishedAt: at(-0.1) },
      { id: 'gggg2345', publishedAt: at(-3) },
      { id: 'hhhh2345', publishedAt: at(-5) },
    ]);
  }, 60_000);

  afterAll(async () => {
    await conn?.db.destroy();
    if (engine === 'postgres') await dropTestPostgres(PG_SCHEMA);
  });

  it('lists live flags most recently flagged first, then fills with the latest news', async () => {
    const items = await listBreakingNews(conn.db, NOW, 5);
    expect(items.map((i) => [i.id, i.breaking])).toEqual([
      ['bbbb2345', true],
      ['aaaa2345', true],
      ['ffff2345', false],
      ['cccc2345', false], // expired: now just one of the latest
      ['gggg2345', false],
    ]);
    expect(items[0]!.section.name).toBe('ワールド');
    answers[engine] = items;
  });

  it('never shows drafts, and shows a scheduled flagged story only once it is published and due', async () => {
    const ids = (await listBreakingNews(conn.db, NOW, 50)).map((i) => i.id);
    expect(ids).not.toContain('dddd2345');
    expect(ids).not.toContain('eeee2345');
    await conn.db.updateTable('articles').set({ status: 'published' }).where('id', '=', 'eeee2345').execute();
    expect((await listBreakingNews(conn.db, NOW, 5)).map((i) => i.id)).not.toContain('eeee2345');
    expect((await listBreakingNews(conn.db, at(1.5), 1))[0]).toMatchObject({ id: 'eeee2345', breaking: true });
  });

  it('lets expired flags disappear on their own', async () => {
    const later = await listBreakingNews(conn.db, at(2.5), 5);
    // aaaa expired at +2 h; eeee (flagged 12 minutes ago) and bbbb remain.
    expect(later.filter((i) => i.breaking).map((i) => i.id)).toEqual(['eeee2345', 'bbbb2345']);
  });

  it('raises and lowers a flag for the newsroom', async () => {
    expect(await setBreakingFlag(conn.db, 'hhhh2345', { now: NOW, hours: 1 })).toBe(true);
    expect((await listBreakingNews(conn.db, NOW, 1))[0]).toMatchObject({ id: 'hhhh2345', breaking: true });
    expect((await listBreakingNews(conn.db, at(1.01), 5)).find((i) => i.id === 'hhhh2345')?.breaking ?? false).toBe(false);
    expect(await clearBreakingFlag(conn.db, 'hhhh2345')).toBe(true);
    expect((await listBreakingNews(conn.db, NOW, 1))[0]?.id).toBe('bbbb2345');
    expect(await setBreakingFlag(conn.db, 'zzzz2345', { now: NOW })).toBe(false);
    await expect(setBreakingFlag(conn.db, 'hhhh2345', { now: NOW, hours: 0 })).rejects.toThrow(RangeError);
  });
});

describe('both databases', () => {
  it('give the same ticker', () => {
    expect(answers.postgres).toEqual(answers.sqlite);
  });
});
