import { ulid } from 'ulidx';
import { dynamodb, s3, sfn } from './clients';
import { ENV, optional, required } from './config';
import { createFiles, type Files } from './files';
import { createStore, type Store } from './store';
import { createDerived, type Derived } from './texts';

/**
 * What a handler's logic depends on, built once per process from the environment (each function
 * is given only the variables it needs, so each part is built on first use).
 */
let store: Store | undefined;
let files: Files | undefined;
let siteFiles: Files | undefined;
let derived: Derived | undefined;

export function storeFromEnv(): Store {
  return (store ??= createStore(dynamodb, required(ENV.table)));
}

export function filesFromEnv(): Files {
  return (files ??= createFiles(s3, { intake: required(ENV.intakeBucket), site: optional(ENV.siteBucket) ?? '' }));
}

/** The site bucket alone, for a function that writes or removes pages and reads no upload (RenderLists, MarkFailed). */
export function siteFilesFromEnv(): Pick<Files, 'putPage' | 'removeFromSite'> {
  return (siteFiles ??= createFiles(s3, { intake: optional(ENV.intakeBucket) ?? '', site: required(ENV.siteBucket) }));
}

/** Texts and issued PDFs (functions/shared/adapters/texts.ts): either bucket may be unset for a function that uses only the other. */
export function derivedFromEnv(): Derived {
  return (derived ??= createDerived(s3, { intake: optional(ENV.intakeBucket) ?? '', site: optional(ENV.siteBucket) ?? '' }));
}

export function siteUrlFromEnv(): string {
  return (optional(ENV.siteUrl) ?? '').replace(/\/$/, '');
}

/** Presigned uploads are valid this long (seconds). */
const UPLOAD_EXPIRY_S = 3600;

/** What a route that records a submission and hands out its uploads needs (submissions, translations, reissues). */
export function intakeRouteDeps() {
  return {
    store: storeFromEnv(), files: filesFromEnv(), newId: ulid,
    maxFileSize: Number(optional(ENV.maxFileSize) ?? 100 * 1024 * 1024), uploadExpiry: UPLOAD_EXPIRY_S,
  };
}

export { sfn };
