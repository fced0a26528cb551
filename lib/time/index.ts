/**
 * Dates as a Japanese newsroom writes them, in JST whatever the server's
 * zone, the door for routes (ADR 0031). Every JST calculation of the site
 * lives in jst.ts; routes only format.
 */
export { formatDateline, formatJstDate } from './jst';
