import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { api, circulate, startTestStack, submit, waitForFinalStatus } from './helpers';

/**
 * `circulate translate` and `circulate reissue` against the embedded stack: the French version of
 * the example added and followed to publication, then reissued; what is refused before anything is
 * sent (checked here) and what the API refuses (its message, exit 2).
 */

type Stack = Awaited<ReturnType<typeof startTestStack>>;

const SYMBOL = 'A/HRC/47/G/1';
const COVER_FR = 'examples/A_HRC_47_G_10/fr/note-verbale.txt';
const TITLE_FR = 'Note verbale datée du 8 juin 2021, adressée au Haut-Commissariat des Nations Unies aux droits de l’homme par la Mission permanente de l’Azerbaïdjan auprès de l’Office des Nations Unies à Genève';

describe('circulate translate and reissue', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startTestStack();
    expect(await waitForFinalStatus(stack, await submit(stack))).toMatchObject({ status: 'PUBLISHED', symbol: SYMBOL });
  }, 60_000);
  afterAll(async () => stack?.cleanup());

  const count = async () => ((await api(stack, '/submissions?limit=100')).json as { items: unknown[] }).items.length;

  it('checks before sending: every problem at once, naming the flag, nothing sent (exit 2)', async () => {
    const before = await count();
    const bad = await circulate(stack, 'translate', SYMBOL, 'no-such-file.txt', '--lang', 'xx', '--annex', 'annex.odt');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('error: cannot submit (nothing was sent):');
    expect(bad.stderr).toMatch(/language \(--lang\): /);
    expect(bad.stderr).toMatch(/title \(--title\): is required/);
    expect(bad.stderr).toContain('files[0].path (cover no-such-file.txt): no such file');
    expect(bad.stderr).toMatch(/files\[1\]\.contentType \(--annex annex\.odt\): cannot tell the type from the extension \.odt/);
    const none = await circulate(stack, 'reissue', SYMBOL, '--lang', 'fr');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('files: none given');
    expect(none.stderr).toMatch(/reason \(--reason\): is required/);
    const dry = await circulate(stack, 'translate', SYMBOL, COVER_FR, '--lang', 'fr', '--title', TITLE_FR, '--dry-run');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ language: 'fr', title: TITLE_FR, files: [{ name: 'note-verbale.txt', part: 'cover', contentType: 'text/plain' }] });
    expect(await count()).toBe(before);
  });

  it('translates: the French version uploaded, followed through its four steps to its page (exit 0)', async () => {
    const sent = await circulate(stack, 'translate', SYMBOL, COVER_FR, '--lang', 'fr', '--title', TITLE_FR, '--wait');
    expect(sent.stderr).toContain('uploaded note-verbale.txt');
    expect(sent.code).toBe(0);
    const lines = sent.stdout.trimEnd().split('\n');
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^\[1\/4\] +AWAITING_UPLOAD +\S+ +French version of A\/HRC\/47\/G\/1: 1 file\(s\) declared$/),
      expect.stringMatching(/^\[2\/4\] +RECEIVED /),
      expect.stringMatching(/^\[3\/4\] +TAGGED +\S+ +French version of cover: translated$/),
      expect.stringMatching(/^\[4\/4\] +PUBLISHED /),
      'status: PUBLISHED',
      `symbol: ${SYMBOL}`,
      `url: ${stack.url}/${SYMBOL}/fr/`,
    ]);
    expect(await fetch(`${stack.url}/${SYMBOL}/fr/`).then((r) => r.text())).toContain(TITLE_FR);
  }, 60_000);

  it('says what the API refuses: a second French version, the original language, a document not published (exit 2)', async () => {
    const again = await circulate(stack, 'translate', SYMBOL, COVER_FR, '--lang', 'fr', '--title', TITLE_FR);
    expect(again).toMatchObject({ code: 2, stderr: expect.stringContaining(`error: The French version of cover of ${SYMBOL} is already issued`) });
    const original = await circulate(stack, 'translate', SYMBOL, COVER_FR, '--lang', 'en', '--title', 'Note verbale');
    expect(original).toMatchObject({ code: 2, stderr: expect.stringContaining('language: must not be en: it is the original language') });
    const unpublished = await circulate(stack, 'reissue', 'A/HRC/47/G/99', COVER_FR, '--lang', 'fr', '--reason', 'a page was missing');
    expect(unpublished).toMatchObject({ code: 2, stderr: expect.stringContaining('No published document A/HRC/47/G/99') });
  });

  it('reissues the French version, its job number marked * (exit 0)', async () => {
    const sent = await circulate(stack, 'reissue', SYMBOL, COVER_FR, '--lang', 'fr', '--reason', 'the second page was missing', '--wait', '--json');
    expect(sent.code).toBe(0);
    expect(JSON.parse(sent.stdout)).toMatchObject({ status: 'PUBLISHED', translation: { of: SYMBOL, language: 'fr', kind: 'reissue' } });
    const doc = (await api(stack, `/documents/${SYMBOL}`, { staff: false })).json as { jobNumbers: Record<string, string> };
    expect(doc.jobNumbers.fr).toMatch(/^GE\.\d\d-\d{5}\*\(F\)$/);
  }, 60_000);
});
