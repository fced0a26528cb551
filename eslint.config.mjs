// First: sends typescript-eslint's `require('typescript')` to TypeScript 6 (why in the file).
import './lint/use-typescript6.mjs';
import { kijiPlugin } from './lint/no-server-only-in-client.mjs';
import eslintComments from '@eslint-community/eslint-plugin-eslint-comments/configs';

const { default: nextVitals } = await import('eslint-config-next/core-web-vitals');
const { default: nextTypescript } = await import('eslint-config-next/typescript');
// eslint-plugin-import as Next.js's config registers it, for the rule below that applies to fewer files.
const importPlugin = nextVitals.find((c) => c.plugins?.import)?.plugins.import;

/**
 * The capabilities in lib/ that have a door (an index.ts): app/ and proxy.ts
 * call their commands and getters there and never reach past it (ADR 0031).
 * lib/db is not among them: app/ and proxy.ts never import it at all.
 * lib/config.ts is a capability of one file, so that file is its door.
 */
const DOORS = ['cache', 'content', 'live', 'log', 'newsletter', 'newsroom', 'ops', 'preview', 'rails', 'rankings', 'related', 'seo', 'signing', 'site', 'time'];

/**
 * Parts of lib/ that only the capabilities above use (markdown, body text and
 * embeds; srcset widths; the seed; request bodies, client addresses and the
 * rate limiter): a route that wants them asks the capability that owns the
 * work (lib/content renders a body, lib/newsroom reads a mutation).
 */
const INNER = ['text', 'media', 'seed', 'http'];

/**
 * proxy.ts is bundled on its own and runs before every article and newsroom
 * request: it takes the few leaf modules it needs, named here, instead of
 * doors that would carry whole capabilities into its bundle (the newsroom's
 * writers; next/cache and the signing key behind lib/cache's door).
 */
const PROXY_IMPORTS = { newsroom: ['./for-proxy.ts'], cache: ['./control.ts'], site: ['./pages.ts'], http: ['./unavailable-page.ts'] };

const LAYERS = [
  {
    target: './lib',
    from: ['./components', './app'],
    message: 'lib/ is below components/ and app/: return data and let the route or component render it.',
  },
  { target: './components', from: './app', message: 'components/ are composed by app/, never the other way round.' },
  {
    target: './components',
    from: './lib/db',
    message: "components/ never see the database: take the domain types and data from the capability's module (lib/content/types for ArticleStatus).",
  },
  {
    target: ['./app', './proxy.ts'],
    from: './lib/db',
    message: 'Routes never hold a database handle or its schema: call a command or getter of the capability’s door.',
  },
];

/** Nothing for tests or benchmarks in the product (docs/CONVENTIONS): their helpers live under test/, e2e/ and bench/. */
const PRODUCT_ZONES = [
  {
    target: ['./app', './components', './lib', './proxy.ts', './instrumentation.ts'],
    from: ['./test', './e2e', './bench'],
    message: 'Test and benchmark helpers (test/, e2e/, bench/) never reach the product: one stray import breaks a production install.',
  },
];

const DOOR_ZONES = [
  ...DOORS.map((door) => ({
    target: './app',
    from: `./lib/${door}`,
    except: ['./index.ts'],
    message: `Import from '@/lib/${door}' (its index.ts), not its modules: routes use a capability through its door.`,
  })),
  ...INNER.map((inner) => ({
    target: './app',
    from: `./lib/${inner}`,
    message: `lib/${inner} has no door: routes get what it makes through the capability that uses it (lib/content, lib/newsroom …).`,
  })),
  ...[...DOORS, ...INNER].map((folder) => ({
    target: './proxy.ts',
    from: `./lib/${folder}`,
    except: PROXY_IMPORTS[folder] ?? (DOORS.includes(folder) ? ['./index.ts'] : []),
    message: `proxy.ts takes from lib/${folder} only the modules PROXY_IMPORTS in eslint.config.mjs names (else its index.ts, if it has one).`,
  })),
];

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    // What the app, tests and benchmarks write while they run; .next/ and next-env.d.ts are ignored by Next.js's own config.
    ignores: ['data/**', 'test-results/**', 'playwright-report/**', 'bench/results/**', '.e2e-data*/**', '.bench-data/**', '.cluster/**', '.tmp/**', 'public/**'],
  },
  // A disable says why after `--` (ADR 0031), names the rule it turns off, and goes when the rule no longer fires.
  eslintComments.recommended,
  { rules: { '@eslint-community/eslint-comments/require-description': 'error', '@eslint-community/eslint-comments/no-unused-disable': 'error' } },
  {
    // Next.js's own file set, where its config registers the import plugin.
    files: ['**/*.{js,jsx,mjs,ts,tsx,mts,cts}'],
    rules: {
      // `const { secret: _secret, ...rest } = x` is how we leave a key out of a copy.
      '@typescript-eslint/no-unused-vars': ['warn', { ignoreRestSiblings: true }],
      // Resolved paths, so `@/lib/db`, `../db` and `./lib/db` are the same import.
      'import/no-restricted-paths': ['error', { zones: [...LAYERS, ...PRODUCT_ZONES, ...DOOR_ZONES] }],
    },
  },
  {
    // What ships imports only dependencies: a devDependency (smtp-server, vitest, …) is missing from a production install.
    files: ['app/**', 'components/**', 'lib/**', 'proxy.ts', 'instrumentation*.ts', 'next.config.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    plugins: { import: importPlugin },
    rules: { 'import/no-extraneous-dependencies': ['error', { devDependencies: false, peerDependencies: false, includeTypes: false }] },
  },
  {
    // A test sets up what the route it tests would get through the door (a trap database, a fake context).
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'import/no-restricted-paths': ['error', { zones: LAYERS }] },
  },
  {
    files: ['**/*.client.tsx'],
    plugins: { kiji: kijiPlugin },
    rules: { 'kiji/no-server-only-in-client': 'error' },
  },
  {
    // Next.js loads the cache handler with require(), outside the bundler, so it and its types are CommonJS.
    files: ['**/*.cjs', '**/*.d.cts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Playwright hands each fixture a callback it names `use`; nothing in e2e/ is React.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
];

export default config;
