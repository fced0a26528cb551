import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'baseline', robots: { index: false, follow: false } };

// The smallest page this build can serve: the framework's own scripts and
// nothing of ours. `npm run bench` and the JS budget compare every route's
// client JavaScript with this page's (docs/benchmarks.md).
export default function BaselinePage() {
  return <p>Kiji</p>;
}
