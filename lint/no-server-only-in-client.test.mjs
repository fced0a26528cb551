import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import './use-typescript6.mjs';
import { RuleTester } from 'eslint';
import nextTypescript from 'eslint-config-next/typescript';
import { noServerOnlyInClient } from './no-server-only-in-client.mjs';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

// A small project: a door that is server-only, a pure module beside it, a Server Action file.
const root = mkdtempSync(path.join(tmpdir(), 'kiji-lint-'));
mkdirSync(path.join(root, 'lib/content'), { recursive: true });
mkdirSync(path.join(root, 'components/article'), { recursive: true });
writeFileSync(path.join(root, 'lib/content/index.ts'), "import 'server-only';\nexport const getArticle = async () => null;\n");
writeFileSync(path.join(root, 'lib/content/urls.ts'), "export const articlePath = (id: string) => `/articles/${id}`;\n");
writeFileSync(path.join(root, 'lib/content/actions.ts'), "'use server';\nexport async function save() {}\n");
writeFileSync(path.join(root, 'lib/content/draft.ts'), "import { z } from 'zod';\nexport const draftSchema = z.object({});\nexport type Draft = z.output<typeof draftSchema>;\n");
afterAll(() => rmSync(root, { recursive: true, force: true }));

const filename = path.join(root, 'components/article/share.client.tsx');
const options = [{ root }];
// The parser our own config lints .tsx with (typescript-eslint, through eslint-config-next).
const { parser } = nextTypescript.find((block) => block.languageOptions?.parser).languageOptions;
const tester = new RuleTester({ languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: true } } } });

tester.run('no-server-only-in-client', noServerOnlyInClient, {
  valid: [
    { filename, options, code: "import { articlePath } from '@/lib/content/urls';" },
    { filename, options, code: "import { articlePath } from '../../lib/content/urls';" },
    { filename, options, code: "import type { Article } from '@/lib/content';" },
    { filename, options, code: "import { type Article } from '@/lib/content';" },
    { filename, options, code: "export type { Article } from '@/lib/content';" },
    { filename, options, code: "import { save } from '@/lib/content/actions';" },
    { filename, options, code: "import { useState } from 'react';" },
    { filename, options, code: "import type { Draft } from '@/lib/content/draft';" },
  ],
  invalid: [
    { filename, options, code: "import { getArticle } from '@/lib/content';", errors: [{ messageId: 'serverOnly' }] },
    { filename, options, code: "import { getArticle } from '../../lib/content';", errors: [{ messageId: 'serverOnly' }] },
    { filename, options, code: "import { getArticle, type Article } from '@/lib/content';", errors: [{ messageId: 'serverOnly' }] },
    { filename, options, code: "export { getArticle } from '@/lib/content/index';", errors: [{ messageId: 'serverOnly' }] },
    { filename, options, code: "const load = () => import('@/lib/content');", errors: [{ messageId: 'serverOnly' }] },
    { filename, options, code: "import 'server-only';", errors: [{ messageId: 'serverOnly' }] },
    { filename, options, code: "import { draftSchema } from '@/lib/content/draft';", errors: [{ messageId: 'zod' }] },
  ],
});
