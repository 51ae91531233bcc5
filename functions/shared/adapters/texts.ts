import { createHash } from 'node:crypto';
import {
  GetObjectCommand, HeadObjectCommand, PutObjectCommand, PutObjectTaggingCommand, type S3Client,
} from '@aws-sdk/client-s3';
import type { IssuedPdf, PublishedFile } from '../domain/document';
import type { Language } from '../domain/languages';
import type { StoredFile } from '../domain/schemas';
import { fileTextPath } from '../domain/site-paths';
import { VerifiedFileMismatch } from '../domain/errors';
import { ExtractedText, type TextsByPath } from '../text/extract';
import { TEXTS_PREFIX, textKey, verifiedKey, type ObjectTags } from './files';

/**
 * S3 access for what the workflow makes from the received files: each file's extracted text
 * (ExtractText writes it in the intake bucket, `texts/<id>/<n>-<part>.<lang>.json`, beside the
 * verified copy's name; Publish copies it to the site beside the published file) and each language
 * version's issued PDF (Typeset writes it under `issued/<id>/<lang>.pdf`; Publish copies it to its
 * stable address on the site). Nothing here is public before Publish copies it.
 */
export type Derived = ReturnType<typeof createDerived>;

export const ISSUED_PREFIX = 'issued/';
export { TEXTS_PREFIX, textKey };

/** `<id>`, `fr` → `issued/<id>/fr.pdf`: a version's PDF as Typeset made it, before Publish issues it. */
export function stagedPdfKey(submissionId: string, lang: Language): string {
  return `${ISSUED_PREFIX}${submissionId}/${lang}.pdf`;
}

const isNotFound = (e: unknown) => e instanceof Error && (e.name === 'NotFound' || e.name === 'NoSuchKey');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** What Typeset records with a staged PDF (S3 user metadata), for Publish to put in the document record. */
export type StagedPdf = Omit<IssuedPdf, 'path'>;

