import path from 'node:path';
import { z } from 'zod';
import { DEMO_PUBLISHER, FOUNDED_PATTERN, type Publisher } from './site/publisher';

/** A yes/no setting: `true`/`1` or `false`/`0`; anything else is an error naming the variable. */
export const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/**
 * The one settings reader: parses the environment against a schema, an empty
 * value counting as unset. Bad values throw with the variable's name, so the
 * server stops at start rather than on a reader's request. Every module's
 * settings (site, newsroom, newsletter) go through it.
 */
export function parseSettings<T extends z.ZodType>(schema: T, env: Record<string, string | undefined>): z.infer<T> {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    throw new Error(`Invalid settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

const schema = z.object({
  KIJI_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL (leave it unset for the embedded SQLite database)')
    .optional(),
  SITE_URL: z.url().default('http://localhost:3000'),
  SITE_PUBLISHER_NAME: z.string().trim().min(1).optional(),
  SITE_PUBLISHER_ADDRESS: z.string().trim().min(1).optional(),
  SITE_PUBLISHER_REPRESENTATIVE: z.string().trim().min(1).optional(),
  SITE_PUBLISHER_FOUNDED: z.string().regex(FOUNDED_PATTERN, 'SITE_PUBLISHER_FOUNDED must be YYYY-MM or YYYY-MM-DD').optional(),
  SITE_CONTACT_EMAIL: z.email('SITE_CONTACT_EMAIL must be a mail address').optional(),
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
  /** The company named on the site's own pages (会社概要, プライバシーポリシー, 利用規約, お問い合わせ). */
  publisher: Publisher;
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
export function readSettings(env: Record<string, string | undefined> = process.env): Settings {
  const s = parseSettings(schema, env);
  return {
    dataDir: path.resolve(s.KIJI_DATA_DIR),
    databaseUrl: s.DATABASE_URL,
    siteUrl: s.SITE_URL.replace(/\/+$/, ''),
    publisher: decidePublisher(s),
    seedDemo: s.KIJI_SEED_DEMO,
    redisUrl: s.REDIS_URL,
    redisPrefix: s.KIJI_REDIS_PREFIX,
    revalidateSecret: s.KIJI_REVALIDATE_SECRET,
    benchPages: s.KIJI_BENCH_PAGES,
    frontCachePurgeUrls: s.KIJI_FRONT_CACHE_PURGE,
  };
}

const PUBLISHER_SETTINGS = ['SITE_PUBLISHER_NAME', 'SITE_PUBLISHER_ADDRESS', 'SITE_PUBLISHER_REPRESENTATIVE', 'SITE_PUBLISHER_FOUNDED', 'SITE_CONTACT_EMAIL'] as const;

/**
 * The publisher's details: all five settings, or none (the demo's fictional
 * company, marked as such). Half of them would put a real company's name
 * beside an invented representative or address on a page readers and
 * regulators take at its word, so that stops the server at start instead.
 */
function decidePublisher(s: z.infer<typeof schema>): Publisher {
  const missing = PUBLISHER_SETTINGS.filter((key) => s[key] === undefined);
  if (missing.length === PUBLISHER_SETTINGS.length) return { ...DEMO_PUBLISHER, demo: true };
  if (missing.length > 0) {
    throw new Error(`Invalid settings: ${missing.join(', ')} must be set too (the publisher's details are set together, or all left unset for the demo's)`);
  }
  return {
    name: s.SITE_PUBLISHER_NAME!,
    address: s.SITE_PUBLISHER_ADDRESS!,
    representative: s.SITE_PUBLISHER_REPRESENTATIVE!,
    founded: s.SITE_PUBLISHER_FOUNDED!,
    contactEmail: s.SITE_CONTACT_EMAIL!,
    demo: false,
  };
}
