import { readFile } from 'node:fs/promises';
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Proposals } from '#shared/api/responses';
import { PROPOSAL_MAX_BYTES, propose } from '../../functions/propose/propose';
import { elfExecutable, minimalDocx, minimalPdf, utf8 } from '../support/files';

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const TEXT = 'text/plain';
const EXAMPLE = 'examples/A_HRC_47_G_10/note-verbale.txt';

describe('POST /api/proposals, its logic', () => {
  it('proposes the example note verbale’s metadata, as its metadata.json has it', async () => {
    const metadata = JSON.parse(await readFile('examples/A_HRC_47_G_10/metadata.json', 'utf8')) as Record<string, unknown>;
    const { fields } = await propose({ contentType: 'text/plain; charset=utf-8', body: new Uint8Array(await readFile(EXAMPLE)) });
    for (const field of ['kind', 'dated', 'sender', 'addressee', 'agendaItem', 'title', 'session', 'originalLanguage'] as const) {
      expect(fields[field]?.value).toEqual(metadata[field]);
    }
    expect(fields.annexes?.value).toBe(1);
    const text = await readFile(EXAMPLE, 'utf8');
    for (const f of Object.values(fields)) expect(text).toContain(f.evidence);
    expect(Proposals.parse({ fields })).toEqual({ fields });
  });

  it('reads a PDF’s text layer and a DOCX', async () => {
    const pdf = await propose({ contentType: PDF, body: minimalPdf('Geneva, 8 June 2021') });
    expect(pdf.fields.dated).toEqual({ value: '2021-06-08', evidence: 'Geneva, 8 June 2021' });
    const docx = await propose({ contentType: DOCX, body: minimalDocx('Genève, le 8 juin 2021') });
    expect(docx.fields.dated).toEqual({ value: '2021-06-08', evidence: 'Genève, le 8 juin 2021' });
  });

  it('answers no fields, not an error, for a note that says none of them', async () => {
    expect(await propose({ contentType: TEXT, body: utf8('Hello.') })).toEqual({ fields: {} });
  });

  it.each<[string, { contentType?: string; body?: Uint8Array }, number, RegExp]>([
    ['no body', { contentType: TEXT }, 400, /Send the cover note's bytes as the body/],
    ['an empty body', { contentType: TEXT, body: new Uint8Array() }, 400, /Send the cover note's bytes/],
    ['no Content-Type', { body: utf8('x') }, 415, /no Content-Type/],
    ['a type a cover note cannot have', { contentType: 'image/png', body: utf8('x') }, 415, /image\/png is not one of the types/],
    ['JSON', { contentType: 'application/json', body: utf8('{}') }, 415, /application\/json is not/],
    ['text in another charset', { contentType: 'text/plain; charset=latin1', body: utf8('x') }, 415, /Only UTF-8 text/],
    ['an executable sent as a PDF', { contentType: PDF, body: elfExecutable() }, 415, /The body is not a PDF: it starts like an ELF executable/],
    ['Latin-1 bytes sent as text', { contentType: TEXT, body: new Uint8Array(Buffer.from('datée', 'latin1')) }, 415, /is not plain text: it is not valid UTF-8/],
    ['a PDF with no text layer (a scan)', { contentType: PDF, body: minimalPdf('') }, 422, /has no text to read.*no OCR/],
    ['a text of blank lines', { contentType: TEXT, body: utf8('\n \n') }, 422, /has no text to read/],
    ['a body over the limit', { contentType: TEXT, body: new Uint8Array(PROPOSAL_MAX_BYTES + 1).fill(0x61) }, 413, new RegExp(`limit is ${PROPOSAL_MAX_BYTES} bytes`)],
  ])('refuses %s with its status, saying why', async (_, request, status, message) => {
    await expect(propose({ contentType: request.contentType, body: request.body })).rejects.toMatchObject({ status, message: expect.stringMatching(message) });
  });

  it('says a file its reader cannot open is unreadable (422)', async () => {
    await expect(propose({ contentType: PDF, body: minimalPdf('x') }, { extract: () => Promise.reject(new Error('Invalid PDF structure')) }))
      .rejects.toMatchObject({ status: 422, message: 'The PDF cannot be read: Invalid PDF structure' });
  });
});

describe('POST /api/proposals, its Lambda adapter', () => {
  let handler: (event: APIGatewayProxyEvent, context: Context) => Promise<{ statusCode: number; body: string }>;
  const previous = process.env.CIRCULATE_TOKEN;
  beforeAll(async () => {
    process.env.CIRCULATE_TOKEN = 'unit-token';
    ({ handler } = await import('../../functions/propose/handler') as unknown as { handler: typeof handler });
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.CIRCULATE_TOKEN;
    else process.env.CIRCULATE_TOKEN = previous;
  });

  const event = (body: string | null, headers: Record<string, string>, isBase64Encoded: boolean) => ({
    body, headers, isBase64Encoded, httpMethod: 'POST', path: '/api/proposals', requestContext: {},
  }) as unknown as APIGatewayProxyEvent;
  const context = {} as Context;

  it('decodes a base64 body, as API Gateway gives a binary media type, and answers 200 with the fields as JSON', async () => {
    const bytes = await readFile(EXAMPLE);
    const res = await handler(event(bytes.toString('base64'), { authorization: 'Bearer unit-token', 'content-type': TEXT }, true), context);
    expect(res.statusCode).toBe(200);
    expect(Proposals.parse(JSON.parse(res.body)).fields.dated?.value).toBe('2021-06-08');
  });

  it('refuses a caller without the staff token (401) before reading anything', async () => {
    const res = await handler(event('x', { 'content-type': TEXT }, false), context);
    expect(res.statusCode).toBe(401);
  });

  it('answers a refusal in the API’s error shape', async () => {
    const res = await handler(event(null, { authorization: 'Bearer unit-token', 'content-type': TEXT }, false), context);
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'BadRequest', message: expect.stringContaining('Send the cover note') } });
  });
});
