import { createHash } from 'node:crypto';
import { CreatedSubmission, DocumentView, SubmissionView } from '#shared/api/responses';
import type { Language } from '#shared/domain/languages';
import { call, quantile, sleep } from './e2e';

/**
 * Translations arriving later, end to end on the same stack as bench/e2e.ts, over HTTP only: for
 * each of `documents` published documents, its five other language versions sent at once
 * (POST /api/translations/{symbol}, then the PUT), so `documents × 5` versions are in flight, five
 * of them revising each document record at the same time. Latency: last PUT answered → PUBLISHED in
 * the translation's history. "All landed" counts the documents whose record, read after, has all
 * five versions translated: the figure that would show a lost update.
 */

export interface TranslationFigures {
  documents: number;
  versions: number;
  seconds: number;
  versionsPerSecond: number;
  latencyMs: { p50: number; p95: number; max: number };
  failed: number;
  /** Documents whose record has all five versions `translated` afterwards. */
  allLanded: number;
}

type Stack = Parameters<typeof call>[0];
const LANGUAGES: readonly Language[] = ['fr', 'es', 'ru', 'zh', 'ar'];
const DEADLINE_MS = 5 * 60_000;

/** POST the version, PUT its cover note; answers the id and when the PUT answered. */
async function sendOne(stack: Stack, symbol: string, language: Language): Promise<{ id: string; uploaded: number }> {
  const bytes = new TextEncoder().encode(`Note verbale (${language}) — ${symbol}\n`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const created = CreatedSubmission.parse(await call(stack, `/translations/${symbol}`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ language, title: `Note verbale (${language})`, files: [{ name: `note-${language}.txt`, part: 'cover', contentType: 'text/plain', size: bytes.length, sha256 }] }),
  }));
  for (const u of created.uploads) {
    const put = await fetch(u.url, { method: u.method, headers: u.headers, body: bytes });
    if (!put.ok) throw new Error(`PUT of ${u.name} answered ${put.status}`);
  }
  return { id: created.id, uploaded: Date.now() };
}

async function untilFinal(stack: Stack, id: string): Promise<SubmissionView> {
  const deadline = Date.now() + DEADLINE_MS;
  for (;;) {
    await sleep(250);
    const view = SubmissionView.parse(await call(stack, `/submissions/${id}`));
    if (view.status === 'PUBLISHED' || view.status === 'FAILED') return view;
    if (Date.now() > deadline) throw new Error(`${id} not final after ${DEADLINE_MS / 1000} s`);
  }
}

/** `symbols`: published documents whose five other versions are all pending (the example's, in English). */
export async function benchTranslations(stack: Stack, symbols: readonly string[]): Promise<TranslationFigures> {
  const started = Date.now();
  const results = await Promise.allSettled(symbols.flatMap((symbol) => LANGUAGES.map(async (language) => {
    const sent = await sendOne(stack, symbol, language);
    const view = await untilFinal(stack, sent.id);
    const published = view.history.find((h) => h.status === 'PUBLISHED');
    if (!published) throw new Error(`${sent.id}: ${view.status} ${view.error?.message ?? ''}`);
    return Date.parse(published.at) - sent.uploaded;
  })));
  const seconds = (Date.now() - started) / 1000;
  const latency = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])).sort((a, b) => a - b);
  let allLanded = 0;
  for (const symbol of symbols) {
    const doc = DocumentView.parse(await call(stack, `/documents/${symbol}`));
    if (LANGUAGES.every((l) => doc.languages.cover?.[l] === 'translated')) allLanded++;
  }
  return {
    documents: symbols.length,
    versions: results.length,
    seconds,
    versionsPerSecond: latency.length / seconds,
    latencyMs: { p50: quantile(latency, 0.5), p95: quantile(latency, 0.95), max: latency.at(-1) ?? NaN },
    failed: results.filter((r) => r.status === 'rejected').length,
    allLanded,
  };
}
