import { createHash, randomBytes } from 'node:crypto';

// Lowercase letters and digits without the look-alikes 0/o and 1/l/i, so an
// id read aloud or retyped from print survives.
const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';
const ID_LENGTH = 8;

/** Article ids in URLs: 8 characters of ALPHABET. */
export const ARTICLE_ID_PATTERN = /^[2-9a-hjkmnp-z]{8}$/;

function encode(bytes: Uint8Array): string {
  let id = '';
  for (let i = 0; i < ID_LENGTH; i++) id += ALPHABET[(bytes[i] ?? 0) % ALPHABET.length];
  return id;
}

/** A fresh random article id (newsroom). */
export function createArticleId(): string {
  return encode(randomBytes(ID_LENGTH));
}

/** The stable id of a demo article, so its URL survives a re-seed. */
export function deriveArticleId(key: string): string {
  return encode(createHash('sha256').update(`kiji-article:${key}`).digest());
}

/** Whether a URL segment can be an article id at all (checked before any query). */
export function isArticleId(value: string): boolean {
  return ARTICLE_ID_PATTERN.test(value);
}
