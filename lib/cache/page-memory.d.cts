// Types of page-memory.cjs for its tests (plain CommonJS, loaded at run time by cache-handler.cjs).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BoundedLru } from './not-found-memory.cjs';

/** A page entry as a cache handler's `get` returns it, its HTML held as bytes. */
export type HeldEntry = { value: { kind: 'APP_PAGE'; html: Buffer; [part: string]: unknown }; lastModified: number; cacheControl?: unknown };

export declare const heldPages: BoundedLru<HeldEntry> & { readonly limits: { entries: number; bytes: number } };
export declare function toHeldEntry(entry: { value: unknown; lastModified: number; cacheControl?: unknown }): HeldEntry;
/** A page value whose bodies are Buffers (HTML, RSC payload, prefetch segments). */
export type PageBodies = { kind: string; html: Buffer; rscData?: Buffer; segmentData?: Map<string, Buffer>; [part: string]: unknown };
export declare function packValue<V extends PageBodies>(value: V): V;
export declare function packedSize(value: PageBodies): number;
export declare function unpackValue<V>(value: V): V;
export declare function packedFile(key: string, entry: HeldEntry): Buffer;
export declare function fromPackedFile(key: string, file: Buffer): HeldEntry | undefined;
export declare function sendHeldBytes(req: IncomingMessage, res: ServerResponse, result: { response: unknown; contentType?: string | null }): boolean;
export declare function acceptsGzip(header: string | string[] | undefined): boolean;
export declare function pageMemoryBytes(env?: Record<string, string | undefined>): number;
export declare const GZIP: unique symbol;
export declare const PACKED: unique symbol;
export declare const GZIP_MIN_BYTES: number;
