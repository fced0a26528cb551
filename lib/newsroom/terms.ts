import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, TagTable } from '../db/schema';
import { SLUG_PATTERN } from './draft';

/** Topics and tags an editor creates from the editor form. */

export const newTermSchema = z.object({
  kind: z.enum(['topic', 'tag']),
  name: z
    .string()
    .transform((s) => s.replace(/[\u0000-\u001F\u007F]/g, '').trim())
    .pipe(z.string().min(1, '名前を入力してください。').max(40, '名前は40文字以内にしてください。')),
  slug: z.string().optional(),
  tagKind: z.enum(['person', 'place', 'organization']).optional(),
});

export type NewTerm = z.output<typeof newTermSchema>;
export type CreatedTerm = { slug: string; name: string; kind?: TagTable['kind'] };

/** A refused term, with the reason in Japanese. */
export class TermError extends Error {}

/**
 * The slug for a new term: the editor's if given (checked), else one made
 * from an ASCII name, else a random one (Japanese names have no canonical
 * romanisation, and the name is what readers see anyway).
 */
export function decideTermSlug(name: string, given: string | undefined, prefix: 't' | 'g'): string {
  const wanted = given?.trim().toLowerCase();
  if (wanted) {
    if (!SLUG_PATTERN.test(wanted)) throw new TermError('URL用の名前は半角英小文字・数字・ハイフンで入力してください。');
    return wanted;
  }
  const ascii = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length >= 2 && ascii.length <= 48 && /^[\x20-\x7e]+$/.test(name.normalize('NFKC'))) return ascii;
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}

/** Creates a topic or tag; refuses a name or slug already in use. */
export async function createTerm(db: Kysely<Database>, input: NewTerm): Promise<CreatedTerm> {
  const table = input.kind === 'topic' ? 'topics' : 'tags';
  const slug = decideTermSlug(input.name, input.slug, input.kind === 'topic' ? 't' : 'g');
  const clash = await db
    .selectFrom(table)
    .select(['slug', 'name'])
    .where((eb) => eb.or([eb('slug', '=', slug), eb('name', '=', input.name)]))
    .executeTakeFirst();
  if (clash) throw new TermError(clash.name === input.name ? `「${input.name}」はすでにあります。` : 'このURL用の名前はすでに使われています。');
  if (input.kind === 'topic') {
    await db.insertInto('topics').values({ slug, name: input.name, description: '' }).execute();
    return { slug, name: input.name };
  }
  const kind = input.tagKind ?? 'organization';
  await db.insertInto('tags').values({ slug, name: input.name, kind, description: null }).execute();
  return { slug, name: input.name, kind };
}
