import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, PutObjectTaggingCommand,
  type GetObjectCommandOutput, type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { VerifiedFileMismatch } from '../domain/errors';
import { FileSniffer, typeMismatch } from '../domain/file-types';
import type { FileDeclaration, StoredFile } from '../domain/schemas';
import { documentFilePath } from '../domain/site-paths';

/** S3 access for submitted files (intake bucket) and the published site (site bucket). */
export type Files = ReturnType<typeof createFiles>;

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'text/plain': 'txt',
};

export function extensionOf(contentType: string): string {
  return EXTENSIONS[contentType] ?? 'bin';
}

/** Stored keys never use the submitter's file name (kept as metadata): `submissions/<id>/<n>-<part>.<lang>`. */
export function intakeKey(submissionId: string, index: number, file: Pick<FileDeclaration, 'part' | 'language'>): string {
  return `${intakePrefix(submissionId)}${index + 1}-${file.part}.${file.language}`;
}

/** Where all of a submission's uploads are: `submissions/<id>/`. */
export function intakePrefix(submissionId: string): string {
  return `submissions/${submissionId}/`;
}

/**
 * Where receive keeps the bytes it verified: `verified/<id>/<n>-<part>.<lang>`, beside the upload.
 * No presigned URL is ever issued under `verified/` and the upload trigger watches `submissions/`
 * only, so once written the copy changes only by receive writing the same verified bytes again.
 */
export function verifiedKey(file: Pick<StoredFile, 'key'>): string {
  const id = submissionIdOfKey(file.key);
  if (!id) throw new RangeError(`${file.key} is not an intake key`);
  return `${verifiedPrefix(id)}${file.key.slice(intakePrefix(id).length)}`;
}

/** Where all of a submission's verified copies are: `verified/<id>/`. */
export function verifiedPrefix(submissionId: string): string {
  return `${VERIFIED_PREFIX}${submissionId}/`;
}

/** The prefix of the verified copies: receive writes there, Publish reads only there. */
export const VERIFIED_PREFIX = 'verified/';

/** Where ExtractText keeps the text of each verified copy (functions/shared/adapters/texts.ts). */
export const TEXTS_PREFIX = 'texts/';

/** `submissions/<id>/1-cover.en` → `texts/<id>/1-cover.en.json` */
export function textKey(file: Pick<StoredFile, 'key'>): string {
  const id = submissionIdOfKey(file.key);
  if (!id) throw new RangeError(`${file.key} is not an intake key`);
  return `${TEXTS_PREFIX}${id}/${file.key.slice(intakePrefix(id).length)}.json`;
}

/** `submissions/<id>/…` → `<id>`, or undefined for keys Circulate did not hand out. */
export function submissionIdOfKey(key: string): string | undefined {
  return /^submissions\/([0-9A-Z]{26})\/[^/]+$/.exec(key)?.[1];
}

/** The published copy of a file: `A/HRC/47/G/10/annex.en.pdf`. */
export function publishedFilePath(symbol: string, file: Pick<FileDeclaration, 'part' | 'language' | 'contentType'>): string {
  return documentFilePath(symbol, file, extensionOf(file.contentType));
}

export type FileCheck = { ok: true } | { ok: false; missing: boolean; reason: string };

function sizeMismatch(file: StoredFile, actual: number): string {
  const why = actual < file.size ? 'the upload was cut short or is not the declared file' : 'it is not the declared file';
  return `${file.name} has ${actual} bytes; ${file.size} were declared (${why})`;
}

/** An upload has one version, a few if it was sent again; this many means something keeps writing. */
const MAX_VERSIONS = 100;

const isNotFound = (e: unknown) => e instanceof Error && (e.name === 'NotFound' || e.name === 'NoSuchKey');

/** An object's tags (docs/architecture.md#object-tags): what it is, readable from the bucket alone. */
export type ObjectTags = Record<string, string>;

