import { useMemo } from 'react';
import { countBodyCharacters, countCharacters, HOUSE_LIMITS } from '@/lib/newsroom/counts';
import type { ArticleDraft } from '@/lib/newsroom/draft';
import { CharCount } from '../char-count';
import { inputClass } from './form-styles';

type TextFieldsProps = {
  formId: string;
  draft: Pick<ArticleDraft, 'headline' | 'standfirst' | 'body'>;
  update: (key: 'headline' | 'standfirst' | 'body', value: string) => void;
};

/** 見出し, リード and 本文, each with its count against the house limit. */
export function TextFields({ formId, draft, update }: TextFieldsProps) {
  // Stripping a long body's Markdown on every keystroke is the one count worth keeping.
  const bodyCount = useMemo(() => countBodyCharacters(draft.body), [draft.body]);
  return (
    <>
    <div>
      <label className="block">
        <span className="text-sm font-semibold">見出し</span>
        <input
          value={draft.headline}
          onChange={(e) => update('headline', e.target.value)}
          maxLength={120}
          aria-describedby={`${formId}-headline-count`}
          className={`${inputClass} text-lg font-bold`}
        />
      </label>
      <CharCount id={`${formId}-headline-count`} field="headline" count={countCharacters(draft.headline.trim())} limit={HOUSE_LIMITS.headline} />
    </div>
    <div>
      <label className="block">
        <span className="text-sm font-semibold">リード</span>
        <textarea
          value={draft.standfirst}
          onChange={(e) => update('standfirst', e.target.value)}
          rows={2}
          maxLength={400}
          aria-describedby={`${formId}-standfirst-count`}
          className={inputClass}
        />
      </label>
      <CharCount id={`${formId}-standfirst-count`} field="standfirst" count={countCharacters(draft.standfirst.trim())} limit={HOUSE_LIMITS.standfirst} />
    </div>
    <div>
      <label htmlFor={`${formId}-body`} className="text-sm font-semibold">
        本文
      </label>
      <p id={`${formId}-body-hint`} className="text-xs text-muted">
        ## 小見出し、&gt; 引用、- 箇条書き、[リンク](URL)、::figure[説明]&#123;src=… alt=… credit=…&#125;、::pagebreak(改ページ)
        <br />
        X・YouTubeのURLだけを1行に貼ると埋め込みになります(読者がクリックするまで外部から何も読み込みません)
      </p>
      <textarea
        id={`${formId}-body`}
        aria-describedby={`${formId}-body-hint ${formId}-body-count`}
        value={draft.body}
        onChange={(e) => update('body', e.target.value)}
        rows={18}
        className={`${inputClass} font-mono text-sm leading-relaxed`}
      />
      <CharCount id={`${formId}-body-count`} field="body" count={bodyCount} limit={null} />
    </div>
    </>
  );
}
