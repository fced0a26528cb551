/** Path the browser posts page views to (app/api/views/route.ts). Its own module so the client leaf imports nothing else. */
export const VIEW_BEACON_PATH = '/api/views';
