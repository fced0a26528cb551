import path from 'node:path';
import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const schema = z.object({
  KIJI_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL (leave it unset for the embedded SQLite database)')
    .optional(),
  SITE_URL: z.url().default('http://localhost:3000'),
  KIJI_SEED_DEMO: flag.default(true),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'REDIS_URL must be a redis:// or rediss:// URL').optional(),
  KIJI_REDIS_PREFIX: z.string().min(1).default('kiji:'),
  KIJI_REVALIDATE_SECRET: z.string().min(24, 'KIJI_REVALIDATE_SECRET must be at least 24 characters').optional(),
  KIJI_BENCH_PAGES: flag.default(false),
  KIJI_FRONT_CACHE_PURGE: z
    .string()
    .transform((v) => v.split(',').map((u) => u.trim().replace(/\/+$/, '')).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/, error: 'KIJI_FRONT_CACHE_PURGE must be http(s):// URLs separated by commas' })))
    .default([]),
});

export type Settings = {
  dataDir: string;
  databaseUrl: string | undefined;
  siteUrl: string;
  seedDemo: boolean;
  /** Page views and rankings in Redis instead of the database (lib/rankings). */
  redisUrl: string | undefined;
  /** Prefix of every Redis key Kiji writes, so sites and test runs can share a server. */
  redisPrefix: string;
  /** Bearer secret of POST /api/revalidate; unset disables the route. */
  revalidateSecret: string | undefined;
  /** The reference pages benchmarks and budgets compare with (/baseline): off unless a bench or test turns it on. */
  benchPages: boolean;
  /** The purge address of each nginx front (deploy/nginx/kiji-purge.conf): what an invalidation makes old is dropped there too. */
  frontCachePurgeUrls: string[];
};

/**
 * The process's settings, read once from the environment (see .env.example).
 * Bad values stop the server at start with the variable's name, rather than
 * failing later on a reader's request.
 */
export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    throw new Error(`Invalid settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const s = parsed.data;
  return {
    dataDir: path.resolve(s.KIJI_DATA_DIR),
    databaseUrl: s.DATABASE_URL,
    siteUrl: s.SITE_URL.replace(/\/+$/, ''),
    seedDemo: s.KIJI_SEED_DEMO,
    redisUrl: s.REDIS_URL,
    redisPrefix: s.KIJI_REDIS_PREFIX,
    revalidateSecret: s.KIJI_REVALIDATE_SECRET,
    benchPages: s.KIJI_BENCH_PAGES,
    frontCachePurgeUrls: s.KIJI_FRONT_CACHE_PURGE,
  };
}
