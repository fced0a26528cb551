import { buildTextSizeScript } from './text-size';

const SCRIPT = buildTextSizeScript();

/**
 * The reader's 文字サイズ on <html> before the first paint (see text-size.ts).
 * For the root layout's <head>: a parser-blocking inline script, run before
 * the body exists. The CSP allows inline scripts (lib/http/security-headers.ts).
 * Not next/script `beforeInteractive`: in the App Router that queues the code
 * for Next.js's own bootstrap (`self.__next_s`), which may run after the first
 * paint. `next dev` logs React's
 * "Encountered a script tag" for this element; that check is in React's
 * development build only, and the server-rendered script runs as it should.
 */
export function TextSizeScript() {
  return <script dangerouslySetInnerHTML={{ __html: SCRIPT }} />;
}
