import { ArticleCommandButton } from './article-command-button.client';

/** 下書きを元に戻す (ADR 0041): the draft comes back to the list as it was, and its editor opens. */
export function UndeleteButton({ articleId, csrfToken }: { articleId: string; csrfToken: string }) {
  return <ArticleCommandButton articleId={articleId} command="undelete" body={{}} label="下書きを元に戻す" failed="元に戻せませんでした。" csrfToken={csrfToken} className="bg-white" />;
}
