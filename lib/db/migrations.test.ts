import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest } from './connect';
import { openTestSqlite } from '../../test/support/database';

describe('migrations', () => {
  it('run one that landed after a later-numbered one had run (work merged from parallel branches)', async () => {
    const conn = openTestSqlite('kiji-migrations-');
    try {
      await migrateToLatest(conn);
      // What a database migrated before 0014 landed looks like: 0015 and later ran, 0014 did not.
      await sql`delete from kysely_migration where name = '0014-roles'`.execute(conn.db);
      await sql`alter table editors drop column role`.execute(conn.db);
      await sql`alter table article_revisions drop column note`.execute(conn.db);

      await migrateToLatest(conn);
      const ran = (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(conn.db)).rows.map((r) => r.name);
      expect(ran).toContain('0014-roles');
      expect(ran).toContain('0015-front-page');
      const columns = (await sql<{ name: string }>`select name from pragma_table_info('editors')`.execute(conn.db)).rows.map((r) => r.name);
      expect(columns).toContain('role');
    } finally {
      await conn.db.destroy();
    }
  });
});
