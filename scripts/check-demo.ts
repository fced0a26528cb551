// Checks demo article files against house style: npx tsx scripts/check-demo.ts lib/seed/demo/articles/world.ts
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { countBodyCharacters, findDemoProblems } from '../lib/seed/demo/check';
import type { DemoArticle } from '../lib/seed/demo/types';

let failed = false;
for (const file of process.argv.slice(2)) {
  const mod = (await import(pathToFileURL(path.resolve(file)).href)) as Record<string, unknown>;
  const articles = Object.values(mod).flatMap((v) => (Array.isArray(v) ? (v as DemoArticle[]) : []));
  const problems = findDemoProblems(articles);
  for (const a of articles) console.log(`${a.key}\t${a.status ?? 'published'}\t${countBodyCharacters(a.body)}字\t${a.headline}`);
  for (const p of problems) console.error(`PROBLEM ${p}`);
  console.log(`${file}: ${articles.length} articles, ${problems.length} problems`);
  if (problems.length) failed = true;
}
process.exit(failed ? 1 : 0);
