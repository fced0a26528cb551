'use client';
// Client: the editor keeps unsaved wording, counts 字数 and refreshes the live preview as the editor types, and keeps the text through a refused save.

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition, type ReactNode } from 'react';
import { countBodyCharacters, countCharacters, HOUSE_LIMITS } from '@/lib/newsroom/counts';
import { formatDateline } from '@/lib/time/jst';
import { CharCount } from './char-count';
import { useLeaveGuard } from './editor/use-leave-guard';
import { buttonClass, inputClass } from './editor/form-styles';
import { sendJson } from './send-json';

/** What the preview's Server Action answers: the page as readers would see it, and what a save would refuse. */
export type FixedPagePreview = { ok: true; node: ReactNode; problems: string[] } | { ok: false; error: string };

type Wording = { title: string; description: string; body: string };

/** A version saved by someone else while this editor was open, as the refused save handed it back. */
type Saved = Wording & { version: number; updatedAt: string; updatedBy: string | null };

type FixedPageEditorProps = {
  page: { slug: string } & Saved;
  /** The page's public address, for 公開ページを見る. */
  path: string;
  limits: { title: number; description: number; body: number };
  csrfToken: string;
  renderPreview: (csrfToken: string, slug: string, input: Wording) => Promise<FixedPagePreview>;
  initialPreview: ReactNode;
};

/** Typing pause before the live preview re-renders, in milliseconds (as the article editor's). */
const PREVIEW_DELAY_MS = 400;

const NETWORK_ERROR = '通信できませんでした。通信状況を確かめて、もう一度お試しください(入力した内容はこの画面に残っています)。';

function toKey(w: Wording): string {
  return JSON.stringify([w.title, w.description, w.body]);
}

function readSaved(value: unknown): Saved | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const strings = ['title', 'description', 'body', 'updatedAt'].every((k) => typeof v[k] === 'string');
  return strings && typeof v.version === 'number' ? (v as Saved) : null;
}

/**
 * A fixed page's editor (docs/adr/0048-fixed-pages.md): title, description
 * and body with live 字数, the page as readers will see it beside the form,
 * what a save would refuse, and 保存して公開 over the version loaded. When
 * someone else saved first, their version is shown to compare and the
 * typed text stays; the editor then saves over theirs or takes it.
 */
