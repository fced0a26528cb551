import { describe, expect, it } from 'vitest';
import { clusterOptionsFromEnv, formatCluster, type ClusterResult } from './cluster';
import { Phase, type PhaseResult } from './day-load';

function phase(name: string, connections: number, answers: number, seconds: number, { status = 200, timeouts = 0 } = {}): PhaseResult {
  const p = new Phase(name, connections);
  for (let i = 0; i < answers; i++) p.record('article', status, 50, 'HIT');
  p.seconds = seconds;
  p.timeouts = timeouts;
  return p.result();
}

function run(overrides: Partial<ClusterResult>): ClusterResult {
  return {
    at: '2026-12-04T23:00:00.000Z',
    options: clusterOptionsFromEnv(),
    articles: 2066,
    single: phase('one instance', 50, 1000, 10),
    cluster: phase('3 instances behind nginx', 50, 3000, 10),
    flood: phase('flood', 500, 5000, 10),
    floodMemory: [{ before: 300, after: 320 }],
    fanOutMs: [200, 300, 400, 500],
    fanOutNginxMs: [300, 400, 1200],
    ...overrides,
  };
}

describe('formatCluster', () => {
  it('marks each target met or missed from the same run', () => {
    const md = formatCluster(run({}));
    expect(md).toContain('**3.00** × one instance (≥ 2.5: met)');
    expect(md).toContain('0 errors: met');
    expect(md).toContain('largest growth 6.7 % (target < 10 %: met)');
    expect(md).toContain('p95 **500 ms** (target 1,000: met)');
    expect(md).toContain('p95 **1,200 ms** (target 1,000: **missed**) over 3 stories');
  });

  it('says what missed, and counts timeouts as errors', () => {
    const md = formatCluster(
      run({
        cluster: phase('3 instances behind nginx', 50, 2000, 10),
        flood: phase('flood', 500, 5000, 10, { timeouts: 3 }),
        floodMemory: [{ before: 300, after: 360 }],
        fanOutMs: [300, 2500],
      }),
    );
    expect(md).toContain('**2.00** × one instance (≥ 2.5: **missed**)');
    expect(md).toContain('0 errors: **missed**');
    expect(md).toContain('(target < 10 %: **missed**)');
    expect(md).toContain('(target 1,000: **missed**)');
  });
});
