import { DATABASE_UNAVAILABLE_MESSAGE } from '../db/errors';
import { statusPageHtml } from './status-page';

/** The body of a 503 answered before any page renders (proxy.ts, a newsroom page while the database is down), with the one message every caller uses (lib/db/errors.ts). */
export const UNAVAILABLE_PAGE_HTML = statusPageHtml({ status: 503, title: 'ただいまご利用いただけません', message: DATABASE_UNAVAILABLE_MESSAGE, alert: true });
