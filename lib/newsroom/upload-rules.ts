/** What the newsroom accepts as a photo upload; the browser checks first, the server again (lib/newsroom/media.ts). */
export const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
