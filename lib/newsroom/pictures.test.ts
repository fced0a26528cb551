import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, TEST_ENGINES, type TestDatabase } from '../../test/support/database';
import { pictureLibraryMigration } from '../db/migrations/0022-picture-library';
import { createEditor } from './editors';
import { PICTURES_PER_PAGE } from './picture-fields';
import { addPicture, findPicture, listPictures, toSearchWords, updatePicture } from './pictures';

/**
 * The picture library on both databases: newest first, a search that finds
 * Japanese words inside captions, credits and alt text (and treats % and _
 * as the characters they are), paging, and edits that refuse unknown ids.
 */

const T0 = new Date('2026-12-05T00:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const picture = (n: number, fields: { caption?: string; credit?: string; alt?: string } = {}) => ({
  src: `/media/uploads/2026/12/pic${String(n).padStart(9, '0')}.webp`,
  width: 1600,
  height: 900,
  byteSize: 12_345,
  uploadedBy: null,
  ...fields,
});

describe.each(TEST_ENGINES)('the picture library on %s', (engine) => {
  let conn: TestDatabase;
  let editorId: string;
  let ids: Record<string, string>;

  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'pictures', { prepared: true });
    editorId = (await createEditor(conn.db, { login: 'photo', name: '写真 花子', password: 'a-long-enough-passphrase-1' })).id;
    ids = {
      fireworks: await addPicture(conn.db, { ...picture(1, { caption: '潮見町の夏祭りの花火', credit: 'Kiji編集部', alt: '夜空に開く大輪の花火' }), uploadedBy: editorId }, at(1)),
      harbor: await addPicture(conn.db, picture(2, { caption: '朝の港', credit: '共同通信', alt: '漁船が並ぶ岸壁' }), at(2)),
      percent: await addPicture(conn.db, picture(3, { caption: '支持率100%_速報', credit: 'Reuters', alt: 'グラフ' }), at(3)),
    };
  }, 60_000);
  afterAll(() => conn?.close());

  it('lists every picture newest first, with who uploaded it', async () => {
    const { pictures, page, hasNext } = await listPictures(conn.db, {});
    expect(pictures.map((p) => p.id)).toEqual([ids.percent, ids.harbor, ids.fireworks]);
    expect({ page, hasNext }).toEqual({ page: 1, hasNext: false });
    expect(pictures[2]).toMatchObject({ caption: '潮見町の夏祭りの花火', credit: 'Kiji編集部', uploadedBy: '写真 花子', byteSize: 12_345, width: 1600, height: 900 });
    expect(pictures[1]!.uploadedBy).toBeNull();
  });

  it('finds a Japanese word inside the caption, the credit or the alt text', async () => {
    const find = async (query: string) => (await listPictures(conn.db, { query })).pictures.map((p) => p.id);
    expect(await find('夏祭り')).toEqual([ids.fireworks]);
    expect(await find('共同')).toEqual([ids.harbor]);
    expect(await find('岸壁')).toEqual([ids.harbor]);
    expect(await find('kiji')).toEqual([ids.fireworks]);
    // Every word must match, each anywhere; a full-width space separates too.
    expect(await find('花火　編集部')).toEqual([ids.fireworks]);
    expect(await find('花火 共同')).toEqual([]);
  });

  it('takes % and _ literally, not as wildcards', async () => {
    const find = async (query: string) => (await listPictures(conn.db, { query })).pictures.map((p) => p.id);
    expect(await find('%')).toEqual([ids.percent]);
    expect(await find('0%_')).toEqual([ids.percent]);
    expect(await find('_')).toEqual([ids.percent]);
    expect(await find('\\')).toEqual([]);
  });

  it('pages through the library, and answers an empty page past the end rather than failing', async () => {
    const extra = Array.from({ length: PICTURES_PER_PAGE }, (_, i) => i);
    for (const i of extra) await addPicture(conn.db, picture(100 + i, { caption: `ページ送り ${i}` }), at(10 + i));
    const first = await listPictures(conn.db, { query: 'ページ送り' });
    expect(first.pictures).toHaveLength(PICTURES_PER_PAGE);
    expect(first.hasNext).toBe(false);
    const all = await listPictures(conn.db, {});
    expect(all.hasNext).toBe(true);
    const second = await listPictures(conn.db, { page: 2 });
    expect(second.pictures.map((p) => p.id)).toEqual([ids.percent, ids.harbor, ids.fireworks]);
    expect((await listPictures(conn.db, { page: 99 })).pictures).toEqual([]);
    expect((await listPictures(conn.db, { page: -3 })).page).toBe(1);
  });

  it('changes the words of a picture, and answers null for an unknown id', async () => {
    const changed = await updatePicture(conn.db, ids.harbor!, { caption: '夕方の港', credit: '共同', alt: '夕日と漁船' });
    expect(changed).toMatchObject({ id: ids.harbor, caption: '夕方の港', credit: '共同', alt: '夕日と漁船' });
    expect(await findPicture(conn.db, ids.harbor!)).toMatchObject({ caption: '夕方の港' });
    expect(await updatePicture(conn.db, 'zzzzzzzzzzzz', { caption: 'x', credit: '', alt: '' })).toBeNull();
    expect(await findPicture(conn.db, 'zzzzzzzzzzzz')).toBeNull();
  });
});

