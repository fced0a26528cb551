'use server';

import type { FixedPagePreview } from '@/components/newsroom/fixed-page-editor.client';
import { FixedPageView } from '@/components/trust/fixed-page-view';
import { readSettings } from '@/lib/config';
import { previewFixedPage } from '@/lib/newsroom';
import { isFixedPageSlug } from '@/lib/site';

/**
 * The fixed-page editor's live preview: the unsaved wording rendered by the
 * reader page's own component, with the running server's publisher
 * details, and what a save would refuse in it. lib/newsroom checks the
 * request; the rendering is here, above components/.
 */
export async function previewFixedPageAction(csrfToken: string, slug: string, input: unknown): Promise<FixedPagePreview> {
  const answer = await previewFixedPage(csrfToken, slug, input);
  if (!answer.ok || !isFixedPageSlug(slug)) return answer.ok ? { ok: false, error: 'プレビューできません。' } : answer;
  const { publisher, siteUrl } = readSettings();
  const page = { slug, title: answer.input.title.trim() || '(タイトルなし)', body: answer.input.body, updatedAt: new Date().toISOString() };
  return { ok: true, node: <FixedPageView page={page} publisher={publisher} siteUrl={siteUrl} preview />, problems: answer.problems };
}
