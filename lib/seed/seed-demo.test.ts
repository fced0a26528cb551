import { afterAll, describe, expect, it } from 'vitest';
import { openTestSqlite } from '../../test/support/database';
import { migrateToLatest } from '../db/connect';
import { listPictures } from '../newsroom/pictures';
import { demoArticles } from './demo/articles';
import { demoMagazineIssues, demoPublications } from './demo/magazine';
import { seedDemoContent } from './seed-demo';

/**
 * A fresh demo's 写真ライブラリ (ADR 0046): the migration's backfill runs
 * before the seed, so without the seed's own entries a new install's desk
 * opened an empty library, and the cover and portrait pickers had nothing
 * to offer until someone uploaded.
 */
describe('seedDemoContent and the picture library', () => {
  const conn = openTestSqlite('kiji-seed-demo-');
  afterAll(() => conn.db.destroy());
  const now = new Date('2026-11-20T03:00:00Z');

  it('lists every demo picture once, with the words its article or cover gives it', async () => {
    await migrateToLatest(conn);
    await seedDemoContent(conn.db, { now });
    const pictures = await conn.db.selectFrom('pictures').select(['src', 'caption', 'credit', 'alt', 'width', 'height']).execute();
    const bySrc = new Map(pictures.map((p) => [p.src, p]));
    expect(bySrc.size, 'each picture once').toBe(pictures.length);
    const media = await conn.db.selectFrom('media').select('path').execute();
    expect([...bySrc.keys()].sort(), 'every stored demo picture is in the library').toEqual(media.map((m) => `/media/${m.path}`).sort());

    const hero = demoArticles[0]!;
    expect(bySrc.get(`/media/demo/articles/${hero.key}.webp`)).toMatchObject({ caption: hero.hero.caption, credit: hero.hero.credit, alt: hero.hero.alt, width: 1200 });
    const figure = /^::figure\[([^\]]*)\]\{[^}]*src="([^"]+)"[^}]*alt="([^"]*)"[^}]*\}$/m;
    const withFigure = demoArticles.map((a) => figure.exec(a.body)).find((m) => m !== null)!;
    expect(bySrc.get(withFigure[2]!)).toMatchObject({ caption: withFigure[1], alt: withFigure[3] });
    const covers = pictures.filter((p) => p.src.startsWith('/media/demo/magazine/') || p.src.startsWith('/media/demo/publications/'));
    expect(covers).toHaveLength(demoMagazineIssues.length + demoPublications.length);
    for (const cover of covers) {
      expect(cover.caption).toMatch(/表紙/);
      expect(cover.alt).toMatch(/表紙/);
    }

    // A story's pictures enter the library when it last changed, so the newest stories' come first; nothing from the future.
    const [heroRow] = await conn.db.selectFrom('pictures').select('created_at').where('src', '=', `/media/demo/articles/${hero.key}.webp`).execute();
    const [article] = await conn.db.selectFrom('articles').select('updated_at').where('hero_src', '=', `/media/demo/articles/${hero.key}.webp`).execute();
    expect(heroRow!.created_at).toBe(article!.updated_at);
    const times = await conn.db.selectFrom('pictures').select('created_at').execute();
    expect(times.every((t) => Date.parse(String(t.created_at)) <= now.getTime())).toBe(true);

    // The desk sees them at once, newest first, a page at a time.
    const page = await listPictures(conn.db, {});
    expect(page.pictures).toHaveLength(24);
    expect(page.hasNext).toBe(true);
    expect((await listPictures(conn.db, { query: demoMagazineIssues[0]!.featureTitle })).pictures.map((p) => p.src)).toEqual([expect.stringMatching(/^\/media\/demo\/magazine\//)]);
  }, 120_000);
});
