import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { readSettings } from '@/lib/config';

export const metadata: Metadata = { title: 'baseline', robots: { index: false, follow: false } };

// The smallest page this build can serve: the framework's own scripts and
// nothing of ours. `npm run bench` and the JS budget compare every route's
// client JavaScript with this page's (docs/benchmarks.md). A 404 unless
// KIJI_BENCH_PAGES is on: a site ships no page of the bench's.
export default async function BaselinePage() {
  await connection();
  if (!readSettings().benchPages) notFound();
  return <p>Kiji</p>;
}
