// Prepares the configured database (migrate + demo seed when empty) and,
// with --articles N, adds N generated articles for scale benchmarks.
//   npm run seed                       # same as first start
//   npm run seed -- --articles 100000  # plus 100,000 generated articles
import { parseArgs } from 'node:util';
import { readSettings } from '../lib/config';
import { openDatabase } from '../lib/db/connect';
import { prepareDatabase, refreshPlannerStatistics } from '../lib/db/prepare';
import { addScaleArticles } from '../lib/seed/scale';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '0' } } });
const count = Number(values.articles);
if (!Number.isInteger(count) || count < 0) {
  console.error(`--articles takes a whole number, not "${values.articles}"`);
  process.exit(2);
}

const settings = readSettings();
const conn = openDatabase(settings);
try {
  await prepareDatabase(conn, { seedDemo: settings.seedDemo });
  if (count > 0) {
    const started = Date.now();
    await addScaleArticles(conn.db, { count, now: new Date() });
    console.log(`Added ${count} generated articles in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await refreshPlannerStatistics(conn);
  }
  console.log(`Database ready: ${settings.databaseUrl ? 'PostgreSQL' : `${settings.dataDir}/kiji.sqlite`}`);
} finally {
  await conn.db.destroy();
}
