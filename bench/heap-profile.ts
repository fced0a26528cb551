/**
 * Sums a V8 sampling heap profile (`node --heap-prof`, what
 * `BENCH_PROFILE_KIND=heap npx tsx bench/profile-crawl.ts` writes) by the
 * function that allocated each live sample, and by the nearest frame of our
 * own code (app/, components/, lib/) on its stack: the first says what the
 * memory is, the second which of our calls made it.
 * `npx tsx bench/heap-profile.ts <file.heapprofile> [rows]`
 */
import fs from 'node:fs';

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { callFrame: CallFrame; selfSize: number; id: number; children: ProfileNode[] };
type HeapProfile = { head: ProfileNode };

const [file, rowsArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: npx tsx bench/heap-profile.ts <file.heapprofile> [rows]');
  process.exit(2);
}
const rows = Number(rowsArg || 25);
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as HeapProfile;

const OWN_CODE = /\/(app|components|lib)\/|\[project\]\/(app|components|lib)\//;
const where = (f: CallFrame) => `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(node_modules|\.next)\//, '$1/')}:${f.lineNumber + 1}:${f.columnNumber + 1}`;

const bySelf = new Map<string, number>();
/** The largest single allocation sites, with the stack that led to them (innermost last). */
const sites: { size: number; stack: string[] }[] = [];
const byOwn = new Map<string, number>();
let total = 0;
const walk = (node: ProfileNode, own: string | null, stack: string[] = []) => {
  stack = [...stack, where(node.callFrame)];
  if (node.selfSize > 0) sites.push({ size: node.selfSize, stack });
  const here = OWN_CODE.test(node.callFrame.url) ? where(node.callFrame) : own;
  if (node.selfSize > 0) {
    total += node.selfSize;
    const self = where(node.callFrame);
    bySelf.set(self, (bySelf.get(self) ?? 0) + node.selfSize);
    const key = here ?? '(no frame of ours)';
    byOwn.set(key, (byOwn.get(key) ?? 0) + node.selfSize);
  }
  for (const child of node.children) walk(child, here, stack);
};
walk(profile.head, null);

const mb = (n: number) => (n / 1048576).toFixed(1).padStart(8);
const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [key, size] of [...map].sort((a, b) => b[1] - a[1]).slice(0, rows)) console.log(`${mb(size)} MB  ${key}`);
};
console.log(`live samples: ${mb(total)} MB`);
print('by allocating function', bySelf);
print('by the nearest frame of our code', byOwn);

console.log('\nlargest allocation sites, with their stacks');
for (const { size, stack } of sites.sort((a, b) => b.size - a.size).slice(0, Math.ceil(rows / 3))) {
  console.log(`${mb(size)} MB`);
  for (const frame of stack.slice(-12)) console.log(`           ${frame}`);
}
