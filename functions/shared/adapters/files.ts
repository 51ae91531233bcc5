import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand,
  type GetObjectCommandOutput, type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
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

export function createFiles(s3: S3Client, buckets: { intake: string; site: string }) {
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
     * Is the object there, with the declared size, sha256 and type? One pass over its bytes: they
     * are hashed, counted and sniffed (head, tail, text) as they stream. Reasons name the file by
     * the name it was submitted under.
     */
    async check(file: StoredFile): Promise<FileCheck> {
      let object: GetObjectCommandOutput;
      try {
        object = await s3.send(new GetObjectCommand({ Bucket: buckets.intake, Key: file.key }));
      } catch (e) {
        if (isNotFound(e)) return { ok: false, missing: true, reason: `${file.name} has not been uploaded` };
        throw e;
      }
      const body = object.Body as Readable;
      // A length that differs already says all; the bytes need not be read.
      if (object.ContentLength !== undefined && object.ContentLength !== file.size) {
        body.destroy();
        return { ok: false, missing: false, reason: sizeMismatch(file, object.ContentLength) };
      }
      const hash = createHash('sha256');
      const sniffer = new FileSniffer();
      for await (const chunk of body) {
        hash.update(chunk as Uint8Array);
        sniffer.update(chunk as Uint8Array);
      }
      if (sniffer.size !== file.size) return { ok: false, missing: false, reason: sizeMismatch(file, sniffer.size) };
      const digest = hash.digest('hex');
      if (digest !== file.sha256) {
        return { ok: false, missing: false, reason: `${file.name} does not match its sha256: its bytes hash to ${digest}; ${file.sha256} was declared (it is not the declared file, or it changed on the way)` };
      }
      const mismatch = typeMismatch(file.contentType, sniffer.detect());
      if (mismatch) return { ok: false, missing: false, reason: `${file.name} ${mismatch}` };
      return { ok: true };
    },

    /** The keys of every object uploaded for a submission. */
    async uploadedKeys(submissionId: string): Promise<string[]> {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await s3.send(new ListObjectsV2Command({ Bucket: buckets.intake, Prefix: intakePrefix(submissionId), ContinuationToken: token }));
        keys.push(...(page.Contents ?? []).flatMap((o) => (o.Key ? [o.Key] : [])));
        token = page.NextContinuationToken;
      } while (token);
      return keys;
    },

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

    async publishFile(file: StoredFile, path: string): Promise<void> {
      await s3.send(new CopyObjectCommand({
        Bucket: buckets.site,
        Key: path,
        CopySource: `${buckets.intake}/${file.key}`,
        MetadataDirective: 'REPLACE',
        ContentType: file.contentType,
        ContentDisposition: `inline; filename="${path.split('/').pop()}"`,
      }));
    },

    async putPage(path: string, body: string, contentType = 'text/html; charset=utf-8'): Promise<void> {
      await s3.send(new PutObjectCommand({
        Bucket: buckets.site, Key: path, Body: body, ContentType: contentType,
        CacheControl: 'public, max-age=60',
      }));
    },
  };
}
