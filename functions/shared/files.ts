import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { CopyObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { FileDeclaration, StoredFile } from './schemas';

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
  return `submissions/${submissionId}/${index + 1}-${file.part}.${file.language}`;
}

/** `submissions/<id>/…` → `<id>`, or undefined for keys Circulate did not hand out. */
export function submissionIdOfKey(key: string): string | undefined {
  return /^submissions\/([0-9A-Z]{26})\/[^/]+$/.exec(key)?.[1];
}

/** The published copy of a file: `A/HRC/47/G/10/annex.en.pdf`. */
export function publishedFilePath(symbol: string, file: Pick<FileDeclaration, 'part' | 'language' | 'contentType'>): string {
  return `${symbol}/${file.part}.${file.language}.${extensionOf(file.contentType)}`;
}

export type FileCheck = { ok: true } | { ok: false; missing: boolean; reason: string };

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

    /** Is the object there, with the declared size and sha256? */
    async check(file: StoredFile): Promise<FileCheck> {
      let size: number | undefined;
      try {
        const head = await s3.send(new HeadObjectCommand({ Bucket: buckets.intake, Key: file.key }));
        size = head.ContentLength;
      } catch (e) {
        if (e instanceof Error && (e.name === 'NotFound' || e.name === 'NoSuchKey')) {
          return { ok: false, missing: true, reason: `${file.name} has not been uploaded` };
        }
        throw e;
      }
      if (size !== file.size) {
        return { ok: false, missing: false, reason: `${file.name} is ${size} bytes; ${file.size} were declared` };
      }
      const { Body } = await s3.send(new GetObjectCommand({ Bucket: buckets.intake, Key: file.key }));
      const hash = createHash('sha256');
      for await (const chunk of Body as Readable) hash.update(chunk as Buffer);
      const digest = hash.digest('hex');
      if (digest !== file.sha256) {
        return { ok: false, missing: false, reason: `${file.name} has sha256 ${digest}; ${file.sha256} was declared` };
      }
      return { ok: true };
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
