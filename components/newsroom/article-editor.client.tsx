'use client';
// Client: the editor form keeps unsaved state, autosaves drafts, warns before leaving with unsaved changes and refreshes the live preview as the editor types.

import Link from 'next/link';
import { articlePreviewPath } from '@/lib/content/urls';
import { useCallback, useEffect, useId, useMemo, useRef, useState, useTransition, type ReactNode } from 'react';
import type { CommandAnswer } from '@/lib/newsroom/commands-http';
import { CORRECTION_NOTICE_MAX, type RepublishKind } from '@/lib/newsroom/corrections';
import type { ArticleDraft } from '@/lib/newsroom/draft';
import { EDITABLE_STATUSES, STATUS_LABELS } from '@/lib/newsroom/labels';
import type { TaxonomyOptions } from '@/lib/newsroom/queries';
import { listAllowedCommands, type Role } from '@/lib/newsroom/roles';
import { formatDateline, formatJstTime, fromJstInputValue, toJstInputValue } from '@/lib/time/jst';
import { countBodyCharacters, countCharacters, HOUSE_LIMITS } from '@/lib/newsroom/counts';
import { BylinePicker } from './byline-picker.client';
import { CharCount } from './char-count';
import { HeroField } from './hero-field.client';
import { SeoFields } from './seo-fields.client';
import { TermPicker } from './term-picker.client';

type EditorArticle = CommandAnswer['article'];

/** The live preview's answer: the form rendered on the server, or why it could not be. */
export type PreviewAnswer = { ok: true; node: ReactNode; pages: number } | { ok: false; error: string };

type ArticleEditorProps = {
  article: EditorArticle;
  options: TaxonomyOptions;
  csrfToken: string;
  initialPreview: ReactNode;
  initialPages: number;
  /** Renders the form with the public components: a Server Action the page passes down. */
  renderPreview: (csrfToken: string, id: string, draft: ArticleDraft, page: number, republish: { kind: RepublishKind; notice: string } | null) => Promise<PreviewAnswer>;
  /** The signed-in editor's role: only the buttons it may use are shown (the server refuses the rest anyway). */
  role: Role;
  /** The desk's note when it last sent this piece back to draft. */
  returnNote: { note: string; by: string | null; at: string } | null;
};

/** Seconds of quiet before a draft saves itself. */
const AUTOSAVE_DELAY_MS = 5_000;
/** Typing pause before the live preview re-renders. */
const PREVIEW_DELAY_MS = 400;

const LEAVE_WARNING = '保存されていない変更があります。このページを離れると失われます。移動しますか?';

