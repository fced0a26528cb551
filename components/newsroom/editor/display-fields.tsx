import type { ArticleDraft } from '@/lib/newsroom/draft';
import { fromJstInputValue, toJstInputValue } from '@/lib/time/jst';
import { inputClass } from './form-styles';

type DisplayFieldsProps = {
  breakingUntil: ArticleDraft['breakingUntil'];
  sponsored: boolean;
  update: <K extends 'breakingUntil' | 'sponsored'>(key: K, value: ArticleDraft[K]) => void;
};

/** 表示: whether the piece shows as 速報 (and until when) and as PR. */
export function DisplayFields({ breakingUntil, sponsored, update }: DisplayFieldsProps) {
  const breaking = breakingUntil !== null;
  return (
    <fieldset className="space-y-3 rounded border border-rule bg-white p-4">
      <legend className="px-1 text-sm font-semibold">表示</legend>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={breaking}
          onChange={(e) => update('breakingUntil', e.target.checked ? new Date(Date.now() + 6 * 3_600_000).toISOString() : null)}
        />
        <span>速報として表示する</span>
      </label>
      {breaking && breakingUntil && (
        <label className="block pl-6 text-sm">
          <span>速報の表示を終える日時(日本時間)</span>
          <input
            type="datetime-local"
            value={toJstInputValue(breakingUntil)}
            onChange={(e) => {
              const iso = fromJstInputValue(e.target.value);
              if (iso) update('breakingUntil', iso);
            }}
            className={inputClass}
          />
        </label>
      )}
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={sponsored} onChange={(e) => update('sponsored', e.target.checked)} />
        <span>PR(広告)記事として表示する</span>
      </label>
    </fieldset>
  );
}
