import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createS3Client } from '../../infra/local/s3-client';
import { elfExecutable, minimalDocx, minimalPdf, pseudoRandomBytes, sha256, utf8, windowsExecutable } from '../support/files';
import { api, startTestStack, submitFiles, waitForFinalStatus, type TestFile, sfnClient } from './helpers';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const TEXT = 'text/plain';

const cover = (over: Partial<TestFile> = {}): TestFile => ({
  name: 'note-verbale.txt', part: 'cover', contentType: TEXT,
  bytes: utf8('The Permanent Mission of Azerbaijan presents its compliments to the Office of the High Commissioner.\n'), ...over,
});

describe('files that are not what they claim', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => stack?.cleanup());

  async function refused(files: TestFile[]) {
    const id = await submitFiles(stack, files);
    const record = await waitForFinalStatus(stack, id);
    const history = record.history as { status: string; detail?: string }[];
    return { id, record, message: (record.error as { message: string } | null)?.message ?? '', detail: history.at(-1)?.detail ?? '' };
  }

  /** Nothing of it is on the site or in the public API, it has no symbol, and no workflow ran for it. */
  async function expectNothingPublished(id: string, record: Record<string, unknown>) {
    expect(record.symbol).toBeNull();
    expect((await api(stack, '/documents/A/HRC/47/G/1', { staff: false })).status).toBe(404);
    const site = await createS3Client(stack.endpoints.s3).send(new ListObjectsV2Command({ Bucket: stack.names.siteBucket, Prefix: 'A/HRC/47/' }));
    expect(site.Contents ?? []).toEqual([]);
    const sfn = sfnClient(stack);
    const { executions } = await sfn.send(new ListExecutionsCommand({ stateMachineArn: stack.names.stateMachineArn }));
    expect(executions?.map((e) => e.name)).not.toContain(id);
  }

  it('refuses executables renamed .pdf, naming each file and saying it is not a PDF', async () => {
    const { id, record, message, detail } = await refused([
      cover({ name: 'note-verbale.pdf', contentType: PDF, bytes: windowsExecutable() }),
      { name: 'annex.pdf', part: 'annex', contentType: PDF, bytes: elfExecutable() },
    ]);
    expect(record.status).toBe('FAILED');
    expect(record.error).toMatchObject({ code: 'FileMismatch' });
    expect(message).toContain('note-verbale.pdf is not a PDF: it starts like a Windows executable');
    expect(message).toContain('annex.pdf is not a PDF: it starts like an ELF executable');
    expect(detail).toBe(message);
    await expectNothingPublished(id, record);
  });

  it('refuses a file whose bytes are not those of the declared sha256, naming it', async () => {
    const annex = utf8('Annex: statement of the Ministry of Foreign Affairs.\n');
    const other = utf8('Annex: statement of the Ministry of Foreign Affairz.\n');
    const { id, record, message } = await refused([
      cover(),
      { name: 'annex.txt', part: 'annex', contentType: TEXT, bytes: annex, upload: other },
    ]);
    expect(record.status).toBe('FAILED');
    expect(message).toBe(`annex.txt does not match its sha256: its bytes hash to ${sha256(other)}; ${sha256(annex)} was declared (it is not the declared file, or it changed on the way)`);
    await expectNothingPublished(id, record);
  });

  it('refuses, at the S3 port as S3 does, an upload shorter than the length its URL was signed for', async () => {
    // The presigned PUT is bound to the declared Content-Length (receive checks the size again, for AWS and for a lost connection).
    const pdf = minimalPdf('Annex', pseudoRandomBytes(40_000));
    const half = pdf.subarray(0, Math.floor(pdf.length / 2));
    await expect(submitFiles(stack, [cover(), { name: 'annex.pdf', part: 'annex', contentType: PDF, bytes: pdf, upload: half }])).rejects.toThrow(/annex\.pdf answered 403: [\s\S]*SignatureDoesNotMatch/);
  });

  it('refuses a text file that is not UTF-8, saying where', async () => {
    const latin1 = new Uint8Array(Buffer.from('Note verbale datée du 8 juin 2021\n', 'latin1'));
    const { record, message } = await refused([cover({ bytes: latin1 })]);
    expect(record.status).toBe('FAILED');
    expect(message).toBe('note-verbale.txt is not plain text: it is not valid UTF-8 at byte 16');
  });

  it('publishes a real PDF and DOCX after them with the first number of the series: no symbol was taken', async () => {
    const id = await submitFiles(stack, [
      cover({ name: 'note-verbale.pdf', contentType: PDF, bytes: minimalPdf('Note verbale') }),
      { name: 'annex.docx', part: 'annex', contentType: DOCX, bytes: minimalDocx('Annex') },
    ]);
    const record = await waitForFinalStatus(stack, id);
    expect(record).toMatchObject({ status: 'PUBLISHED', symbol: 'A/HRC/47/G/1' });
    const pdf = await fetch(`${stack.url}/A/HRC/47/G/1/cover.en.pdf`);
    expect(pdf.headers.get('content-type')).toBe(PDF);
    expect(sha256(new Uint8Array(await pdf.arrayBuffer()))).toBe(sha256(minimalPdf('Note verbale')));
  });
});
