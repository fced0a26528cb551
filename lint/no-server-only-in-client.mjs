import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * `kiji/no-server-only-in-client`: a client leaf (`*.client.tsx`) imports no
 * module that opens with `import 'server-only'`, nor that package itself, nor
 * a module of ours that imports zod: in the browser zod probes whether it may
 * compile validators with `new Function`, which the site's CSP refuses and
 * reports as a violation (ADR 0021); the leaf takes what it needs from a
 * module without zod, and the route validates.
 * Next.js's build refuses such an import too, but only after a build; this
 * says so in the editor, at the import. Type-only imports are left alone:
 * they are erased before anything is bundled. Only our own modules are
 * looked at (`@/…` and relative paths), one import deep: what they import in
 * turn is theirs to check.
 */

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '/index.ts', '/index.tsx'];
const SERVER_ONLY = /^\s*import\s+['"]server-only['"]/m;
const ZOD = /^\s*import\s[^;]*?\sfrom\s+['"]zod['"]/m;
const cache = new Map();

function resolveOwn(specifier, fromFile, root) {
  let base;
  if (specifier.startsWith('@/')) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith('./') || specifier.startsWith('../')) base = path.resolve(path.dirname(fromFile), specifier);
  else return null;
  for (const candidate of [base, ...EXTENSIONS.map((ext) => base + ext)]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Why a client leaf cannot import `file`: 'serverOnly', 'zod' or null. */
function refusalOf(file) {
  if (!cache.has(file)) {
    const text = readFileSync(file, 'utf8');
    cache.set(file, SERVER_ONLY.test(text) ? 'serverOnly' : ZOD.test(text) ? 'zod' : null);
  }
  return cache.get(file);
}

function isTypeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  // `import { type A, type B } from 'x'` is erased whole, like `import type`.
  return node.type === 'ImportDeclaration' && node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type');
}

export const noServerOnlyInClient = {
  meta: {
    type: 'problem',
    docs: { description: 'Client leaves import no server-only module' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      serverOnly: "'{{source}}' is server-only (it opens with `import 'server-only'`): a client leaf cannot import it. Import its types with `import type`, or have the server parent pass the data down as props.",
      zod: "'{{source}}' imports zod, which in the browser probes for eval and breaks the Content-Security-Policy: import its types with `import type`, or move what the leaf needs into a module without zod.",
    },
  },
  create(context) {
    // What `@/` means (tsconfig.json `paths`): the project folder ESLint runs in, unless a test says otherwise.
    const root = context.options[0]?.root ?? context.cwd;
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') return;
      const specifier = source.value;
      if (specifier === 'server-only') {
        context.report({ node: source, messageId: 'serverOnly', data: { source: specifier } });
        return;
      }
      const file = resolveOwn(specifier, context.filename, root);
      const refusal = file && refusalOf(file);
      if (refusal) context.report({ node: source, messageId: refusal, data: { source: specifier } });
    };
    return {
      ImportDeclaration: (node) => isTypeOnly(node) || check(node, node.source),
      ExportNamedDeclaration: (node) => isTypeOnly(node) || check(node, node.source),
      ExportAllDeclaration: (node) => isTypeOnly(node) || check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null),
    };
  },
};

export const kijiPlugin = { rules: { 'no-server-only-in-client': noServerOnlyInClient } };
