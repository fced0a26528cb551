import { SEARCH_MAX_QUERY_LENGTH } from '@/lib/content';

type SearchFormProps = { defaultValue?: string; id?: string; compact?: boolean };

/** A plain GET form to /search: works without JavaScript, and the browser keeps the query in the URL. */
export function SearchForm({ defaultValue = '', id = 'search-q', compact = false }: SearchFormProps) {
  return (
    <form action="/search" method="get" role="search" className={compact ? 'flex' : 'flex w-full max-w-xl'}>
      <label htmlFor={id} className="sr-only">
        記事を検索
      </label>
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={defaultValue}
        maxLength={SEARCH_MAX_QUERY_LENGTH * 2}
        placeholder="キーワードを入力"
        className={`min-w-0 flex-1 border border-rule bg-white px-3 text-base ${compact ? 'h-9 w-44 text-sm' : 'h-11'}`}
      />
      <button type="submit" className={`bg-ink px-4 font-bold text-white hover:bg-brand ${compact ? 'h-9 text-sm' : 'h-11'}`}>
        検索
      </button>
    </form>
  );
}
