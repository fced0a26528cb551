import { describe, expect, it } from 'vitest';
import { Phase, type PhaseResult } from './day-load';
import { dayOptionsFromEnv, formatNewsroomDay, type DayResult } from './newsroom-day';

function phase(name: string, answers: number, seconds: number, cache: string, { ms = 100, status = 200 } = {}): PhaseResult {
  const p = new Phase(name, 50);
  for (let i = 0; i < answers; i++) p.record('article', status, ms, cache);
  p.seconds = seconds;
  p.cpuSeconds = { server: seconds / 2, generator: 0, others: 0 };
  return p.result();
}

function day(overrides: Partial<DayResult>): DayResult {
  return {
    options: dayOptionsFromEnv(),
    startedAt: '2026-12-04T12:00:00.000Z',
    minutes: 20,
    seed: { dataDir: '/tmp/x', articles: 10_000, seconds: 20, cpuSeconds: 20, seededAt: '2026-12-04T11:00:00.000Z', cachedFrom: null },
    articles: 10_066,
    sections: 6,
    hotPath: '/articles/abc',
    crawl: phase('crawl', 1000, 10, 'MISS'),
    ghost: phase('Ghost 5 post page', 400, 10, 'none'),
    ghostNote: null,
    hot: phase('single hot article', 2000, 10, 'HIT'),
    quiet: phase('readers, quiet', 1700, 10, 'HIT'),
    publishing: phase('readers, editor publishing', 1000, 10, 'STALE', { ms: 1500 }),
    publications: [{ path: '/articles/new1', draftMs: 50, publishMs: 80, afterPhase: { status: 200, cache: 'HIT' } }],
    editorFailures: [],
    signInMs: 300,
    loadAverage: [1, 1, 1],
    commit: 'abc1234',
    ...overrides,
  };
}

describe('formatNewsroomDay', () => {
  it('marks each target met or missed from the ratios of the same run', () => {
    const md = formatNewsroomDay(day({}));
    // 100 ÷ 40 pages/s: 2.5 × Ghost; quiet 0.85 × hot; publishing 0.5 × hot with a p99 of 1.5 s.
    expect(md).toContain('**2.50** × Ghost');
    expect(md).toMatch(/\*\*2\.50\*\* × Ghost \(CPU: [\d.]+\) \(≥ 2: met\)/);
    expect(md).toMatch(/\*\*0\.85\*\* × hot \(CPU: [\d.]+\) \(≥ 0\.8: met\)/);
    expect(md).toMatch(/\*\*0\.50\*\* × hot \(CPU: [\d.]+\) \(≥ 0\.7: \*\*missed\*\*\)/);
    expect(md).toContain('1,500 (**missed**)');
  });

  it('counts errors against the zero target and says why Ghost is missing', () => {
    const md = formatNewsroomDay(day({ ghost: null, ghostNote: 'Ghost is not installed under /nowhere', quiet: phase('readers, quiet', 10, 10, 'HIT', { status: 500 }) }));
    expect(md).toContain('Ghost was not measured: Ghost is not installed under /nowhere.');
    expect(md).toContain('| 10 / 0 / 0 (**missed**) |');
    expect(md).toContain('readers, quiet: 500 × 10');
  });
});
