/**
 * The ordered article pickers' changes (./article-picker.client.tsx), pure
 * so they are tested without a browser: the new order, what is announced
 * (in the words the desk already knew) and which of the article's buttons
 * takes the keyboard after it, first enabled one wins.
 */

export type OrderedArticle = { id: string; headline: string };

type Button = 'up' | 'down' | 'remove';

/** `by` places up or down; null when there is nowhere to go. */
export function decideMove<A extends OrderedArticle>(articles: readonly A[], index: number, by: -1 | 1): { articles: A[]; article: A; announcement: string; focus: Button[] } | null {
  const to = index + by;
  const article = articles[index];
  if (!article || to < 0 || to >= articles.length) return null;
  const next = articles.filter((_, i) => i !== index);
  next.splice(to, 0, article);
  // The same direction again, unless it is at the end now (that button is off): then back, then out.
  const focus: Button[] = by < 0 ? ['up', 'down', 'remove'] : ['down', 'up', 'remove'];
  return { articles: next, article, announcement: `「${article.headline}」を${to + 1}番目に移しました。`, focus };
}

/** The article at `index` taken out; the keyboard goes to the one that took its place, else the one before (none: null, the caller's filter). */
export function decideRemove<A extends OrderedArticle>(articles: readonly A[], index: number, listName: string | null): { articles: A[]; announcement: string; focusOn: A | null } | null {
  const article = articles[index];
  if (!article) return null;
  const next = articles.filter((_, i) => i !== index);
  return { articles: next, announcement: `「${article.headline}」を${listName ? `${listName}から` : ''}外しました。`, focusOn: next[index] ?? next[index - 1] ?? null };
}

/** `article` put last, unless it is there already or the list holds `limit`; the keyboard goes to it in the list. */
export function decideAdd<A extends OrderedArticle>(articles: readonly A[], article: A, limit: number, listName: string | null): { articles: A[]; announcement: string; focus: Button[] } | null {
  if (articles.length >= limit || articles.some((a) => a.id === article.id)) return null;
  return {
    articles: [...articles, article],
    announcement: `「${article.headline}」を${listName ? `${listName}の` : ''}${articles.length + 1}番目に加えました。`,
    focus: ['up', 'remove'],
  };
}

/**
 * Focuses the first of `ids` that is there and enabled, once React has drawn
 * the change (the element may be new, or a button just turned off).
 */
export function focusFirst(ids: readonly string[]): void {
  setTimeout(() => {
    for (const id of ids) {
      const element = document.getElementById(id);
      if (element && !(element instanceof HTMLButtonElement && element.disabled)) {
        element.focus();
        return;
      }
    }
  });
}
