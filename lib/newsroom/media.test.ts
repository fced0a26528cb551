import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_HERO_WIDTH, storeUpload, UploadError } from './media';
import { openTestDatabase, TEST_ENGINES, type TestDatabase } from '../../test/support/database';
import { MAX_UPLOAD_BYTES } from './upload-rules';

const image = (width: number, height: number, format: 'png' | 'jpeg' | 'webp' = 'png') =>
  sharp({ create: { width, height, channels: 3, background: '#336699' } })
    .toFormat(format)
    .toBuffer();

describe.each(TEST_ENGINES)('photo uploads on %s', (engine) => {
  let conn: TestDatabase;
  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'media', { prepared: true });
  }, 60_000);
  afterAll(() => conn?.close());

  it('stores the bytes in the media table at a new /media path, with the size read from the image', async () => {
    const stored = await storeUpload(conn.db, await image(1200, 675), 'image/png');
    expect(stored).toMatchObject({ width: 1200, height: 675, contentType: 'image/png' });
    expect(stored.src).toMatch(/^\/media\/uploads\/\d{4}\/\d{2}\/[a-z0-9x]{12}\.png$/);
    const row = await conn.db.selectFrom('media').selectAll().where('path', '=', stored.src.slice('/media/'.length)).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ width: 1200, height: 675, content_type: 'image/png' });
    expect((await sharp(Buffer.from(row.bytes)).metadata()).format).toBe('png');
  });

  it('lists the upload in the picture library with its words, size and uploader', async () => {
    const stored = await storeUpload(conn.db, await image(800, 600, 'webp'), 'image/webp', { uploadedBy: null, fields: { caption: '港', credit: '共同', alt: '岸壁' } });
    const entry = await conn.db.selectFrom('pictures').selectAll().where('id', '=', stored.id).executeTakeFirstOrThrow();
    const row = await conn.db.selectFrom('media').select('bytes').where('path', '=', stored.src.slice('/media/'.length)).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ src: stored.src, width: 800, height: 600, caption: '港', credit: '共同', alt: '岸壁', uploaded_by: null });
    expect(Number(entry.byte_size)).toBe(row.bytes.byteLength);
  });

  it('drops EXIF (a camera would include where the photo was taken) and applies its rotation', async () => {
    const withExif = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#884422' } })
      .jpeg()
      .withMetadata({ orientation: 6, exif: { IFD0: { Copyright: 'secret place' } } })
      .toBuffer();
    expect((await sharp(withExif).metadata()).exif).toBeDefined();
    const stored = await storeUpload(conn.db, withExif, 'image/jpeg');
    // Orientation 6 is a quarter turn: the stored image is upright, 600 × 800.
    expect(stored).toMatchObject({ width: 600, height: 800 });
    const row = await conn.db.selectFrom('media').select('bytes').where('path', '=', stored.src.slice('/media/'.length)).executeTakeFirstOrThrow();
    const meta = await sharp(Buffer.from(row.bytes)).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation ?? 1).toBe(1);
  });

  it('refuses what is not what it says, too small, too large or not an image, with the right status', async () => {
    const refuse = async (bytes: Uint8Array, type: string) =>
      storeUpload(conn.db, bytes, type).then(
        () => null,
        (e: unknown) => (e instanceof UploadError ? [e.status, e.message] : e),
      );
    expect(await refuse(await image(1200, 675, 'jpeg'), 'image/png')).toEqual([415, expect.stringContaining('一致しません')]);
    expect(await refuse(await image(1200, 675), 'image/gif')).toEqual([415, expect.any(String)]);
    expect(await refuse(new TextEncoder().encode('<svg onload=alert(1)>'), 'image/png')).toEqual([415, expect.any(String)]);
    expect(await refuse(await image(MIN_HERO_WIDTH - 1, 300), 'image/png')).toEqual([422, expect.stringContaining(`${MIN_HERO_WIDTH}px`)]);
    expect(await refuse(new Uint8Array(MAX_UPLOAD_BYTES + 1), 'image/png')).toEqual([413, expect.any(String)]);
    expect(await refuse(new Uint8Array(0), 'image/png')).toEqual([400, expect.any(String)]);
  });
});
