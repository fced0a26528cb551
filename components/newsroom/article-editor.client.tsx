'use client';
// Client: the editor form keeps unsaved state, autosaves drafts, warns before leaving with unsaved changes, refreshes the live preview as the editor types and says who else has the article open.

import Link from 'next/link';
import { articlePreviewPath } from '@/lib/content/urls';
import { useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { RepublishKind } from '@/lib/newsroom/corrections';
import { isDraftStarted } from '@/lib/newsroom/fields';
import { STATUS_LABELS } from '@/lib/newsroom/labels';
import type { TaxonomyOptions } from '@/lib/newsroom/queries';
import type { Role } from '@/lib/newsroom/roles';
import { formatDateline, toJstInputValue } from '@/lib/time/jst';
import { BylinePicker } from './byline-picker.client';
import { DeleteDraft } from './delete-draft.client';
import { DisplayFields } from './editor/display-fields';
import { applySeries, decideEditorControls, formatStatusLine, hasUnsentWork, type EditorArticle } from './editor/editor-state';
import { buttonClass, inputClass } from './editor/form-styles';
import { PresenceNotice } from './editor/presence-notice';
import { PreviewPane } from './editor/preview-pane';
import { RepublishChoice } from './editor/republish-choice';
import { REPUBLISH_CHOICES } from './editor/republish-choices';
import { SaveConflictPanel } from './editor/save-conflict-panel';
import { SelectField } from './editor/select-field';
import { TextFields } from './editor/text-fields';
import { useArticleCommands } from './editor/use-article-commands';
import { useAutosave } from './editor/use-autosave';
import { useDraft } from './editor/use-draft';
import { useLeaveGuard } from './editor/use-leave-guard';
import { useLivePreview, type RenderPreview } from './editor/use-live-preview';
import { useSaveConflict } from './editor/use-save-conflict';
import { HeroField } from './hero-field.client';
import { InsertPicture } from './insert-picture.client';
import { SeoFields } from './seo-fields.client';
import { TermPicker } from './term-picker.client';

export type { PreviewAnswer } from './editor/editor-state';

type ArticleEditorProps = {
  article: EditorArticle;
  options: TaxonomyOptions;
  csrfToken: string;
  initialPreview: ReactNode;
  initialPages: number;
  /** Renders the form with the public components: a Server Action the page passes down. */
  renderPreview: RenderPreview;
  /** The signed-in editor's role: only the buttons it may use are shown (the server refuses the rest anyway). */
  role: Role;
  /** The desk's note when it last sent this piece back to draft. */
  returnNote: { note: string; by: string | null; at: string } | null;
  /** A new article, not stored until its editor types (ADR 0041), and what it will be. */
  isNew?: boolean;
  kind?: 'article' | 'live';
  /** Whether the signed-in editor may delete this draft (lib/newsroom/roles.ts decideDeleteRefusal). */
  canDelete?: boolean;
};

export function ArticleEditor({
  article: initial,
  options: initialOptions,
  csrfToken,
  initialPreview,
  initialPages,
  renderPreview,
  role,
  returnNote,
  isNew = false,
  kind = 'article',
  canDelete = false,
}: ArticleEditorProps) {
  const { draft, setDraft, update, dirty, markStored, rebase } = useDraft(initial.draft);
  const commands = useArticleCommands({ initial, csrfToken, draft, markStored, rebase, isNew, kind });
  const { article, busy, save } = commands;
  const conflict = useSaveConflict(commands, role);
  const [options, setOptions] = useState(initialOptions);
  const [scheduleAt, setScheduleAt] = useState(() =>
    toJstInputValue(initial.status === 'scheduled' && initial.publishedAt ? initial.publishedAt : new Date(Date.now() + 3_600_000)),
  );
  const [republishKind, setRepublishKind] = useState<RepublishKind | null>(null);
  const [notice, setNotice] = useState('');
  const [note, setNote] = useState('');
  const previewForm = useRef<HTMLFormElement>(null);
  const formId = useId();

  const controls = decideEditorControls(role, article.status);
  const { editable } = controls;
  // A new article holds nothing worth keeping until something is typed: no autosave, no warning on leaving.
  const worthKeeping = dirty && (commands.stored || isDraftStarted(draft));
  useLeaveGuard(hasUnsentWork(worthKeeping, republishKind, notice));
  // Never over someone else's save: while a conflict is open, only the editor's own choice saves.
  useAutosave(worthKeeping && editable && !busy && !conflict.conflict, save);
  const livePreview = useLivePreview({ renderPreview, csrfToken, articleId: article.id, draft, republishKind, notice, initialPreview, initialPages });

  const republish = (kind: RepublishKind) =>
    commands.republish(kind, notice, () => {
      setRepublishKind(null);
      if (kind === 'correct') setNotice('');
    });

  // Preview opens the whole article page at its preview address; unsaved
  // changes to a draft are saved first so the preview shows what is on screen
  // (and a new article is created: there is no address before).
  async function openPreview() {
    if ((dirty || !commands.stored) && editable) {
      const saved = await save();
      if (!saved) return;
    }
    previewForm.current?.submit();
  }

  const statusLine = useMemo(() => formatStatusLine(article), [article]);

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form
        className="min-w-0 space-y-5"
        onSubmit={(event) => {
          event.preventDefault();
          if (editable) void commands.saveNow();
        }}
        aria-label="記事の編集"
      >
        <div className="flex flex-wrap items-center gap-3 rounded border border-rule bg-white px-4 py-3 text-sm">
          <span className="rounded bg-ink px-2 py-0.5 font-bold text-white" data-testid="article-status">
            {STATUS_LABELS[article.status]}
          </span>
          <span className="text-muted">{statusLine}</span>
          <span className="ml-auto text-muted" aria-live="polite" data-testid="save-state">
            {!commands.stored && !worthKeeping ? '新しい記事(入力すると保存されます)' : dirty ? '未保存の変更があります' : (commands.message ?? '保存済み')}
          </span>
        </div>
        <PresenceNotice articleId={article.id} csrfToken={csrfToken} enabled={commands.stored} />
        {conflict.conflict && (
          <SaveConflictPanel conflict={conflict.conflict} canSaveOver={conflict.canSaveOver} busy={busy} onKeepMine={conflict.keepMine} onTakeTheirs={conflict.takeTheirs} />
        )}
        {controls.deskOnly && (
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
        {commands.error && (
          <p role="alert" className="rounded border border-brand/40 bg-brand/5 px-3 py-2 text-sm text-brand-dark">
            {commands.error}
          </p>
        )}

        <TextFields formId={formId} draft={draft} update={update} />
        <InsertPicture bodyId={`${formId}-body`} body={draft.body} csrfToken={csrfToken} disabled={!editable} onInsert={(body) => update('body', body)} />

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
              setDraft((d) => applySeries(d, series));
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

        <DisplayFields breakingUntil={draft.breakingUntil} sponsored={draft.sponsored} update={update} />

        <div className="space-y-3 rounded border border-rule bg-white p-4">
          {controls.chooseRepublish && (
            <RepublishChoice formId={formId} kind={republishKind} notice={notice} onKindChange={setRepublishKind} onNoticeChange={setNotice} />
          )}
          <div className="flex flex-wrap gap-2">
            {editable && (
              <button type="submit" disabled={busy} className={`${buttonClass} border border-ink bg-white`}>
                {article.status === 'submitted' ? '保存' : '下書き保存'}
              </button>
            )}
            {controls.submit && (
              <button type="button" disabled={busy} onClick={commands.submit} className={`${buttonClass} bg-violet-800 text-white`}>
                デスクに提出
              </button>
            )}
            {controls.publish && (
              <button type="button" disabled={busy} onClick={commands.publish} className={`${buttonClass} bg-brand text-white`}>
                今すぐ公開
              </button>
            )}
            {controls.republish && (
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
            {controls.unpublish && (
              <button type="button" disabled={busy} onClick={commands.unpublish} className={`${buttonClass} border border-ink bg-white`}>
                公開を取り下げ
              </button>
            )}
            <button type="button" disabled={busy} onClick={() => void openPreview()} className={`${buttonClass} border border-ink bg-white`}>
              プレビュー
            </button>
          </div>
          {controls.sendBack && (
            <div className="flex flex-wrap items-end gap-2">
              <label className="min-w-0 flex-1 text-sm">
                <span className="block">差し戻しの理由(記者に表示されます)</span>
                <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={1000} className={inputClass} />
              </label>
              <button type="button" disabled={busy} onClick={() => commands.sendBack(note, () => setNote(''))} className={`${buttonClass} border border-ink bg-white`}>
                下書きに差し戻す
              </button>
            </div>
          )}
          {controls.schedule && (
            <div className="flex flex-wrap items-end gap-2">
              <label className="text-sm">
                <span className="block">公開日時を予約(日本時間)</span>
                <input type="datetime-local" value={scheduleAt} onChange={(e) => setScheduleAt(e.target.value)} className={inputClass} />
              </label>
              <button type="button" disabled={busy} onClick={() => commands.schedule(scheduleAt)} className={`${buttonClass} bg-sky-800 text-white`}>
                {article.status === 'scheduled' ? '予約を変更' : '予約する'}
              </button>
              {controls.unschedule && (
                <button type="button" disabled={busy} onClick={() => void commands.unschedule()} className={`${buttonClass} border border-ink bg-white`}>
                  予約を取り消す
                </button>
              )}
            </div>
          )}
          {commands.stored && (
            <div className="flex flex-wrap items-center gap-4 text-sm">
              <Link href={`/newsroom/articles/${article.id}/revisions`} className="underline">
                版の履歴
              </Link>
              <Link href={`/newsroom/articles/${article.id}/share`} className="underline">
                共有用プレビューリンク
              </Link>
              {canDelete && (article.status === 'draft' || article.status === 'submitted') && (
                <DeleteDraft articleId={article.id} baseRevision={article.revision} csrfToken={csrfToken} disabled={busy} />
              )}
            </div>
          )}
        </div>
      </form>

      <form ref={previewForm} action={articlePreviewPath(article.id)} method="get" target="_blank" hidden />

      <PreviewPane {...livePreview} />
    </div>
  );
}
