import { GetObjectCommand, GetObjectTaggingCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFiles, verifiedKey, type Files } from '#shared/adapters/files';
import { VerifiedFileMismatch } from '#shared/domain/errors';
import type { StoredFile } from '#shared/domain/schemas';
import { startS3 } from '../../infra/local/emulators';
import { freePort } from '../../infra/local/ports';
import { createS3Client } from '../../infra/local/s3-client';
import { sha256, utf8 } from '../support/files';

const BUCKETS = { intake: 'intake', site: 'site' };
const TAGS = { symbol: 'A/HRC/47/G/1', language: 'en', part: 'annex', 'translation-status': 'original' };
const ORIGINAL = utf8('Annex: statement of the Ministry of Foreign Affairs.\n');
const OTHER = utf8('Annex: statement of the Ministry of Foreign Affairz.\n');

/** The adapter against s3rver, as the embedded stack runs it: what is verified is what is published. */
describe('files: the verified copy', () => {
  let dir: string;
  let s3: S3Client;
  let files: Files;
  let close: () => Promise<void>;
  let n = 0;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'circulate-files-'));
    const server = await startS3(dir, await freePort(), BUCKETS, () => undefined, { siteOrigin: 'http://localhost:1' });
    close = server.close;
    s3 = createS3Client(server.endpoint);
    files = createFiles(s3, BUCKETS);
  });
  afterAll(async () => {
    s3?.destroy();
    await close?.();
    await rm(dir, { recursive: true, force: true });
  });

  /** A declared annex of a new submission, with `bytes` uploaded to its key. */
  async function uploaded(bytes: Uint8Array | null = ORIGINAL): Promise<StoredFile> {
    const id = `01J00000000000000000000${String(n++).padStart(3, '0')}`;
    const file: StoredFile = {
      name: 'annex.txt', part: 'annex', language: 'en', contentType: 'text/plain', translate: false,
      size: ORIGINAL.length, sha256: sha256(ORIGINAL), key: `submissions/${id}/2-annex.en`,
    };
    if (bytes) await put(file.key, bytes);
    return file;
  }
  const put = (key: string, bytes: Uint8Array, bucket = BUCKETS.intake) =>
    s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentLength: bytes.length }));
  const bytesOf = async (bucket: string, key: string) =>
    new Uint8Array(await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray());
  const siteKeys = async (prefix: string) =>
    ((await s3.send(new ListObjectsV2Command({ Bucket: BUCKETS.site, Prefix: prefix }))).Contents ?? []).map((o) => o.Key);

  it('keeps the bytes it verified under verified/, and publishes those even after the upload was replaced', async () => {
    const file = await uploaded();
    expect(await files.isVerified(file)).toBe(false);
    expect(await files.keepVerified(file)).toEqual({ ok: true });
    expect(verifiedKey(file)).toBe(file.key.replace(/^submissions\//, 'verified/'));
    expect(await files.isVerified(file)).toBe(true);
    await put(file.key, OTHER);
    await files.publishFile(file, 'A/HRC/47/G/1/annex.en.txt', TAGS);
    expect(sha256(await bytesOf(BUCKETS.site, 'A/HRC/47/G/1/annex.en.txt'))).toBe(file.sha256);
  });

  it('tags the published copy, the upload and the verified copy with what the file is', async () => {
    const file = await uploaded();
    await files.keepVerified(file);
    await files.tagStored(file, TAGS);
    await files.publishFile(file, 'A/HRC/47/G/4/annex.en.txt', TAGS);
    for (const [bucket, key] of [[BUCKETS.intake, file.key], [BUCKETS.intake, verifiedKey(file)], [BUCKETS.site, 'A/HRC/47/G/4/annex.en.txt']] as const) {
      const { TagSet } = await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key }));
      expect(Object.fromEntries((TagSet ?? []).map((t) => [t.Key, t.Value]))).toEqual(TAGS);
    }
    await files.tagPublished('A/HRC/47/G/4/annex.en.txt', { ...TAGS, 'translation-status': 'translated' });
    const { TagSet } = await s3.send(new GetObjectTaggingCommand({ Bucket: BUCKETS.site, Key: 'A/HRC/47/G/4/annex.en.txt' }));
    expect(TagSet?.find((t) => t.Key === 'translation-status')?.Value).toBe('translated');
  });

  it('keeps nothing of an upload that fails its check', async () => {
    const file = await uploaded(OTHER);
    expect(await files.keepVerified(file)).toMatchObject({ ok: false, reason: expect.stringMatching(/^annex\.txt does not match its sha256/) });
    expect(await files.isVerified(file)).toBe(false);
  });

  it('refuses to publish a verified copy that does not hash to the declared sha256, and writes nothing', async () => {
    const file = await uploaded();
    await files.keepVerified(file);
    await put(verifiedKey(file), OTHER);
    const publishing = files.publishFile(file, 'A/HRC/47/G/2/annex.en.txt', TAGS);
    await expect(publishing).rejects.toBeInstanceOf(VerifiedFileMismatch);
    await expect(publishing).rejects.toThrow(/^annex\.txt does not match its sha256.*refusing to publish/);
    expect(await siteKeys('A/HRC/47/G/2/')).toEqual([]);
  });

  it('refuses to publish a file that has no verified copy, rather than the upload', async () => {
    const file = await uploaded();
    await expect(files.publishFile(file, 'A/HRC/47/G/3/annex.en.txt', TAGS)).rejects.toThrow(/^annex\.txt has no verified copy/);
    expect(await siteKeys('A/HRC/47/G/3/')).toEqual([]);
  });

  it('lists a submission’s verified copies apart from its uploads', async () => {
    const file = await uploaded();
    await files.keepVerified(file);
    const id = file.key.split('/')[1]!;
    expect(await files.uploadedKeys(id)).toEqual([file.key]);
    expect(await files.verifiedKeys(id)).toEqual([verifiedKey(file)]);
  });
});
