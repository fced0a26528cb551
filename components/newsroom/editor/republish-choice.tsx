import { CORRECTION_NOTICE_MAX, type RepublishKind } from '@/lib/newsroom/corrections';
import { countNotice } from './editor-state';
import { inputClass } from './form-styles';
import { REPUBLISH_CHOICES, REPUBLISH_KINDS_SHOWN } from './republish-choices';

type RepublishChoiceProps = {
  formId: string;
  kind: RepublishKind | null;
  notice: string;
  onKindChange: (kind: RepublishKind) => void;
  onNoticeChange: (notice: string) => void;
};

/** The kind of change to a live article (ADR 0034), and for a 訂正 the notice readers will see. */
export function RepublishChoice({ formId, kind: republishKind, notice, onKindChange, onNoticeChange }: RepublishChoiceProps) {
  const noticeCount = countNotice(notice);
  return (
    <fieldset className="space-y-2" data-testid="republish-kind">
      <legend className="text-sm font-semibold">公開中の記事への変更の種類</legend>
      {REPUBLISH_KINDS_SHOWN.map((kind) => (
        <label key={kind} className="flex items-start gap-2">
          <input
            type="radio"
            name={`${formId}-republish`}
            value={kind}
            checked={republishKind === kind}
            onChange={() => onKindChange(kind)}
            className="mt-1"
          />
          <span>
            <span className="font-bold">{REPUBLISH_CHOICES[kind].label}</span>
            <span className="block text-xs text-muted">{REPUBLISH_CHOICES[kind].hint}</span>
          </span>
        </label>
      ))}
      {republishKind === 'correct' && (
        <div className="pl-6">
          <label htmlFor={`${formId}-notice`} className="text-sm font-semibold">
            訂正文(読者に表示されます)
          </label>
          <textarea
            id={`${formId}-notice`}
            value={notice}
            onChange={(e) => onNoticeChange(e.target.value)}
            rows={3}
            placeholder="(訂正)12月5日に配信した記事で、「約1500人」とあったのは「約1200人」の誤りでした。訂正します。"
            aria-describedby={`${formId}-notice-count`}
            className={inputClass}
          />
          <p
            id={`${formId}-notice-count`}
            className={`text-right text-xs ${noticeCount.over ? 'font-bold text-brand-dark' : 'text-muted'}`}
          >
            {noticeCount.count}/{CORRECTION_NOTICE_MAX}字
          </p>
        </div>
      )}
    </fieldset>
  );
}
