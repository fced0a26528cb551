import { answeringServerFaults, BODY_LIMITS, createTerm, guardMutation, jsonError, jsonOk, MESSAGES, newTermSchema, readJson, TermError, toErrorResponse } from '@/lib/newsroom';

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
  try {
    return jsonOk(await createTerm(parsed.data), { status: 201 });
  } catch (error) {
    if (error instanceof TermError) return jsonError(409, error.message);
    return toErrorResponse(error);
  }
});
