import { SEARCH_MAX_QUERY_LENGTH, SEARCH_PERIODS, SEARCH_SORTS, type SearchFilters } from '@/lib/content';
import { PERIOD_LABELS, SORT_LABELS } from './filter-labels';

type SearchFormProps = {
  defaultValue?: string;
  id?: string;
  compact?: boolean;
  /** The search page's order and period, shown as choices; other forms start a plain search. */
  filters?: SearchFilters;
};

/** A plain GET form to /search: works without JavaScript, and the browser keeps the query in the URL. */
export function SearchForm({ defaultValue = '', id = 'search-q', compact = false, filters }: SearchFormProps) {
  return (
    <form action="/search" method="get" role="search" className={compact ? 'flex' : 'w-full max-w-xl'}>
      <div className={compact ? 'contents' : 'flex'}>
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
          className={`min-w-0 flex-1 border border-rule bg-surface px-3 text-base ${compact ? 'h-9 w-44 text-sm' : 'h-11'}`}
        />
        <button type="submit" className={`bg-chrome px-4 font-bold text-white hover:bg-brand-fill ${compact ? 'h-9 text-sm' : 'h-11'}`}>
          検索
        </button>
      </div>
      {filters && (
        // Chosen, then applied with 検索: no script needed. Two columns on a phone, one row wider up.
        <div className="mt-3 grid grid-cols-2 gap-3 sm:flex sm:gap-6">
          <FilterSelect id={`${id}-sort`} name="sort" label="並び順" value={filters.sort} options={SEARCH_SORTS} labels={SORT_LABELS} />
          <FilterSelect id={`${id}-period`} name="period" label="期間" value={filters.period} options={SEARCH_PERIODS} labels={PERIOD_LABELS} />
        </div>
      )}
    </form>
  );
}

type FilterSelectProps<T extends string> = { id: string; name: string; label: string; value: T; options: readonly T[]; labels: Record<T, string> };

function FilterSelect<T extends string>({ id, name, label, value, options, labels }: FilterSelectProps<T>) {
  return (
    <div className="flex flex-col gap-1 sm:flex-row sm:items-center sm:gap-2">
      <label htmlFor={id} className="text-xs font-bold text-muted">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className="h-11 min-w-0 border border-rule bg-surface px-2 text-base sm:h-9 sm:text-sm">
        {options.map((option) => (
          <option key={option} value={option}>
            {labels[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
