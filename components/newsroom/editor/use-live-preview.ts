import { useEffect, useRef, useState, useTransition, type ReactNode } from 'react';
import type { RepublishKind } from '@/lib/newsroom/corrections';
import type { ArticleDraft } from '@/lib/newsroom/draft';
import { readPreviewAnswer, type PreviewAnswer } from './editor-state';

/** Typing pause before the live preview re-renders, in milliseconds. */
const PREVIEW_DELAY_MS = 400;

export type RenderPreview = (
  csrfToken: string,
  id: string,
  draft: ArticleDraft,
  page: number,
  republish: { kind: RepublishKind; notice: string } | null,
) => Promise<PreviewAnswer>;

type LivePreviewOptions = {
  renderPreview: RenderPreview;
  csrfToken: string;
  articleId: string;
  draft: ArticleDraft;
  republishKind: RepublishKind | null;
  notice: string;
  initialPreview: ReactNode;
  initialPages: number;
};

/**
 * The preview pane: the server renders the form with the public components a
 * pause after each change; an answer overtaken by a newer request is dropped.
 */
export function useLivePreview({ renderPreview, csrfToken, articleId, draft, republishKind, notice, initialPreview, initialPages }: LivePreviewOptions) {
  const [preview, setPreview] = useState<{ node: ReactNode; pages: number }>({ node: initialPreview, pages: initialPages });
  const [page, setPage] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const [, startPreview] = useTransition();
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    const timer = setTimeout(() => {
      startPreview(async () => {
        // A live article's preview follows the republish chosen (ADR 0034): no 更新 for a 軽微な修正, the notice for a 訂正.
        const republish = republishKind ? { kind: republishKind, notice } : null;
        const answer = readPreviewAnswer(await renderPreview(csrfToken, articleId, draft, page, republish).catch(() => null));
        if (request !== latest.current) return;
        if (!answer.ok) setError(answer.error);
        else {
          setError(null);
          setPreview({ node: answer.node, pages: answer.pages });
        }
      });
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, page, csrfToken, articleId, renderPreview, republishKind, notice]);

  return { preview, page, setPage, error };
}
