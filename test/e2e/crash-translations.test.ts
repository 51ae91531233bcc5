import { afterAll, describe, expect, it } from '@jest/globals';
import { waitForMoment } from '../support/crash';
import { utf8 } from '../support/files';
import { api, startTestStack, submit, submitTranslation, waitForFinalStatus, type TestStack } from './helpers';

/**
 * SIGKILL while translations are in the workflow: four published documents, their five other
 * language versions sent at once (twenty versions, five revising each document record together),
 * the stack killed once some are published and others between Register and PublishTranslation.
 * After a restart every version ends PUBLISHED once, and every document record, language page and
 * feed has all of them, each once.
 */

const DOCUMENTS = 4;
const LANGUAGES = ['fr', 'es', 'ru', 'zh', 'ar'] as const;
const titleOf = (symbol: string, language: string) => `Note verbale ${language} (${symbol})`;

describe('SIGKILL with twenty translations in the workflow', () => {
  let stack: TestStack | undefined;
  afterAll(async () => stack?.cleanup());

  it('ends every version PUBLISHED once after a restart, every one in its document, its page and the feed', async () => {
    const first = await startTestStack();
    const symbols: string[] = [];
    for (let i = 0; i < DOCUMENTS; i++) symbols.push(String((await waitForFinalStatus(first, await submit(first))).symbol));
    const sent = await Promise.all(symbols.flatMap((symbol) => LANGUAGES.map(async (language) => {
      const answer = await submitTranslation(first, symbol, {
        language, title: titleOf(symbol, language), files: [{ name: `note-${language}.txt`, part: 'cover', contentType: 'text/plain', bytes: utf8(`${titleOf(symbol, language)}\n`) }],
      });
      expect(answer.status).toBe(201);
      return (answer.json as { id: string }).id;
    })));
    const atKill = await waitForMoment(first, sent, (c) => ((c.PUBLISHED ?? 0) >= 1 && (c.RECEIVED ?? 0) + (c.TAGGED ?? 0) >= 3) || (c.PUBLISHED ?? 0) >= sent.length / 2);
    const { dataDir, token } = first;
    const ports = first.ports();
    await first.kill();
    console.log(`crash-translations: killed at ${JSON.stringify(atKill)}`);

    stack = await startTestStack({ dataDir, token, ports });
    const records = await Promise.all(sent.map((id) => waitForFinalStatus(stack!, id, 60_000)));
    expect(records.map((r) => r.status)).toEqual(sent.map(() => 'PUBLISHED'));
    for (const r of records) expect((r.history as { status: string }[]).filter((h) => h.status === 'PUBLISHED')).toHaveLength(1);

    const feed = await fetch(`${stack.url}/A/HRC/47/feed.xml`).then((r) => r.text());
    for (const symbol of symbols) {
      const doc = (await api(stack, `/documents/${symbol}`, { staff: false })).json as { titles: Record<string, string>; languages: { cover: Record<string, string> } };
      expect({ symbol, cover: doc.languages.cover }).toEqual({ symbol, cover: { en: 'original', fr: 'translated', es: 'translated', ru: 'translated', zh: 'translated', ar: 'translated' } });
      for (const language of LANGUAGES) {
        expect(doc.titles[language]).toBe(titleOf(symbol, language));
        const page = await fetch(`${stack.url}/${symbol}/${language}/`).then((r) => r.text());
        expect(page).toContain(titleOf(symbol, language));
        expect(feed.split(`version issued: ${titleOf(symbol, language)}`)).toHaveLength(2);
      }
    }
  }, 180_000);
});