export function FixedPageEditor({ page, path, limits, csrfToken, renderPreview, initialPreview }: FixedPageEditorProps) {
  const router = useRouter();
  const saved: Wording = { title: page.title, description: page.description, body: page.body };
  const savedKey = `${page.version}:${toKey(saved)}`;
  const [draft, setDraft] = useState<Wording>(saved);
  const [draftOf, setDraftOf] = useState(savedKey);
  const [baseVersion, setBaseVersion] = useState(page.version);
  const [conflict, setConflict] = useState<Saved | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [preview, setPreview] = useState<{ node: ReactNode; problems: string[]; error: string | null }>({ node: initialPreview, problems: [], error: null });
  const [, startPreview] = useTransition();
  const latest = useRef(0);

  // A save (router.refresh) brings the stored page. What is typed stays whatever comes: when it is what was
  // stored, this editor saved it and goes on from that version; otherwise the next save's check decides.
  if (draftOf !== savedKey) {
    setDraftOf(savedKey);
    if (toKey(draft) === toKey(saved)) {
      setBaseVersion(page.version);
      setConflict(null);
    }
  }

  const dirty = toKey(draft) !== toKey(saved) || baseVersion !== page.version;
  useLeaveGuard(dirty);

  useEffect(() => {
    const request = ++latest.current;
    const timer = setTimeout(() => {
      startPreview(async () => {
        const answer = await renderPreview(csrfToken, page.slug, draft).catch(() => null);
        if (request !== latest.current) return;
        if (!answer) setPreview((p) => ({ ...p, error: 'プレビューを更新できませんでした。' }));
        else if (!answer.ok) setPreview((p) => ({ ...p, error: answer.error }));
        else setPreview({ node: answer.node, problems: answer.problems, error: null });
      });
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, csrfToken, page.slug, renderPreview]);

  function change(next: Partial<Wording>) {
    setDraft((d) => ({ ...d, ...next }));
    setError(null);
    setNotice(null);
    setDone(false);
  }

  async function save() {
    setBusy(true);
    setError(null);
    setNotice(null);
    setDone(false);
    const answer = await sendJson(`/api/newsroom/pages/${page.slug}`, csrfToken, { ...draft, baseVersion }, { method: 'PUT', offline: NETWORK_ERROR, refused: () => '保存できませんでした。' });
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      const theirs = answer.status === 409 ? readSaved(answer.body.current) : null;
      if (theirs) setConflict(theirs);
      return;
    }
    setConflict(null);
    setDone(true);
    // The next save builds on this one even before the refreshed page arrives.
    if (typeof answer.body.version === 'number') setBaseVersion(answer.body.version);
    router.refresh();
  }

  function takeTheirs() {
    if (!conflict) return;
    if (!window.confirm('入力した内容を捨てて、保存されている内容に置き換えます。よろしいですか?')) return;
    setDraft({ title: conflict.title, description: conflict.description, body: conflict.body });
    setBaseVersion(conflict.version);
    setConflict(null);
    setError(null);
    setNotice(`第${conflict.version}版を読み込みました。`);
  }

  // A save refused for what the problems box lists says it once, as the alert (announced on the click); typing brings the box back.
  const showProblems = preview.problems.length > 0 && !(error && preview.problems.every((p) => error.split('\n').includes(p)));
  const titleCount = countCharacters(draft.title.trim());
  const descriptionCount = countCharacters(draft.description.trim());
  const sourceCount = countCharacters(draft.body);
  const bodyOver = sourceCount > limits.body;

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <section aria-labelledby="fp-form-heading" className="min-w-0 space-y-3 rounded border border-rule bg-white p-4">
        <h2 id="fp-form-heading" className="sr-only">
          文面
        </h2>
        <p className="text-xs text-muted" data-testid="fixed-page-version">
          第{page.version}版 ・ 最終更新 {formatDateline(page.updatedAt)} ・ {page.updatedBy ?? '初期の文面'}
        </p>
        <div>
          <label className="block text-sm">
            <span className="block font-semibold">タイトル(見出しと &lt;title&gt;)</span>
            <input name="title" value={draft.title} onChange={(e) => change({ title: e.target.value })} aria-describedby="fp-title-count" aria-invalid={titleCount === 0 || titleCount > limits.title || undefined} className={inputClass} />
          </label>
          <CharCount id="fp-title-count" field="fixed-page-title" count={titleCount} limit={HOUSE_LIMITS.seoTitle} />
        </div>
        <div>
          <label className="block text-sm">
            <span className="block font-semibold">説明(検索結果やSNSで表示される文)</span>
            <textarea
              name="description"
              value={draft.description}
              onChange={(e) => change({ description: e.target.value })}
              rows={2}
              aria-describedby="fp-description-count"
              aria-invalid={descriptionCount > limits.description || undefined}
              className={inputClass}
            />
          </label>
          <CharCount id="fp-description-count" field="fixed-page-description" count={descriptionCount} limit={HOUSE_LIMITS.seoDescription} />
        </div>
        <div>
          <label className="block text-sm">
            <span className="block font-semibold">本文</span>
            <textarea
              name="body"
              value={draft.body}
              onChange={(e) => change({ body: e.target.value })}
              rows={22}
              aria-describedby="fp-body-count fp-body-help"
              aria-invalid={bodyOver || undefined}
              className={`${inputClass} font-mono text-sm leading-relaxed`}
            />
          </label>
          <p id="fp-body-count" data-testid="count-fixed-page-body" data-over={bodyOver ? 'true' : undefined} className={`mt-1 text-right text-xs tabular-nums ${bodyOver ? 'font-bold text-brand-dark' : 'text-muted'}`}>
            {countBodyCharacters(draft.body).toLocaleString('ja-JP')}字(記号を含めて{sourceCount.toLocaleString('ja-JP')}/{limits.body.toLocaleString('ja-JP')}字)
          </p>
          <details id="fp-body-help" className="mt-1 text-sm">
            <summary className="cursor-pointer text-link underline">本文の書き方</summary>
            <div className="mt-2 space-y-1.5 text-xs leading-relaxed">
              <p>記事の本文と同じ書き方です(## 小見出し、- 箇条書き、**太字**、[リンク](/contact))。ページ区切りは使えません。</p>
              <p>
                会社の情報は設定から差し込まれます。文中に <code>{'{{会社名}}'}</code> <code>{'{{所在地}}'}</code> <code>{'{{代表者}}'}</code> <code>{'{{設立}}'}</code>{' '}
                <code>{'{{メールアドレス}}'}</code>、1行に単独で <code>{'{{会社情報}}'}</code>(表)<code>{'{{お問い合わせ先}}'}</code>(枠)と書きます。
              </p>
              <p>
                見出しの末尾の <code>{'{#newsletter}'}</code> は、ほかのページからのリンク先の名前です(/privacy#newsletter)。消したり変えたりすると、そのリンクが見出しに届かなくなります。
              </p>
            </div>
          </details>
        </div>

        {showProblems && (
          <div role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="fixed-page-problems">
            <p className="font-bold">このままでは保存できません</p>
            <ul className="mt-1 list-disc pl-5">
              {preview.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        {error && (
          <p role="alert" className="rounded border border-brand/40 bg-brand/5 px-3 py-2 text-sm whitespace-pre-line text-brand-dark">
            {error}
          </p>
        )}
        {conflict && (
          <div className="space-y-2 rounded border border-rule bg-paper px-3 py-3 text-sm" data-testid="fixed-page-conflict">
            <p>
              保存されている版:第{conflict.version}版 ・ {formatDateline(conflict.updatedAt)} ・ {conflict.updatedBy ?? 'ほかの編集者'}
            </p>
            <details>
              <summary className="cursor-pointer text-link underline">保存されている内容を見る</summary>
              <p className="mt-2 font-bold">{conflict.title}</p>
              <p className="text-xs text-muted">{conflict.description}</p>
              <textarea readOnly value={conflict.body} rows={10} aria-label="保存されている本文" className={`${inputClass} font-mono text-xs`} />
            </details>
            <div className="flex flex-wrap gap-2">
              <button
                type="button"
                onClick={() => {
                  setBaseVersion(conflict.version);
                  setConflict(null);
                  setError(null);
                  setNotice(`「保存して公開」を押すと、入力した内容を第${conflict.version}版の次の版として保存します。`);
                }}
                className={`${buttonClass} border border-ink`}
              >
                自分の内容で上書きする
              </button>
              <button type="button" onClick={takeTheirs} className={`${buttonClass} border border-rule`}>
                保存されている内容を読み込む
              </button>
            </div>
          </div>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" onClick={save} disabled={busy} className={`${buttonClass} bg-brand text-white hover:bg-brand-dark`}>
            {busy ? '保存しています…' : '保存して公開'}
          </button>
          <a href={path} target="_blank" rel="noopener" className="text-sm text-link underline">
            公開ページを見る
          </a>
          {dirty && !busy && <span className="text-xs text-muted">保存していない変更があります</span>}
        </div>
        <p role="status" className="text-sm" data-testid="fixed-page-saved">
          {done ? '保存しました。読者のページに反映しました。' : (notice ?? '')}
        </p>
      </section>

      <section aria-labelledby="fp-preview-heading" className="min-w-0 rounded border border-rule bg-white p-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto">
        <h2 id="fp-preview-heading" className="mb-3 text-sm font-bold text-muted">
          プレビュー(保存前の内容。読者にはまだ見えません)
        </h2>
        {preview.error && (
          <p role="alert" className="mb-2 text-sm text-brand-dark">
            {preview.error}
          </p>
        )}
        <div data-testid="fixed-page-preview">{preview.node}</div>
      </section>
    </div>
  );
}
