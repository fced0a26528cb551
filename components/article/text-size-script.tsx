import { buildTextSizeScript } from './text-size';

const SCRIPT = buildTextSizeScript();

/**
 * The reader's 文字サイズ on <html> before the first paint (see text-size.ts).
 * For the root layout's <head>: a parser-blocking inline script, run before
 * the body exists. The CSP allows inline scripts (lib/http/security-headers.ts).
 */
export function TextSizeScript() {
  return <script dangerouslySetInnerHTML={{ __html: SCRIPT }} />;
}
