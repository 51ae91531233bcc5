// dynalite ships no types; this is the part the embedded stack uses.
declare module 'dynalite' {
  import type { Server } from 'node:http';
  interface DynaliteOptions {
    path?: string;
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    maxItemSizeKb?: number;
  }
  export default function dynalite(options?: DynaliteOptions): Server;
}

// s3rver's types (@types/s3rver) lag its API; this is the part the embedded stack uses.
declare module 's3rver' {
  import type { EventEmitter } from 'node:events';
  interface S3rverOptions {
    port?: number;
    address?: string;
    directory: string;
    silent?: boolean;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  }
  interface StoredObject {
    bucket: string;
    key: string;
    content: Buffer | NodeJS.ReadableStream;
    metadata: Record<string, string>;
  }
  interface FilesystemStore {
    getResourcePath(bucket: string, key: string, resource: string): string;
    putObject(object: StoredObject): Promise<{ size: number; md5: string }>;
    putMetadata(bucket: string, key: string, metadata: Record<string, string>, md5: string): Promise<void>;
  }
  export default class S3rver extends EventEmitter {
    constructor(options: S3rverOptions);
    store: FilesystemStore;
    /** Koa's request context prototype: `onerror` writes s3rver's XML error answer. */
    context: { onerror(this: unknown, err: unknown): void };
    run(): Promise<{ address: string; port: number }>;
    close(callback: () => void): void;
  }
}
