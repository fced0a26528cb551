import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { compareEntries, type RankingEntry, type RankingSnapshot, type ViewCounts, type ViewStore } from './store';
import { getWindowBounds, isRankingPeriod, type RankingPeriod } from './windows';

// Rows per INSERT: SQLite binds at most 32,766 parameters, PostgreSQL 65,535; three per row.
const ROWS_PER_INSERT = 500;

/**
 * Views in the site's own database (SQLite or PostgreSQL, one code path):
 * `article_views` holds a row per article per JST hour, upserted in batches
 * by the view buffer, so a beacon never waits on a write.
 */
export class SqlViewStore implements ViewStore {
  readonly kind = 'sql';

  constructor(private readonly db: Kysely<Database>) {}

  async addViews(counts: ViewCounts, latestViewAt: Date): Promise<void> {
    const rows = [...counts].flatMap(([hour, perArticle]) => [...perArticle].map(([article_id, views]) => ({ hour, article_id, views })));
    if (rows.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        await trx
          .insertInto('article_views')
          .values(rows.slice(i, i + ROWS_PER_INSERT))
          .onConflict((oc) =>
            oc.columns(['hour', 'article_id']).doUpdateSet((eb) => ({ views: eb('article_views.views', '+', eb.ref('excluded.views')) })),
          )
          .execute();
      }
      const at = latestViewAt.toISOString();
      // Only ever forward: batches from a slow flush must not move it back.
      await trx
        .insertInto('article_view_state')
        .values({ name: 'latest_view', at })
        .onConflict((oc) => oc.column('name').doUpdateSet({ at }).where('article_view_state.at', '<', at))
        .execute();
    });
  }

  async sumWindow(period: RankingPeriod, now: Date, limit: number): Promise<RankingEntry[]> {
    const { fromHour, toHour } = getWindowBounds(period, now);
    const rows = await this.db
      .selectFrom('article_views')
      .where('hour', '>=', fromHour)
      .where('hour', '<=', toHour)
      .groupBy('article_id')
      .select((eb) => ['article_id', eb.fn.sum<number>('views').as('total')])
      .orderBy('total', 'desc')
      .orderBy('article_id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.article_id, views: Number(r.total) })).sort(compareEntries);
  }

  async getLatestViewAt(): Promise<string | null> {
    const row = await this.db.selectFrom('article_view_state').select('at').where('name', '=', 'latest_view').executeTakeFirst();
    return row?.at ?? null;
  }

  async saveRankings(snapshots: RankingSnapshot[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const s of snapshots) {
        const values = { computed_at: s.computedAt, latest_view_at: s.latestViewAt, entries: JSON.stringify(s.entries) };
        await trx
          .insertInto('article_view_rankings')
          .values({ period: s.period, ...values })
          .onConflict((oc) => oc.column('period').doUpdateSet(values))
          .execute();
      }
    });
  }

  async readRankings(): Promise<RankingSnapshot[]> {
    const rows = await this.db.selectFrom('article_view_rankings').selectAll().execute();
    return rows.flatMap((r) =>
      isRankingPeriod(r.period)
        ? [{ period: r.period, computedAt: r.computed_at, latestViewAt: r.latest_view_at, entries: JSON.parse(r.entries) as RankingEntry[] }]
        : [],
    );
  }

  async claimJob(now: Date, leaseMs: number): Promise<boolean> {
    const at = now.toISOString();
    const free = new Date(now.getTime() - leaseMs).toISOString();
    // One statement, so two instances racing cannot both win: the insert or
    // the conditional update changes a row for exactly one of them.
    const result = await this.db
      .insertInto('article_view_state')
      .values({ name: 'ranking_job', at })
      .onConflict((oc) => oc.column('name').doUpdateSet({ at }).where('article_view_state.at', '<=', free))
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async markOnce(name: string, now: Date): Promise<boolean> {
    const result = await this.db
      .insertInto('article_view_state')
      .values({ name: `once:${name}`, at: now.toISOString() })
      .onConflict((oc) => oc.column('name').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async prune(beforeHour: number): Promise<void> {
    await this.db.deleteFrom('article_views').where('hour', '<', beforeHour).execute();
  }
}
