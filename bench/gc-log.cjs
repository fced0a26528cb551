// Preloaded into the newsroom day's server (`--require`, BENCH_DAY_SERVER_LOG):
// writes one line to stderr for each garbage collection that paused the
// server for 20 ms or more, so a bench can tell collector stalls from slow
// pages. Bench code only: the product never loads it.
const { PerformanceObserver, constants } = require('node:perf_hooks');

const KINDS = {
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
};

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.duration < 20) continue;
    const heapMb = Math.round(process.memoryUsage().heapUsed / 1048576);
    process.stderr.write(`gc-pause ${new Date().toISOString()} ${KINDS[entry.detail?.kind] ?? 'other'} ${entry.duration.toFixed(0)} ms heap ${heapMb} MB\n`);
  }
}).observe({ entryTypes: ['gc'] });
