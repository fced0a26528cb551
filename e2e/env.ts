/** Settings the e2e server is started with that specs also need to know. */

/** KIJI_REVALIDATE_SECRET of the e2e server: specs publish and unpublish through POST /api/revalidate. */
export const E2E_REVALIDATE_SECRET = 'e2e-revalidate-secret-kiji';
