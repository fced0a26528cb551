import type { RepublishKind } from '@/lib/newsroom/corrections';

/** How a live article is republished (ADR 0034): the editor picks one every time; none is preselected. */
export const REPUBLISH_CHOICES: Record<RepublishKind, { label: string; hint: string; button: string; confirm: string; done: string }> = {
  fix: {
    label: '軽微な修正',
    hint: '誤字・脱字、表記の統一など。「更新」の日時は変わらず、読者への表示はありません。',
    button: '軽微な修正を公開',
    confirm: '軽微な修正として公開しますか?「更新」の日時は変わりません。',
    done: '軽微な修正を公開しました',
  },
  update: {
    label: '更新',
    hint: '新しい情報の追記や続報。見出しの下に「更新」の日時が表示されます。',
    button: '更新を公開',
    confirm: '更新として公開しますか?記事に「更新」の日時が表示されます。',
    done: '更新を公開しました',
  },
  correct: {
    label: '訂正',
    hint: '事実の誤りを正す場合。訂正文が日時とともに記事・検索エンジン向けデータ・RSSに掲載され、版の履歴に残ります。',
    button: '訂正を公開',
    confirm: '訂正として公開しますか?訂正文が日時とともに記事に表示され、「更新」の日時も変わります。公開した訂正文は取り消せません。',
    done: '訂正を公開しました',
  },
};

export const REPUBLISH_KINDS_SHOWN = Object.keys(REPUBLISH_CHOICES) as RepublishKind[];
