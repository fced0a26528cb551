import 'server-only';
import { getConnection, getDatabase } from './global';

/** The database, for server code only (see ./global.ts). */
export const getDb = getDatabase;
/** The database and its engine, for the few queries written per engine (site search). */
export const getDbConnection = getConnection;
export type { Database } from './schema';
