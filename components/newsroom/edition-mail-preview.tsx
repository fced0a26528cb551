type EditionMailPreviewProps = {
  mail: { subject: string; text: string; html: string; headers: Record<string, string> };
  from: string;
};

/**
 * The mail exactly as the outbox will hold it: its headers, the HTML part in
 * a sandboxed frame of its own (no script, no access to the newsroom; the
 * newsroom's styles cannot reach it, so it looks as a mail client shows
 * it), and the text part as plain text.
 */
export function EditionMailPreview({ mail, from }: EditionMailPreviewProps) {
  const headers: [string, string][] = [['From', from], ['To', '(購読者ごとのアドレス)'], ['Subject', mail.subject], ...Object.entries(mail.headers)];
  return (
    <div className="space-y-6">
      <section aria-labelledby="mail-headers-heading" className="rounded border border-rule bg-white p-4">
        <h2 id="mail-headers-heading" className="text-lg font-bold">
          ヘッダー
        </h2>
        <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm" data-testid="mail-headers">
          {headers.map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="font-mono text-xs leading-6 text-muted">{name}</dt>
              <dd className="font-mono text-xs leading-6 [overflow-wrap:anywhere]">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="mail-html-heading" className="rounded border border-rule bg-white p-4">
        <h2 id="mail-html-heading" className="text-lg font-bold">
          HTMLメール
        </h2>
        <iframe
          title="HTMLメールの表示"
          srcDoc={mail.html}
          sandbox=""
          className="mt-2 h-[40rem] w-full rounded border border-rule bg-white"
          data-testid="mail-html"
        />
      </section>
      <section aria-labelledby="mail-text-heading" className="rounded border border-rule bg-white p-4">
        <h2 id="mail-text-heading" className="text-lg font-bold">
          テキストメール
        </h2>
        <pre className="mt-2 overflow-x-auto rounded bg-zinc-50 p-3 font-mono text-sm leading-relaxed whitespace-pre-wrap [overflow-wrap:anywhere]" data-testid="mail-text">
          {mail.text}
        </pre>
      </section>
    </div>
  );
}