export function createDerived(s3: S3Client, buckets: { intake: string; site: string }) {
  async function getBytes(bucket: string, key: string): Promise<Uint8Array | undefined> {
    try {
      const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return await object.Body!.transformToByteArray();
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }
  async function getText(bucket: string, key: string, sha: string): Promise<ExtractedText | undefined> {
    const bytes = await getBytes(bucket, key);
    if (!bytes) return undefined;
    const text = ExtractedText.parse(JSON.parse(new TextDecoder().decode(bytes)));
    // A text of other bytes (a file replaced since) is no text of this file.
    return text.sha256 === sha ? text : undefined;
  }
  async function tag(bucket: string, key: string, tags: ObjectTags): Promise<void> {
    await s3.send(new PutObjectTaggingCommand({ Bucket: bucket, Key: key, Tagging: { TagSet: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) } }));
  }
  /** Bytes whose sha256 is `expected`, else VerifiedFileMismatch: only what receive verified is read into a text or a PDF. */
  function checked(bytes: Uint8Array | undefined, expected: string, what: string): Uint8Array {
    if (!bytes) throw new VerifiedFileMismatch(`${what} is missing`);
    const actual = sha256(bytes);
    if (actual !== expected) throw new VerifiedFileMismatch(`${what} hashes to ${actual}, not ${expected}`);
    return bytes;
  }

  return {
    /** A stored file's verified bytes, re-checked against its sha256. */
    async verifiedBytes(file: StoredFile): Promise<Uint8Array> {
      return checked(await getBytes(buckets.intake, verifiedKey(file)), file.sha256, `The verified copy of ${file.name}`);
    },
    /** A published file's bytes on the site, re-checked against its sha256. */
    async publishedBytes(file: PublishedFile): Promise<Uint8Array> {
      return checked(await getBytes(buckets.site, file.path), file.sha256, `The published ${file.path}`);
    },

    /** The text extracted from a stored file, if ExtractText has kept it (and it is of these bytes). */
    storedText: (file: StoredFile) => getText(buckets.intake, textKey(file), file.sha256),
    async putStoredText(file: StoredFile, text: ExtractedText): Promise<void> {
      await s3.send(new PutObjectCommand({ Bucket: buckets.intake, Key: textKey(file), Body: JSON.stringify(text), ContentType: 'application/json; charset=utf-8' }));
    },

    /** A published file's text, beside it on the site. */
    publishedText: (file: Pick<PublishedFile, 'path' | 'sha256'>) => getText(buckets.site, fileTextPath(file.path), file.sha256),
    /** Publishes a stored file's text beside the published file, tagged as it is; answers the text. */
    async publishText(file: StoredFile, path: string, tags: ObjectTags): Promise<ExtractedText | undefined> {
      const text = await getText(buckets.intake, textKey(file), file.sha256);
      if (!text) return undefined;
      await s3.send(new PutObjectCommand({
        Bucket: buckets.site, Key: fileTextPath(path), Body: JSON.stringify(text), ContentType: 'application/json; charset=utf-8',
        CacheControl: 'public, max-age=60',
      }));
      await tag(buckets.site, fileTextPath(path), tags);
      return text;
    },

    /** Keeps a version's PDF as Typeset made it, with what the document record will say of it. */
    async putStagedPdf(submissionId: string, lang: Language, bytes: Uint8Array, meta: Omit<StagedPdf, 'size' | 'sha256'>, tags: ObjectTags): Promise<StagedPdf> {
      const staged: StagedPdf = { ...meta, size: bytes.length, sha256: sha256(bytes) };
      await s3.send(new PutObjectCommand({
        Bucket: buckets.intake, Key: stagedPdfKey(submissionId, lang), Body: bytes, ContentType: 'application/pdf',
        Metadata: { sha256: staged.sha256, pages: String(staged.pages), 'job-number': encodeURIComponent(staged.jobNumber), at: staged.at },
      }));
      await tag(buckets.intake, stagedPdfKey(submissionId, lang), tags);
      return staged;
    },
    /** The staged PDF's record, or undefined when Typeset has not made it. */
    async stagedPdf(submissionId: string, lang: Language): Promise<StagedPdf | undefined> {
      try {
        const head = await s3.send(new HeadObjectCommand({ Bucket: buckets.intake, Key: stagedPdfKey(submissionId, lang) }));
        const m = head.Metadata ?? {};
        if (!m.sha256 || !m.pages || !m['job-number'] || !m.at || !head.ContentLength) return undefined;
        return { size: head.ContentLength, sha256: m.sha256, pages: Number(m.pages), jobNumber: decodeURIComponent(m['job-number']), at: m.at };
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw e;
      }
    },
    /**
     * Issues the staged PDF at its stable address on the site (the same bytes, checked against the
     * sha256 Typeset recorded), tagged; answers its record, or undefined when there is none staged.
     */
    async publishStagedPdf(submissionId: string, lang: Language, path: string, tags: ObjectTags): Promise<IssuedPdf | undefined> {
      const staged = await this.stagedPdf(submissionId, lang);
      if (!staged) return undefined;
      const bytes = checked(await getBytes(buckets.intake, stagedPdfKey(submissionId, lang)), staged.sha256, `The typeset PDF of ${submissionId} (${lang})`);
      await s3.send(new PutObjectCommand({
        Bucket: buckets.site, Key: path, Body: bytes, ContentType: 'application/pdf',
        ContentDisposition: `inline; filename="${path.split('/').pop()}"`, CacheControl: 'public, max-age=60',
      }));
      await tag(buckets.site, path, tags);
      return { path, ...staged };
    },
  };
}

/** The texts of documents' files on the site, by path, for the renderers; `cache` keeps texts across calls (a text of given bytes never changes). */
export async function publishedTexts(
  derived: Pick<Derived, 'publishedText'>, files: readonly Pick<PublishedFile, 'path' | 'sha256' | 'text'>[], cache?: Map<string, ExtractedText>,
): Promise<TextsByPath> {
  const texts = new Map<string, ExtractedText>();
  const wanted = files.filter((f) => f.text);
  const CONCURRENCY = 8;
  for (let i = 0; i < wanted.length; i += CONCURRENCY) {
    await Promise.all(wanted.slice(i, i + CONCURRENCY).map(async (f) => {
      const key = `${f.path}#${f.sha256}`;
      const text = cache?.get(key) ?? await derived.publishedText(f);
      if (!text) return;
      cache?.set(key, text);
      texts.set(f.path, text);
    }));
  }
  return texts;
}
