import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './connect';

describe('a SQLite transaction', () => {
  const cleanups: (() => void | Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('holds the write lock from its start, so a read-then-write is never refused by another process’s write in between', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiji-tx-'));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const { db } = openDatabase({ dataDir });
    cleanups.push(() => db.destroy());
    await sql`create table notes (id integer primary key, body text)`.execute(db);
    await sql`insert into notes (id, body) values (1, '下書き')`.execute(db);

    // Another connection to the file, as a CLI or a test process would open it; it does not wait for locks.
    const other = new BetterSqlite3(path.join(dataDir, 'kiji.sqlite'));
    cleanups.push(() => {
      other.close();
    });
    other.pragma('busy_timeout = 0');

    let otherWrite: string | null = null;
    await db.transaction().execute(async (trx) => {
      const before = await sql<{ body: string }>`select body from notes where id = 1`.execute(trx);
      expect(before.rows[0]!.body).toBe('下書き');
      // With a deferred BEGIN this write got in, and the update below failed with SQLITE_BUSY at once.
      try {
        other.prepare(`update notes set body = '割り込み' where id = 1`).run();
        otherWrite = 'committed';
      } catch (error) {
        otherWrite = (error as { code?: string }).code ?? String(error);
      }
      await sql`update notes set body = '保存' where id = 1`.execute(trx);
    });

    expect(otherWrite).toBe('SQLITE_BUSY');
    expect(other.prepare('select body from notes where id = 1').get()).toEqual({ body: '保存' });
  });
});