/** How a live article is republished (ADR 0034): the editor picks one every time; none is preselected. */
const REPUBLISH_CHOICES: Record<RepublishKind, { label: string; hint: string; button: string; confirm: string; done: string }> = {
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

const inputClass = 'mt-1 block w-full rounded border border-rule bg-white px-3 py-2';
const buttonClass = 'rounded px-4 py-2 text-sm font-bold disabled:opacity-50';

type SelectFieldProps = { label: string; value: string; options: { value: string; label: string }[]; onChange: (value: string) => void };

function SelectField({ label, value, options, onChange }: SelectFieldProps) {
  return (
    <label className="block">
      <span className="text-sm font-semibold">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} className={inputClass}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ArticleEditor({ article: initial, options: initialOptions, csrfToken, initialPreview, initialPages, renderPreview, role, returnNote }: ArticleEditorProps) {
  const [article, setArticle] = useState(initial);
  const [draft, setDraft] = useState<ArticleDraft>(initial.draft);
  const [savedJson, setSavedJson] = useState(() => JSON.stringify(initial.draft));
  const [options, setOptions] = useState(initialOptions);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<{ node: ReactNode; pages: number }>({ node: initialPreview, pages: initialPages });
  const [previewPage, setPreviewPage] = useState(1);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [, startPreview] = useTransition();
  const [scheduleAt, setScheduleAt] = useState(() =>
    toJstInputValue(initial.status === 'scheduled' && initial.publishedAt ? initial.publishedAt : new Date(Date.now() + 3_600_000)),
  );
  const [republishKind, setRepublishKind] = useState<RepublishKind | null>(null);
  const [notice, setNotice] = useState('');
  const previewForm = useRef<HTMLFormElement>(null);
  const formId = useId();
  const [note, setNote] = useState('');

  const dirty = JSON.stringify(draft) !== savedJson;
  const allowed = listAllowedCommands(role, article.status);
  const may = (command: (typeof allowed)[number]) => allowed.includes(command);
  const editable = EDITABLE_STATUSES.includes(article.status) && may('save');
  const update = useCallback(<K extends keyof ArticleDraft>(key: K, value: ArticleDraft[K]) => setDraft((d) => ({ ...d, [key]: value })), []);

  // Leaving with unsaved changes (or an unsent 訂正 notice): closing the tab
  // or reloading (beforeunload), and in-app links, which navigate without unloading.
  const unsent = dirty || (republishKind === 'correct' && notice.trim() !== '');
  useEffect(() => {
    if (!unsent) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!link || link.getAttribute('target') === '_blank' || event.defaultPrevented) return;
      if (!window.confirm(LEAVE_WARNING)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [unsent]);

  // Live preview: the server renders the form with the public components.
  const previewRequest = useRef(0);
  useEffect(() => {
    const request = ++previewRequest.current;
    const timer = setTimeout(() => {
      startPreview(async () => {
        // A live article's preview follows the republish chosen (ADR 0034): no 更新 for a 軽微な修正, the notice for a 訂正.
        const republish = republishKind ? { kind: republishKind, notice } : null;
        const answer = await renderPreview(csrfToken, article.id, draft, previewPage, republish).catch(() => null);
        if (request !== previewRequest.current) return;
        if (!answer) setPreviewError('プレビューを更新できませんでした。');
        else if (!answer.ok) setPreviewError(answer.error);
        else {
          setPreviewError(null);
          setPreview({ node: answer.node, pages: answer.pages });
        }
      });
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, previewPage, csrfToken, article.id, renderPreview, republishKind, notice]);

  const send = useCallback(
    async (method: 'PUT' | 'POST', path: string, body: Record<string, unknown>, sentDraft?: ArticleDraft): Promise<CommandAnswer | null> => {
      const response = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
        body: JSON.stringify(body),
      }).catch(() => null);
      if (!response) {
        setError('通信に失敗しました。接続を確かめてもう一度お試しください。');
        return null;
      }
      const answer = (await response.json().catch(() => ({}))) as Partial<CommandAnswer> & { error?: string };
      if (!response.ok || !answer.article) {
        setError(answer.error ?? `処理できませんでした(${response.status})。`);
        return null;
      }
      const saved = answer.article;
      setArticle(saved);
      setSavedJson(JSON.stringify(saved.draft));
      // Keep anything typed while the request was in flight; otherwise take the stored (cleaned) copy.
      setDraft((current) => (sentDraft === undefined || JSON.stringify(current) === JSON.stringify(sentDraft) ? saved.draft : current));
      setError(null);
      if (answer.removedFromBody) setMessage('本文から使えない記法(HTMLタグや安全でないリンク)を取り除きました。');
      return answer as CommandAnswer;
    },
    [csrfToken],
  );

  const base = `/api/newsroom/articles/${article.id}`;
  const time = () => formatJstTime(new Date());

  const save = useCallback(
    async (autosave = false) => {
      const sent = draft;
      const answer = await send('PUT', base, { draft: sent, baseRevision: article.revision, autosave }, sent);
      if (answer && !answer.removedFromBody) setMessage(`${autosave ? '自動保存しました' : '保存しました'}(${time()})`);
      return answer;
    },
    [draft, send, base, article.revision],
  );

  // Autosave: drafts, 予約 and 非公開 save themselves after a pause in typing.
  useEffect(() => {
    if (!dirty || !editable || busy) return;
    const timer = setTimeout(() => void save(true), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [dirty, editable, busy, save]);

  async function act(label: string, run: () => Promise<CommandAnswer | null>, confirmText?: string) {
    if (confirmText && !window.confirm(confirmText)) return;
    setBusy(true);
    setMessage(null);
    const answer = await run();
    if (answer) setMessage(`${label}(${time()})`);
    setBusy(false);
  }

  const publish = () =>
    act('公開しました', () => send('POST', `${base}/publish`, { draft, baseRevision: article.revision }, draft), 'この記事を今すぐ公開しますか?');
  // The notice stays in its box until the server accepts it: a refused 訂正 loses nothing.
  const republish = (kind: RepublishKind) =>
    act(
      REPUBLISH_CHOICES[kind].done,
      async () => {
        const answer = await send('POST', `${base}/${kind}`, { draft, baseRevision: article.revision, ...(kind === 'correct' ? { notice } : {}) }, draft);
        if (answer) {
          setRepublishKind(null);
          if (kind === 'correct') setNotice('');
        }
        return answer;
      },
      REPUBLISH_CHOICES[kind].confirm,
    );
  const unpublish = () =>
    act('公開を取り下げました', () => send('POST', `${base}/unpublish`, {}), '公開を取り下げますか?読者にはこの記事が削除されたと表示されます(410)。');
  const unschedule = () => act('予約を取り消しました', () => send('POST', `${base}/unschedule`, {}));
  const submit = () =>
    act('デスクに提出しました', () => send('POST', `${base}/submit`, { draft, baseRevision: article.revision }, draft), 'この記事をデスクに提出しますか?');
  const sendBack = () => {
    if (note.trim() === '') {
      setError('差し戻しの理由を書いてください。');
      return;
    }
    void act('差し戻しました', async () => {
      const answer = await send('POST', `${base}/return`, { note });
      if (answer) setNote('');
      return answer;
    });
  };
  const schedule = () => {
    const at = fromJstInputValue(scheduleAt);
    if (!at) {
      setError('予約日時を正しく入力してください。');
      return;
    }
    void act(`${formatDateline(at)}に公開を予約しました`, () =>
      send('POST', `${base}/schedule`, { draft, baseRevision: article.revision, at }, draft),
    );
  };

  // Preview opens the whole article page at its preview address; unsaved
  // changes to a draft are saved first so the preview shows what is on screen.
  async function openPreview() {
    if (dirty && editable) {
      const saved = await save();
      if (!saved) return;
    }
    previewForm.current?.submit();
  }

  const breaking = draft.breakingUntil !== null;
  // Stripping a long body's Markdown on every keystroke is the one count worth keeping.
  const bodyCount = useMemo(() => countBodyCharacters(draft.body), [draft.body]);
  const statusLine = useMemo(() => {
    if (article.status === 'scheduled' && article.publishedAt) return `予約: ${formatDateline(article.publishedAt)}に公開`;
    if (article.status === 'published' && article.publishedAt) return `公開: ${formatDateline(article.publishedAt)}`;
    return article.updatedAt ? `最終保存: ${formatDateline(article.updatedAt)}` : '';
  }, [article]);

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form
        className="min-w-0 space-y-5"
        onSubmit={(event) => {
          event.preventDefault();
          if (editable) void act('保存しました', () => save());
        }}
        aria-label="記事の編集"
      >
        <div className="flex flex-wrap items-center gap-3 rounded border border-rule bg-white px-4 py-3 text-sm">
          <span className="rounded bg-ink px-2 py-0.5 font-bold text-white" data-testid="article-status">
            {STATUS_LABELS[article.status]}
          </span>
          <span className="text-muted">{statusLine}</span>
          <span className="ml-auto text-muted" aria-live="polite" data-testid="save-state">
            {dirty ? '未保存の変更があります' : (message ?? '保存済み')}
          </span>
        </div>
        {!editable && !may('correct') && !may('unpublish') && (
          <p className="rounded border border-rule bg-white px-3 py-2 text-sm" data-testid="desk-only">
            この記事はデスクが管理しています。ここでの変更は保存できません。変更はデスクに依頼してください。
          </p>
        )}
        {returnNote && article.status === 'draft' && (
          <div className="rounded border border-violet-300 bg-violet-50 px-3 py-2 text-sm" data-testid="return-note">
            <p className="font-bold">
              デスクから差し戻されました({returnNote.by ?? 'デスク'}、{formatDateline(returnNote.at)})
            </p>
            <p className="whitespace-pre-wrap">{returnNote.note}</p>
          </div>
        )}
        {error && (
          <p role="alert" className="rounded border border-brand/40 bg-brand/5 px-3 py-2 text-sm text-brand-dark">
            {error}
          </p>
        )}

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

        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="sr-only">分類</legend>
          <SelectField
            label="セクション"
            value={draft.section}
            options={options.sections.map((s) => ({ value: s.slug, label: s.name }))}
            onChange={(value) => update('section', value)}
          />
          <SelectField
            label="連載"
            value={draft.series ?? ''}
            options={[{ value: '', label: 'なし' }, ...options.series.map((s) => ({ value: s.slug, label: s.sponsored ? `PR・${s.name}` : s.name }))]}
            onChange={(value) => {
              const series = options.series.find((s) => s.slug === value);
              // A sponsored series makes the article PR too; leaving one does not clear an explicit PR flag.
              setDraft((d) => ({ ...d, series: series?.slug ?? null, sponsored: series ? series.sponsored || d.sponsored : d.sponsored }));
            }}
          />
        </fieldset>

        <TermPicker
          kind="topic"
          label="トピック"
          hint="最初のトピックが見出しの上に表示されます。"
          selected={draft.topics}
          options={options.topics}
          csrfToken={csrfToken}
          onChange={(topics) => update('topics', topics)}
          onCreated={(term) => setOptions((o) => ({ ...o, topics: [...o.topics, term] }))}
        />
        <TermPicker
          kind="tag"
          label="タグ"
          hint="人物・地名・組織。"
          selected={draft.tags}
          options={options.tags}
          csrfToken={csrfToken}
          onChange={(tags) => update('tags', tags)}
          onCreated={(term) => setOptions((o) => ({ ...o, tags: [...o.tags, { ...term, kind: term.kind ?? 'organization' }] }))}
        />

        <BylinePicker
          authors={draft.authors}
          agency={draft.agency}
          wireCode={draft.wireCode}
          authorOptions={options.authors}
          agencyOptions={options.agencies}
          onAuthorsChange={(authors) => update('authors', authors)}
          onAgencyChange={(agency, wireCode) => setDraft((d) => ({ ...d, agency, wireCode }))}
        />

        <HeroField hero={draft.hero} csrfToken={csrfToken} onChange={(hero) => update('hero', hero)} />

        <SeoFields
          seoTitle={draft.seoTitle}
          seoDescription={draft.seoDescription}
          headline={draft.headline}
          standfirst={draft.standfirst}
          hero={draft.hero}
          socialImage={draft.socialImage}
          csrfToken={csrfToken}
          onChange={(field, value) => update(field, value)}
          onSocialImageChange={(picture) => update('socialImage', picture)}
        />

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
          {breaking && draft.breakingUntil && (
            <label className="block pl-6 text-sm">
              <span>速報の表示を終える日時(日本時間)</span>
              <input
                type="datetime-local"
                value={toJstInputValue(draft.breakingUntil)}
                onChange={(e) => {
                  const iso = fromJstInputValue(e.target.value);
                  if (iso) update('breakingUntil', iso);
                }}
                className={inputClass}
              />
            </label>
          )}
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={draft.sponsored} onChange={(e) => update('sponsored', e.target.checked)} />
            <span>PR(広告)記事として表示する</span>
          </label>
        </fieldset>

        <div className="space-y-3 rounded border border-rule bg-white p-4">
          {!editable && article.status === 'published' && may('correct') && (
            <fieldset className="space-y-2" data-testid="republish-kind">
              <legend className="text-sm font-semibold">公開中の記事への変更の種類</legend>
              {(Object.keys(REPUBLISH_CHOICES) as RepublishKind[]).map((kind) => (
                <label key={kind} className="flex items-start gap-2">
                  <input
                    type="radio"
                    name={`${formId}-republish`}
                    value={kind}
                    checked={republishKind === kind}
                    onChange={() => setRepublishKind(kind)}
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
                    onChange={(e) => setNotice(e.target.value)}
                    rows={3}
                    placeholder="(訂正)12月5日に配信した記事で、「約1500人」とあったのは「約1200人」の誤りでした。訂正します。"
                    aria-describedby={`${formId}-notice-count`}
                    className={inputClass}
                  />
                  <p
                    id={`${formId}-notice-count`}
                    className={`text-right text-xs ${[...notice.trim()].length > CORRECTION_NOTICE_MAX ? 'font-bold text-brand-dark' : 'text-muted'}`}
                  >
                    {[...notice.trim()].length}/{CORRECTION_NOTICE_MAX}字
                  </p>
                </div>
              )}
            </fieldset>
          )}
          <div className="flex flex-wrap gap-2">
            {editable && (
              <button type="submit" disabled={busy} className={`${buttonClass} border border-ink bg-white`}>
                {article.status === 'submitted' ? '保存' : '下書き保存'}
              </button>
            )}
            {article.status === 'draft' && may('submit') && !may('publish') && (
              <button type="button" disabled={busy} onClick={submit} className={`${buttonClass} bg-violet-800 text-white`}>
                デスクに提出
              </button>
            )}
            {editable && may('publish') && (
              <button type="button" disabled={busy} onClick={publish} className={`${buttonClass} bg-brand text-white`}>
                今すぐ公開
              </button>
            )}
            {article.status === 'published' && may('correct') && (
              <button
                  type="button"
                  disabled={busy || !republishKind || (republishKind !== 'correct' && !dirty)}
                  onClick={() => republishKind && void republish(republishKind)}
                  className={`${buttonClass} bg-brand text-white`}
                  data-testid="republish"
                >
                  {republishKind ? REPUBLISH_CHOICES[republishKind].button : '変更を公開'}
                </button>
            )}
            {article.status === 'published' && may('unpublish') && (
              <button type="button" disabled={busy} onClick={unpublish} className={`${buttonClass} border border-ink bg-white`}>
                公開を取り下げ
              </button>
            )}
            <button type="button" disabled={busy} onClick={() => void openPreview()} className={`${buttonClass} border border-ink bg-white`}>
              プレビュー
            </button>
          </div>
          {article.status === 'submitted' && may('return') && (
            <div className="flex flex-wrap items-end gap-2">
              <label className="min-w-0 flex-1 text-sm">
                <span className="block">差し戻しの理由(記者に表示されます)</span>
                <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={1000} className={inputClass} />
              </label>
              <button type="button" disabled={busy} onClick={sendBack} className={`${buttonClass} border border-ink bg-white`}>
                下書きに差し戻す
              </button>
            </div>
          )}
          {editable && may('schedule') && (
            <div className="flex flex-wrap items-end gap-2">
              <label className="text-sm">
                <span className="block">公開日時を予約(日本時間)</span>
                <input type="datetime-local" value={scheduleAt} onChange={(e) => setScheduleAt(e.target.value)} className={inputClass} />
              </label>
              <button type="button" disabled={busy} onClick={schedule} className={`${buttonClass} bg-sky-800 text-white`}>
                {article.status === 'scheduled' ? '予約を変更' : '予約する'}
              </button>
              {article.status === 'scheduled' && may('unschedule') && (
                <button type="button" disabled={busy} onClick={() => void unschedule()} className={`${buttonClass} border border-ink bg-white`}>
                  予約を取り消す
                </button>
              )}
            </div>
          )}
          <p className="flex gap-4 text-sm">
            <Link href={`/newsroom/articles/${article.id}/revisions`} className="underline">
              版の履歴
            </Link>
            <Link href={`/newsroom/articles/${article.id}/share`} className="underline">
              共有用プレビューリンク
            </Link>
          </p>
        </div>
      </form>

      <form ref={previewForm} action={articlePreviewPath(article.id)} method="get" target="_blank" hidden />

      <section aria-label="プレビュー" className="min-w-0 space-y-2 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto">
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <h2 className="font-bold">プレビュー</h2>
          {preview.pages > 1 &&
            Array.from({ length: preview.pages }, (_, i) => i + 1).map((n) => (
              <button
                key={n}
                type="button"
                aria-pressed={n === previewPage}
                onClick={() => setPreviewPage(n)}
                className={`min-w-8 rounded border px-2 py-0.5 ${n === previewPage ? 'border-ink bg-ink text-white' : 'border-rule bg-white'}`}
              >
                {n}
              </button>
            ))}
          {previewError && (
            <span role="alert" className="text-brand-dark">
              {previewError}
            </span>
          )}
        </div>
        {preview.node}
      </section>
    </div>
  );
}
