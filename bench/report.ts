/**
 * What every bench report shares: the number formats and target words of
 * docs/benchmarks.md, the dated notes people write under bench/notes/, and
 * the figures each run keeps in bench/results/ so its section can be written
 * again without measuring (the product changes under the bench; a section is
 * rewritten when its prose changes, not only when it is measured).
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A whole number with thousands separators (`12,345`). */
export const fmt0 = (n: number) => Math.round(n).toLocaleString('en');

/** `a ÷ b` to two places; a dash when there is nothing to divide by (a row that measured nothing). */
export const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '—');

/**
 * A measured number to `digits` places (as it is without), or a dash where
 * the run measured none: NaN, which a saved run's JSON holds as null, so a
 * section written again from it reads as the first time.
 */
export function fixed(n: number | null, digits?: number): string {
  if (n === null || Number.isNaN(n)) return '—';
  return digits === undefined ? String(n) : n.toFixed(digits);
}

/** How a target reads beside its figure: a miss stands out in bold. */
export const met = (ok: boolean) => (ok ? 'met' : '**missed**');

/**
 * A note of dated findings (`bench/notes/NAME.md`): what limited a figure in
 * the run it names, written by people and quoted as it is, never by the bench.
 */
export function readNote(name: string): string {
  return fs.readFileSync(fileURLToPath(new URL(`./notes/${name}.md`, import.meta.url)), 'utf8').trimEnd();
}

/** The checked-out commit, marked when the tree has local changes (the figures belong to that build). */
export function currentCommit(): string {
  try {
    const sha = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    return execSync('git status --porcelain --untracked-files=no', { encoding: 'utf8' }).trim() ? `${sha} with local changes` : sha;
  } catch {
    return 'unknown';
  }
}

/**
 * Keeps a run's figures as `DIR/KIND-<startedAt>.json` (bench/results/ is
 * not committed); saving again with the same start time replaces the file.
 * Returns the file's path.
 */
export function saveResult(kind: string, startedAt: string, figures: unknown, dir = 'bench/results'): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${kind}-${startedAt.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(figures, null, 2) + '\n');
  return file;
}

/** A run's figures as `saveResult` kept them (the caller names their type; nothing checks the file against it). */
export function loadResult<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}
