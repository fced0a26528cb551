/**
 * Request bodies for the tests of the routes that read one (lib/http/body.ts):
 * made as they are read and counting what was taken, as a socket would be.
 * Tests only; nothing in the product imports this.
 */

export type BodySeen = { pulled: number; cancelled: boolean };

/**
 * A stream of `totalBytes` (endless by default) in chunks of `chunkBytes`
 * spaces, or of the given text chunks. highWaterMark 0: nothing is pulled
 * ahead of a read, so `seen.pulled` is exactly what the reader asked for.
 */
export function countedBody(chunks: { chunkBytes: number; totalBytes?: number } | string[]): { stream: ReadableStream<Uint8Array>; seen: BodySeen } {
  const seen: BodySeen = { pulled: 0, cancelled: false };
  const encoder = new TextEncoder();
  const spaces = Array.isArray(chunks) ? null : new Uint8Array(chunks.chunkBytes).fill(0x20);
  let index = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const next = Array.isArray(chunks) ? (chunks[index] === undefined ? null : encoder.encode(chunks[index])) : seen.pulled < (chunks.totalBytes ?? Infinity) ? spaces : null;
        if (!next) return controller.close();
        index++;
        seen.pulled += next.byteLength;
        controller.enqueue(next);
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

/** A POST to `url` with a streamed body and no Content-Length unless `headers` gives one. */
export function streamedPost(url: string, stream: ReadableStream<Uint8Array>, headers: Record<string, string>): Request {
  // `duplex` is required for a stream body and missing from the DOM RequestInit type.
  return new Request(url, { method: 'POST', body: stream, headers, duplex: 'half' } as RequestInit);
}
