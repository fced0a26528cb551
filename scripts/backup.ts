// Backup and restore of the whole site, pictures included (see README and deploy/README.md):
//   npm run backup -- <file>             the configured database (DATABASE_URL, or KIJI_DATA_DIR's SQLite) to <file>
//   npm run restore -- <file> [--force]  <file> into the configured database; refuses one that holds tables without --force
// lib/ops/backup.ts says how each engine does it.
import { parseArgs } from 'node:util';
import { readSettings } from '../lib/config';
import { backupDatabase, BackupRefusedError, restoreDatabase, type BackupSummary } from '../lib/ops/backup';

const [command, ...rest] = process.argv.slice(2);
const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
const file = positionals[0];

if ((command !== 'backup' && command !== 'restore') || !file || positionals.length > 1 || (command === 'backup' && values.force)) {
  console.error('Usage: npm run backup -- <file>\n       npm run restore -- <file> [--force]');
  process.exit(2);
}

const describe = (s: BackupSummary) =>
  `${s.engine === 'postgres' ? 'PostgreSQL' : 'SQLite'}, ${s.articles} articles, ${s.media} pictures, ${(s.bytes / 1024 / 1024).toFixed(1)} MB, ${(s.ms / 1000).toFixed(1)} s`;

try {
  const settings = readSettings();
  if (command === 'backup') {
    const summary = await backupDatabase(settings, file);
    console.log(`Kiji: backed up to ${summary.file} (${describe(summary)})`);
  } else {
    const summary = await restoreDatabase(settings, file, { force: values.force });
    console.log(`Kiji: restored ${summary.file} (${describe(summary)}). Start the instances; each migrates it to this version if it is older.`);
  }
} catch (error) {
  console.error(`Kiji: ${command} failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof BackupRefusedError ? 3 : 1);
}
