import type { ReactNode } from 'react';

type PreviewPaneProps = {
  preview: { node: ReactNode; pages: number };
  page: number;
  setPage: (page: number) => void;
  error: string | null;
};

/** The editor's side-by-side preview (./use-live-preview.ts): the form as readers will see it, page by page. */
export function PreviewPane({ preview, page, setPage, error }: PreviewPaneProps) {
  return (
    <section aria-label="プレビュー" className="min-w-0 space-y-2 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <h2 className="font-bold">プレビュー</h2>
        {preview.pages > 1 &&
          Array.from({ length: preview.pages }, (_, i) => i + 1).map((n) => (
            <button
              key={n}
              type="button"
              aria-pressed={n === page}
              onClick={() => setPage(n)}
              className={`min-w-8 rounded border px-2 py-0.5 ${n === page ? 'border-ink bg-ink text-white' : 'border-rule bg-white'}`}
            >
              {n}
            </button>
          ))}
        {error && (
          <span role="alert" className="text-brand-dark">
            {error}
          </span>
        )}
      </div>
      {preview.node}
    </section>
  );
}
