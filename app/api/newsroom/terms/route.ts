import { CACHE_TAGS } from '@/lib/cache/tags';
import { guardMutation } from '@/lib/newsroom/auth';
import { getNewsroomContext } from '@/lib/newsroom/context';
import { answeringServerFaults, BODY_LIMITS, jsonError, jsonOk, MESSAGES, readJson, toErrorResponse } from '@/lib/newsroom/http';
import { invalidateTags } from '@/lib/newsroom/invalidate';
import { createTerm, newTermSchema, TermError } from '@/lib/newsroom/terms';

/** Creates a topic or tag from the editor form. */
export const POST = answeringServerFaults(async (request: Request) => {
  const guard = await guardMutation(request);
  if (guard instanceof Response) return guard;
  const body = await readJson(request, BODY_LIMITS.term);
  if (!body.ok) return body.response;
  const parsed = newTermSchema.safeParse(body.json);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? '';
    return jsonError(400, /[ぁ-ん一-龯]/.test(message) ? message : MESSAGES.badInput);
  }
  const { db } = await getNewsroomContext();
  try {
    const term = await createTerm(db, parsed.data);
    // Someone may have asked for this slug's page before it existed: that 404 was cached.
    await invalidateTags(db, [parsed.data.kind === 'topic' ? CACHE_TAGS.topic(term.slug) : CACHE_TAGS.tag(term.slug)]);
    return jsonOk(term, { status: 201 });
  } catch (error) {
    if (error instanceof TermError) return jsonError(409, error.message);
    return toErrorResponse(error);
  }
});
