import 'server-only';
import { getDatabase } from './global';

/** The database, for server code only (see ./global.ts). */
export const getDb = getDatabase;
export type { Database } from './schema';
