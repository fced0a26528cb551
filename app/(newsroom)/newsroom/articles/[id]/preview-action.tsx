'use server';

import type { PreviewAnswer } from '@/components/newsroom/article-editor.client';
import { DraftPreview } from '@/components/newsroom/draft-preview';
import { previewDraft } from '@/lib/newsroom';

/**
 * The editor's live preview (the site's only Server Action): the unsaved
 * form rendered with the public article components. lib/newsroom checks the
 * request and shapes the draft; the rendering is here, above components/.
 */
export async function previewDraftAction(csrfToken: string, id: string, input: unknown, page: number, republish: unknown = null): Promise<PreviewAnswer> {
  const answer = await previewDraft(csrfToken, id, input, page, republish);
  if (!answer.ok) return answer;
  return { ok: true, node: <DraftPreview article={answer.article} page={page} />, pages: answer.article.pages.length };
}
