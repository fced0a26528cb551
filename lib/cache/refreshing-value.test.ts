import { describe, expect, it } from 'vitest';
import { captureLog } from '../../test/support/log';
import { createRefreshingValue } from './refreshing-value';

function setup(maxAgeMs = 1_000) {
  let clock = 0;
  let loads = 0;
  let release: (() => void) | null = null;
  let gate = false;
  const value = createRefreshingValue(
    `test-${Math.random()}`,
    async () => {
      const n = ++loads;
      if (gate) await new Promise<void>((resolve) => (release = resolve));
      return n;
    },
    { maxAgeMs, now: () => clock },
  );
  return {
    value,
    loads: () => loads,
    tick: (ms: number) => (clock += ms),
    hold: () => (gate = true),
    open: () => {
      gate = false;
      release?.();
    },
  };
}

describe('a refreshing value', () => {
  it('loads once for concurrent first readers, then serves from memory while fresh', async () => {
    const t = setup();
    expect(await Promise.all([t.value.get(), t.value.get(), t.value.get()])).toEqual([1, 1, 1]);
    t.tick(1_000);
    expect(await t.value.get()).toBe(1);
    expect(t.loads()).toBe(1);
  });

  it('serves the stale value while one background reload runs, then the new one', async () => {
    const t = setup();
    await t.value.get();
    t.tick(1_001);
    t.hold();
    expect(await t.value.get()).toBe(1);
    expect(await t.value.get()).toBe(1);
    expect(t.loads()).toBe(2);
    t.open();
    await new Promise((resolve) => setImmediate(resolve));
    expect(await t.value.get()).toBe(2);
  });

  it('after forget, the next reader waits for a load that started after it', async () => {
    const t = setup();
    await t.value.get();
    t.tick(1_001);
    t.hold();
    void t.value.get(); // a background reload that began before the write
    t.value.forget();
    t.open();
    expect(await t.value.get()).toBe(3);
    expect(await t.value.get()).toBe(3);
  });

  it('a failed first load reaches the reader; a failed reload keeps the previous value', async () => {
    let fail = true;
    let clock = 0;
    const value = createRefreshingValue(
      `test-fail-${Math.random()}`,
      async () => {
        if (fail) throw new Error('database down');
        return 'ok';
      },
      { maxAgeMs: 10, now: () => clock },
    );
    await expect(value.get()).rejects.toThrow('database down');
    fail = false;
    expect(await value.get()).toBe('ok');
    fail = true;
    clock += 11;
    const log = captureLog();
    expect(await value.get()).toBe('ok');
    await new Promise((resolve) => setImmediate(resolve));
    // Still stale: each reader starts the next try (one at a time) and still gets the previous value.
    expect(await value.get()).toBe('ok');
    await new Promise((resolve) => setImmediate(resolve));
    log.restore();
    expect(log.entries()).toHaveLength(2);
    expect(log.entries()[0]).toMatchObject({ level: 'error', module: 'cache', err: { message: 'database down' } });
  });
});
