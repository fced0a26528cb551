import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * What a 管理者 sets for the whole newsroom from the accounts page, kept in
 * the database (`newsroom_settings`, migration 0020): every instance reads
 * the same answer, and a change applies at the next request without a
 * restart. What an operator sets at deploy time stays in the environment
 * (./settings.ts).
 */

const REQUIRE_TWO_FACTOR = 'require-two-factor-for-publishers';

/** Whether デスク and 管理者 accounts must use two-factor sign-in (off until a 管理者 turns it on). */
export async function isTwoFactorRequired(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('newsroom_settings').select('value').where('name', '=', REQUIRE_TWO_FACTOR).executeTakeFirst();
  return row?.value === 'on';
}

/** Turns the requirement on or off, noting who did it and when. */
export async function setTwoFactorRequired(db: Kysely<Database>, input: { required: boolean; by: string }, now = new Date()): Promise<void> {
  const values = { value: input.required ? 'on' : 'off', updated_at: now.toISOString(), updated_by: input.by };
  await db
    .insertInto('newsroom_settings')
    .values({ name: REQUIRE_TWO_FACTOR, ...values })
    .onConflict((oc) => oc.column('name').doUpdateSet(values))
    .execute();
}