describe.each(TEST_ENGINES)('listing the pictures of existing articles (migration 0022) on %s', (engine) => {
  let conn: TestDatabase;
  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'pictures-backfill', { prepared: true });
  }, 60_000);
  afterAll(() => conn?.close());

  it('lists each stored hero and body figure once, with the words of the newest article using it', async () => {
    const media = (path: string) => ({ path, content_type: 'image/webp', bytes: new Uint8Array(2048), width: 1200, height: 800, created_at: T0.toISOString() });
    await conn.db.insertInto('media').values([media('uploads/2026/11/hero.webp'), media('uploads/2026/11/body.webp')]).execute();
    await conn.db.insertInto('sections').values({ slug: 'world', name: 'ワールド', description: '', position: 0 }).execute();
    const article = (id: string, updated: Date, fields: Record<string, string | null>) => ({
      id,
      status: 'published' as const,
      headline: id,
      body: '本文。',
      section_slug: 'world',
      sponsored: 0,
      created_at: T0.toISOString(),
      updated_at: updated.toISOString(),
      published_at: T0.toISOString(),
      ...fields,
    });
    await conn.db
      .insertInto('articles')
      .values([
        article('aaaa2345', at(1), { hero_src: '/media/uploads/2026/11/hero.webp', hero_caption: '古い説明', hero_credit: '', hero_alt: '' }),
        article('bbbb2345', at(5), { hero_src: '/media/uploads/2026/11/hero.webp', hero_caption: '新しい説明', hero_credit: '共同', hero_alt: '港' }),
        article('cccc2345', at(2), {
          body: '前文。\n\n::figure[祭り\\]の夜]{src="/media/uploads/2026/11/body.webp" alt="&quot;花火&quot;" credit="Kiji編集部"}\n\n::figure[外の絵]{src="/media/missing.webp" alt="x"}\n',
        }),
      ])
      .execute();
    // The migration again, on a database that already holds articles (as a live site's does when 0022 arrives).
    await conn.db.schema.dropTable('pictures').execute();
    await pictureLibraryMigration(engine).up(conn.db);
    const { pictures } = await listPictures(conn.db, {});
    expect(pictures.map(({ src, caption, credit, alt, byteSize }) => ({ src, caption, credit, alt, byteSize })).sort((a, b) => a.src.localeCompare(b.src))).toEqual([
      { src: '/media/uploads/2026/11/body.webp', caption: '祭り]の夜', credit: 'Kiji編集部', alt: '"花火"', byteSize: 2048 },
      { src: '/media/uploads/2026/11/hero.webp', caption: '新しい説明', credit: '共同', alt: '港', byteSize: 2048 },
    ]);
  });
});

describe('toSearchWords', () => {
  it('splits on half- and full-width spaces and keeps at most five words', () => {
    expect(toSearchWords('  花火 　港  ')).toEqual(['花火', '港']);
    expect(toSearchWords('a b c d e f g')).toHaveLength(5);
  });
});