export function createFiles(s3: S3Client, buckets: { intake: string; site: string }) {
  /**
   * Tags an object, replacing its tags. A separate call after the put, not the put's `Tagging`
   * header, which s3rver ignores: the same two requests on both stacks. A crash between the two
   * leaves the object untagged until the step is retried, which puts and tags again.
   */
  async function tag(bucket: string, key: string, tags: ObjectTags): Promise<void> {
    await s3.send(new PutObjectTaggingCommand({
      Bucket: bucket, Key: key, Tagging: { TagSet: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) },
    }));
  }

  /** Reads `key` of the intake bucket against `file`'s declaration; with `keep`, returns the bytes read. */
  async function inspect(key: string, file: StoredFile, keep: boolean): Promise<{ check: FileCheck; bytes: Uint8Array[] }> {
    const bytes: Uint8Array[] = [];
    let object: GetObjectCommandOutput;
    try {
      object = await s3.send(new GetObjectCommand({ Bucket: buckets.intake, Key: key }));
    } catch (e) {
      if (isNotFound(e)) return { check: { ok: false, missing: true, reason: `${file.name} has not been uploaded` }, bytes };
      throw e;
    }
    const body = object.Body as Readable;
    // A length that differs already says all; the bytes need not be read.
    if (object.ContentLength !== undefined && object.ContentLength !== file.size) {
      body.destroy();
      return { check: { ok: false, missing: false, reason: sizeMismatch(file, object.ContentLength) }, bytes };
    }
    const hash = createHash('sha256');
    const sniffer = new FileSniffer();
    for await (const chunk of body) {
      hash.update(chunk as Uint8Array);
      sniffer.update(chunk as Uint8Array);
      if (keep) bytes.push(chunk as Uint8Array);
    }
    const fail = (reason: string) => ({ check: { ok: false as const, missing: false, reason }, bytes: [] });
    if (sniffer.size !== file.size) return fail(sizeMismatch(file, sniffer.size));
    const digest = hash.digest('hex');
    if (digest !== file.sha256) {
      return fail(`${file.name} does not match its sha256: its bytes hash to ${digest}; ${file.sha256} was declared (it is not the declared file, or it changed on the way)`);
    }
    const mismatch = typeMismatch(file.contentType, sniffer.detect());
    if (mismatch) return fail(`${file.name} ${mismatch}`);
    return { check: { ok: true }, bytes };
  }

  async function listKeys(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: buckets.intake, Prefix: prefix, ContinuationToken: token }));
      keys.push(...(page.Contents ?? []).flatMap((o) => (o.Key ? [o.Key] : [])));
      token = page.NextContinuationToken;
    } while (token);
    return keys;
  }

  return {
    /** A presigned PUT bound to the declared content type and length. */
    async presignUpload(file: StoredFile, expiresIn: number): Promise<{ method: 'PUT'; url: string; headers: Record<string, string> }> {
      const url = await getSignedUrl(
        s3,
        new PutObjectCommand({ Bucket: buckets.intake, Key: file.key, ContentType: file.contentType, ContentLength: file.size }),
        { expiresIn, signableHeaders: new Set(['content-type', 'content-length']) },
      );
      return { method: 'PUT', url, headers: { 'content-type': file.contentType } };
    },

    /**
     * Is the upload there, with the declared size, sha256 and type? One pass over its bytes: they
     * are hashed, counted and sniffed (head, tail, text) as they stream. Reasons name the file by
     * the name it was submitted under.
     */
    async check(file: StoredFile): Promise<FileCheck> {
      return (await inspect(file.key, file, false)).check;
    },

    /**
     * Is there a verified copy of this file? Only `keepVerified` writes one, with bytes that passed
     * `check` (a put is atomic), so its presence with the declared size is enough.
     */
    async isVerified(file: StoredFile): Promise<boolean> {
      try {
        const head = await s3.send(new HeadObjectCommand({ Bucket: buckets.intake, Key: verifiedKey(file) }));
        return head.ContentLength === file.size;
      } catch (e) {
        if (isNotFound(e)) return false;
        throw e;
      }
    },

    /**
     * Checks the upload as `check` does, keeping its bytes, and writes exactly those bytes to the
     * file's verified key when they pass. Reading and writing the same bytes (not a server-side
     * copy after a check) is what shuts out a PUT to the presigned URL between the two: S3's
     * conditional copy would do it in AWS, but s3rver ignores `x-amz-copy-source-if-match` and
     * `versionId`. One file at a time: the bytes are in memory (at most the size limit).
     */
    async keepVerified(file: StoredFile): Promise<FileCheck> {
      const { check, bytes } = await inspect(file.key, file, true);
      if (check.ok) {
        await s3.send(new PutObjectCommand({
          Bucket: buckets.intake, Key: verifiedKey(file), Body: Buffer.concat(bytes), ContentType: file.contentType,
          ContentLength: file.size,
        }));
      }
      return check;
    },

    /**
     * Tags a stored file's upload, its verified copy (both are there once receive has started the
     * workflow) and its text (there once ExtractText has run; none for a file it could not read),
     * so that the intake bucket alone says what each object is.
     */
    async tagStored(file: StoredFile, tags: ObjectTags): Promise<void> {
      await tag(buckets.intake, file.key, tags);
      await tag(buckets.intake, verifiedKey(file), tags);
      try {
        await tag(buckets.intake, textKey(file), tags);
      } catch (e) {
        if (!isNotFound(e) && !(e instanceof Error && e.name === 'NoSuchKey')) throw e;
      }
    },

    /** The keys of every object uploaded for a submission. */
    uploadedKeys: (submissionId: string) => listKeys(intakePrefix(submissionId)),

    /** The keys of every verified copy of a submission's files. */
    verifiedKeys: (submissionId: string) => listKeys(verifiedPrefix(submissionId)),

    /**
     * Deletes an upload for good. The intake bucket keeps versions, where a plain delete would
     * only hide the bytes behind a delete marker: each version is deleted by id until none is
     * left. (The emulator keeps no versions and ignores the id: one delete, then none left.)
     */
    async deleteUpload(key: string): Promise<void> {
      for (let i = 0; i < MAX_VERSIONS; i++) {
        let versionId: string | undefined;
        try {
          versionId = (await s3.send(new HeadObjectCommand({ Bucket: buckets.intake, Key: key }))).VersionId;
        } catch (e) {
          if (isNotFound(e)) return;
          throw e;
        }
        await s3.send(new DeleteObjectCommand({ Bucket: buckets.intake, Key: key, VersionId: versionId }));
      }
      throw new Error(`${key} still has versions after ${MAX_VERSIONS} deletions`);
    },

    /**
     * Copies the file's verified copy to the site, re-checking on the way: the bytes written are
     * the bytes just hashed, and they must hash to the declared sha256, else `VerifiedFileMismatch`
     * and nothing is written. Never reads the upload itself, which a presigned URL may still change.
     * The site's copy is tagged as the upload is (`tags`).
     */
    async publishFile(file: StoredFile, path: string, tags: ObjectTags): Promise<void> {
      const { check, bytes } = await inspect(verifiedKey(file), file, true);
      if (!check.ok) {
        const why = check.missing ? `${file.name} has no verified copy` : check.reason;
        throw new VerifiedFileMismatch(`${why}: refusing to publish anything but the bytes receive verified`);
      }
      await s3.send(new PutObjectCommand({
        Bucket: buckets.site,
        Key: path,
        Body: Buffer.concat(bytes),
        ContentLength: file.size,
        ContentType: file.contentType,
        ContentDisposition: `inline; filename="${path.split('/').pop()}"`,
      }));
      await tag(buckets.site, path, tags);
    },

    /** Tags a file already on the site (its status changed). */
    tagPublished: (path: string, tags: ObjectTags) => tag(buckets.site, path, tags),

    /** Deletes objects from the site (those of a publication that failed before anything linked to them). */
    async removeFromSite(paths: readonly string[]): Promise<void> {
      for (const path of paths) await s3.send(new DeleteObjectCommand({ Bucket: buckets.site, Key: path }));
    },

    async putPage(path: string, body: string, contentType = 'text/html; charset=utf-8'): Promise<void> {
      await s3.send(new PutObjectCommand({
        Bucket: buckets.site, Key: path, Body: body, ContentType: contentType,
        CacheControl: 'public, max-age=60',
      }));
    },
  };
}
