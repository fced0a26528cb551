import Module, { createRequire } from 'node:module';

// typescript-eslint parses through the TypeScript compiler API, which
// TypeScript 7 (our `tsc`, and what `next build` type-checks with) does not
// ship: `require('typescript')` gives only its version. TypeScript 6 is
// installed beside it under its own name, and inside this process every
// `require('typescript')` goes to it, as the TypeScript 7 announcement advises
// for API users. Aliasing the `typescript` package itself instead would move
// `next build`'s type check to TypeScript 6 too. Remove this once
// typescript-eslint reads TypeScript 7.1's API (typescript-eslint#10940).
const require = createRequire(import.meta.url);
const typescript6 = require.resolve('@typescript/typescript6');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'typescript' ? typescript6 : resolveFilename.call(this, request, ...rest);
};

// Imported after the redirect above: these load typescript-eslint.
const { default: nextVitals } = await import('eslint-config-next/core-web-vitals');
const { default: nextTypescript } = await import('eslint-config-next/typescript');

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    // What the app, tests and benchmarks write while they run; .next/ and next-env.d.ts are ignored by Next.js's own config.
    ignores: ['data/**', 'test-results/**', 'playwright-report/**', 'bench/results/**', '.e2e-data*/**', '.bench-data/**', '.cluster/**', 'public/**'],
  },
  {
    rules: {
      // `const { secret: _secret, ...rest } = x` is how we leave a key out of a copy.
      '@typescript-eslint/no-unused-vars': ['warn', { ignoreRestSiblings: true }],
    },
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
