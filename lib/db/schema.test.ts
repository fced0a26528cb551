import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, type Connection } from './connect';
import { dropTestPostgres, openTestPostgres, openTestSqlite } from '../../test/support/database';

/**
 * lib/db/schema.ts is written by hand; the migrations are what the
 * databases hold, and nothing else checks that the two agree: a column a
 * migration added and the type forgot cannot be selected, and a property
 * the type has but no migration made compiles and fails at run time. Here
 * each engine, migrated from nothing, is asked for its tables and columns;
 * both must answer the same, and the answer is kept in schema.columns.ts
 * (a file snapshot: `npx vitest run lib/db/schema.test.ts -u` rewrites it),
 * whose compile-time checks hold it against `Database` (`npm run
 * typecheck`, part of `npm test`). TypeScript 7 has no compiler API to read
 * the type from here.
 */

type Column = { nullable: boolean };
type Tables = Map<string, Map<string, Column>>;

/** Tables of the migrations' own bookkeeping, not the application's. */
const BOOKKEEPING = new Set(['kysely_migration', 'kysely_migration_lock']);

async function sqliteTables(conn: Connection): Promise<Tables> {
  const names = await sql<{ name: string; sql: string | null }>`select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(conn.db);
  // Full-text indexes (virtual tables) and the shadow tables SQLite keeps for them are the search's, read by raw SQL.
  const virtual = names.rows.filter((t) => /^create virtual table/i.test(t.sql ?? '')).map((t) => t.name);
  const tables: Tables = new Map();
  for (const { name } of names.rows) {
    if (BOOKKEEPING.has(name) || virtual.some((v) => name === v || name.startsWith(`${v}_`))) continue;
    const columns = await sql<{ name: string; notnull: number; pk: number }>`select name, "notnull", pk from pragma_table_info(${name})`.execute(conn.db);
    tables.set(name, new Map(columns.rows.map((c) => [c.name, { nullable: c.notnull === 0 && c.pk === 0 }])));
  }
  return tables;
}

async function postgresTables(conn: Connection): Promise<Tables> {
  const columns = await sql<{ table_name: string; column_name: string; is_nullable: string }>`
    select c.table_name, c.column_name, c.is_nullable from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'`.execute(conn.db);
  const tables: Tables = new Map();
  for (const c of columns.rows) {
    if (BOOKKEEPING.has(c.table_name)) continue;
    if (!tables.has(c.table_name)) tables.set(c.table_name, new Map());
    tables.get(c.table_name)!.set(c.column_name, { nullable: c.is_nullable === 'YES' });
  }
  return tables;
}

/** Column names by table, sorted, for a readable difference. */
const namesOf = (tables: Tables) => Object.fromEntries([...tables].sort(([a], [b]) => a.localeCompare(b)).map(([table, columns]) => [table, [...columns.keys()].sort()]));

/** schema.columns.ts as the migrated database makes it. */
function columnsModule(tables: Tables): string {
  const lines = [...tables]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([table, columns]) => {
      const entries = [...columns].sort(([a], [b]) => a.localeCompare(b)).map(([name, { nullable }]) => `${name}: '${nullable ? 'null' : 'not null'}'`);
      return `  ${table}: { ${entries.join(', ')} },`;
    });
  return `// What the migrations make (both engines), written by lib/db/schema.test.ts; \`npx vitest run lib/db/schema.test.ts -u\` rewrites it.
// The types below fail \`npm run typecheck\` when lib/db/schema.ts declares something else.
import type { Selectable } from 'kysely';
import type { Database } from './schema';

export const MIGRATED_COLUMNS = {
${lines.join('\n')}
} as const;

type Migrated = typeof MIGRATED_COLUMNS;
/** What a select of each column returns, as schema.ts declares it. */
type Declared = { [T in keyof Database]: Selectable<Database[T]> };
/** 'null' where the declared select type admits null. */
type DeclaredNull = { [T in keyof Declared]: { [C in keyof Declared[T]]-?: null extends Declared[T][C] ? 'null' : 'not null' } };

/** Resolves to \`true\` only when A and B are the same type. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

export type TablesAgree = Assert<Same<keyof Migrated, keyof Database>>;
// A column that is optional in the type (written only by triggers) comes with \`undefined\` among the keys.
export type ColumnsAgree = Assert<Same<{ [T in keyof Migrated]: keyof Migrated[T] }, { [T in keyof Database]: Exclude<keyof Declared[T], undefined> }>>;
/** Per table, since one comparison of the whole nested type is more than the checker resolves. */
export type NullsAgree = Assert<Same<{ [T in keyof Migrated]: Same<{ -readonly [C in keyof Migrated[T]]: Migrated[T][C] }, DeclaredNull[T]> }[keyof Migrated], true>>;
`;
}

describe('lib/db/schema.ts against the migrated databases', () => {
  let sqlite: Tables;
  let postgres: Tables;
  const schema = 'kiji_schema_test';
  beforeAll(async () => {
    const lite = openTestSqlite('kiji-schema-');
    const pg = await openTestPostgres(schema);
    try {
      await migrateToLatest(lite);
      await migrateToLatest(pg);
      sqlite = await sqliteTables(lite);
      postgres = await postgresTables(pg);
    } finally {
      await lite.db.destroy();
      await pg.db.destroy();
      await dropTestPostgres(schema);
    }
  });

  it('finds the tables the site cannot run without', () => {
    expect([...postgres.keys()]).toEqual(expect.arrayContaining(['articles', 'sections', 'editors', 'live_posts']));
    expect(postgres.get('articles')?.get('headline')).toEqual({ nullable: false });
    expect(postgres.get('articles')?.get('breaking_until')).toEqual({ nullable: true });
  });

  it('finds the same tables and columns in SQLite and PostgreSQL', () => {
    expect(namesOf(sqlite)).toEqual(namesOf(postgres));
  });

  it('is what schema.columns.ts records, which the type checker holds against Database', async () => {
    await expect(columnsModule(postgres)).toMatchFileSnapshot('./schema.columns.ts');
  });
});
