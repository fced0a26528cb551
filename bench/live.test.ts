import { describe, expect, it } from 'vitest';
import { formatLive, formatLiveCluster, liveClusterOptionsFromEnv, type LiveResult, type RouteResult, type ScenarioResult } from './live';

const route = (name: string, answered: number, p95: number | null): RouteResult => ({
  route: name,
  readers: name === 'nginx' ? 1000 : 333,
  answeredPerSecond: answered,
  errors: 0,
  requestP50: 20,
  requestP95: 80,
  updateP50: p95 === null ? null : p95 / 2,
  updateP95: p95,
  updateSamples: 100,
});

function scenario(name: ScenarioResult['scenario'], p95s: (number | null)[], reachedEach: number): ScenarioResult {
  const routes = [route('nginx', 200, p95s[0]!), ...[1, 2, 3].map((i) => route(`instance ${i}, directly`, 200 / 3, p95s[i]!))];
  return {
    scenario: name,
    target: '/x',
    seconds: 66,
    answeredPerSecond: 400,
    errors: 0,
    errorStatuses: {},
    serverRequestsPerSecond: reachedEach * 3,
    streamReadsPerSecond: 3.2,
    rendersPerSecond: name === 'live-endpoint' ? null : 1,
    distinctPerSecond: 0.4,
    cpuPerSecond: 0.6,
    cpuMsPerRequest: 1.5,
    generatorCpuPerSecond: 0.1,
    cancelledAtEnd: 0,
    requestP50: 20,
    requestP95: 80,
    updateP50: p95s[0] === null ? null : 2_500,
    updateP95: p95s[0] === null ? null : Math.max(...p95s.map(Number)),
    updateSamples: 400,
    posts: name === 'article-page' ? 0 : 11,
    routes,
    servers: [1, 2, 3].map((i) => ({ server: `instance ${i}`, requestsPerSecond: reachedEach + 5, askedPerSecond: reachedEach, rendersPerSecond: 0.1, streamReadsPerSecond: 1, cpuPerSecond: 0.2 })),
    frontCpuPerSecond: 0.03,
  };
}

function run(endpointP95: number[], pageP95: number[]): LiveResult {
  return {
    startedAt: '2026-12-05T22:30:00.000Z',
    options: liveClusterOptionsFromEnv(),
    cores: 2,
    instances: 3,
    loadAverage: { start: [4.2, 5, 6], end: [6.6, 5, 6] },
    results: [
      // Through nginx nothing of the article reaches the instances: only the direct readers' 200/s (67 each).
      scenario('article-page', [null, null, null, null], 200 / 3),
      // One poll a second per distinct `after` passes nginx: 3/s on top of the direct readers'.
      scenario('live-endpoint', endpointP95, 203 / 3),
      scenario('live-page', pageP95, 70),
    ],
  };
}

describe('formatLiveCluster', () => {
  it('gives each way in its own latency and judges the bound by the slowest', () => {
    const md = formatLiveCluster(run([5_500, 4_800, 9_900, 4_800], [7_900, 7_700, 7_600, 8_100]));
    expect(md).toContain('| nginx | 1,000 | 2.8 s / **5.5 s** (100) |');
    expect(md).toContain('| instance 2, directly | 333 | 5.0 s / **9.9 s** (100) |');
    expect(md).toContain('the slowest way in had p95 9.9 s polling the endpoint (met) and\n8.1 s reloading the page (met)');
    expect(md).toContain('load average 4.2 at the start, 6.6 at the end');
    // What nginx passed on: everything that reached the instances less the direct readers' answers.
    expect(md).toContain('Of the 200 polls/s through nginx, about 3.0/s reached an instance');
    expect(md).toContain('(the ordinary article through nginx: 0.0/s of 200)');
  });

  it('says missed when any one instance is at 10 s or more, even when the average is not', () => {
    const md = formatLiveCluster(run([5_500, 4_800, 10_000, 4_800], [7_900, 7_700, 7_600, 12_100]));
    expect(md).toContain('p95 10.0 s polling the endpoint (**missed**)');
    expect(md).toContain('12.1 s reloading the page (**missed**)');
  });

  it('takes what nginx passed on from its access log when the run counted it', () => {
    const result = run([5_000, 5_000, 5_000, 5_000], [8_000, 8_000, 8_000, 8_000]);
    result.results[1]!.frontPassedPerSecond = 2.5;
    expect(formatLiveCluster(result)).toContain('Of the 200 polls/s through nginx, about 2.5/s reached an instance');
  });

  it('leaves the one-server section as it was', () => {
    const single = run([5_000, 5_000, 5_000, 5_000], [8_000, 8_000, 8_000, 8_000]);
    expect(formatLive({ ...single, instances: undefined })).toContain('## Live coverage: 2,000 readers every 5 s (`npx tsx bench/live.ts`)');
  });
});
