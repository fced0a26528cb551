import Module, { createRequire } from 'node:module';

// Imported for its effect, before anything loads typescript-eslint.
//
// typescript-eslint parses through the TypeScript compiler API, which
// TypeScript 7 (our `tsc`, and what `next build` type-checks with) does not
// ship: `require('typescript')` gives only its version. TypeScript 6 is
// installed beside it under its own name (@typescript/typescript6), and in
// this process every `require('typescript')` goes to it, as the TypeScript 7
// announcement advises for API users. Aliasing the `typescript` package
// itself instead would move `next build`'s type check to TypeScript 6 too.
// Remove once typescript-eslint reads TypeScript 7.1's API (typescript-eslint#10940).
const require = createRequire(import.meta.url);
const typescript6 = require.resolve('@typescript/typescript6');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'typescript' ? typescript6 : resolveFilename.call(this, request, ...rest);
};
