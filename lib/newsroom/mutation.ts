import 'server-only';
import type { z } from 'zod';
import { guardMutation, type SignedIn } from './auth';
import { readBody } from '../http/body';
import { jsonError, MESSAGES, toBodyErrorResponse, toErrorResponse } from './http';

/**
 * What every newsroom JSON mutation reads before it does anything, in the
 * one order they all follow: the guard (same origin, session, CSRF token,
 * two-factor due), the role's permission (refused before the body is read,
 * whatever the body says), the body of at most `limit` bytes, its schema.
 * Each refusal is a 4xx with a Japanese message; the editor keeps what was
 * typed (the client shows the message and changes nothing).
 */

export type MutationRules<S extends z.ZodType> = {
  /** The most bytes the body may have (BODY_LIMITS in ./http.ts). */
  limit: number;
  schema: S;
  /** The 403's message when this editor may not do it, or null when they may. */
  refuse?: (signedIn: SignedIn) => string | null;
  /** The 404's message when the address names nothing this route knows (a command, a slug), or null. */
  unknown?: () => string | null;
  /** The 413's message, when the route can say more than the general one (which limit, that the text is kept). */
  tooLarge?: string;
  /** The 400's message for input the schema refuses; by default {@link describeInputError}. */
  invalid?: (error: z.ZodError) => string;
};

export type Mutation<T> = { ok: true; signedIn: SignedIn; input: T } | { ok: false; response: Response };

export async function readMutation<S extends z.ZodType>(request: Request, rules: MutationRules<S>): Promise<Mutation<z.output<S>>> {
  const signedIn = await guardMutation(request);
  if (signedIn instanceof Response) return { ok: false, response: signedIn };
  const refusal = rules.refuse?.(signedIn);
  if (refusal) return { ok: false, response: jsonError(403, refusal) };
  const unknown = rules.unknown?.();
  if (unknown) return { ok: false, response: jsonError(404, unknown) };
  const body = await readBody(request, { limit: rules.limit, accept: ['json'] });
  if (!body.ok) return { ok: false, response: toBodyErrorResponse(body, rules.tooLarge) };
  const parsed = rules.schema.safeParse(body.json);
  if (!parsed.success) return { ok: false, response: jsonError(400, (rules.invalid ?? describeInputError)(parsed.error)) };
  return { ok: true, signedIn, input: parsed.data };
}

const JAPANESE = /[ぁ-んァ-ヶ一-龯]/;

/**
 * The first refused field's own message when the schema wrote one for
 * people (in Japanese), the general 「入力内容を確認してください。」 for
 * zod's English ones, which no editor should read.
 */
export function describeInputError(error: z.ZodError): string {
  const message = error.issues[0]?.message ?? '';
  return JAPANESE.test(message) ? message : MESSAGES.badInput;
}

/** A command's work, its refusals and failures answered as {@link toErrorResponse} does. */
export async function answer(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    return toErrorResponse(error);
  }
}
