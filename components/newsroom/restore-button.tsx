import { ArticleCommandButton } from './article-command-button.client';

type RestoreButtonProps = { articleId: string; number: number; baseRevision: number; live: boolean; csrfToken: string };

/** この版に戻す: a live article changes for readers at once, so the question says so and points at 訂正. */
export function RestoreButton({ articleId, number, baseRevision, live, csrfToken }: RestoreButtonProps) {
  const question = live
    ? `第${number}版の内容を更新として公開しますか?読者の見る記事がすぐに変わり、「更新」の時刻が表示されます。訂正文が必要な場合は、戻したあと編集画面から「訂正」で公開してください。`
    : `第${number}版の内容に戻しますか?今の内容も版として残ります。`;
  return <ArticleCommandButton articleId={articleId} command="restore" body={{ number, baseRevision }} label="この版に戻す" question={question} failed="戻せませんでした。" csrfToken={csrfToken} />;
}
