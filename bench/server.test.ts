import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareAppCopy } from './server';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('prepareAppCopy', () => {
  it('gives the copy links to the external packages that resolve wherever the copy is, as a worktree builds them', () => {
    // A worktree whose node_modules links to another checkout's: the build links pino-<hash> by a
    // path that leaves the worktree (../../../main/node_modules/pino), relative to .next/node_modules.
    const top = fs.mkdtempSync(path.join(os.tmpdir(), 'kiji-app-copy-'));
    made.push(top);
    const main = path.join(top, 'main');
    fs.mkdirSync(path.join(main, 'node_modules', 'pino'), { recursive: true });
    fs.writeFileSync(path.join(main, 'node_modules', 'pino', 'package.json'), '{"name":"pino"}');
    const worktree = path.join(top, 'wt');
    fs.mkdirSync(path.join(worktree, '.next', 'node_modules'), { recursive: true });
    fs.mkdirSync(path.join(worktree, '.next', 'cache'));
    fs.writeFileSync(path.join(worktree, '.next', 'BUILD_ID'), 'build');
    fs.symlinkSync(path.join(main, 'node_modules'), path.join(worktree, 'node_modules'));
    fs.symlinkSync('../../../main/node_modules/pino', path.join(worktree, '.next', 'node_modules', 'pino-1b0c6d331929561f'));
    expect(fs.existsSync(path.join(worktree, '.next', 'node_modules', 'pino-1b0c6d331929561f', 'package.json'))).toBe(true);

    // Deeper than the worktree, as the cluster's instance copies are (<work>/cluster/instance-1).
    const copy = prepareAppCopy(path.join(top, 'work', 'cluster', 'instance-1'), worktree);

    expect(fs.readFileSync(path.join(copy, '.next', 'node_modules', 'pino-1b0c6d331929561f', 'package.json'), 'utf8')).toContain('pino');
    expect(fs.readFileSync(path.join(copy, '.next', 'BUILD_ID'), 'utf8')).toBe('build');
    // Its own caches: the checkout's are not copied.
    expect(fs.existsSync(path.join(copy, '.next', 'cache'))).toBe(false);
    expect(fs.realpathSync(path.join(copy, 'node_modules'))).toBe(fs.realpathSync(path.join(main, 'node_modules')));
  });
});
