/** What the newsroom accepts as a photo upload; the browser checks first, the server again (lib/newsroom/media.ts). */
export const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** A refused upload, with the status and the reason in Japanese. Here rather than in media.ts, so naming it does not load sharp. */
export class UploadError extends Error {
  constructor(
    readonly status: 400 | 413 | 415 | 422,
    message: string,
  ) {
    super(message);
  }
}
