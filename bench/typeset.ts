import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DocumentRecord } from '#shared/domain/document';
import { jobNumbersFrom } from '#shared/domain/job-numbers';
import { REGISTRY } from '#shared/domain/registry';
import { tagTranslationStatus, withTranslated } from '#shared/domain/translation-status';
import { paragraphsOfText } from '#shared/text/paragraphs';
import type { Language } from '#shared/domain/languages';
import { issuedVersion } from '../functions/typeset/issued-version';
import { typesetVersion, type PartContent } from '../functions/typeset/typesetter';

/**
 * Typesetting the issued PDF of one language version (functions/typeset), in process: the first
 * (which loads the fonts) and then the median of many, and the PDF's size, for the example's
 * versions with their texts (English original, French, Arabic, Chinese), and the English with a
 * received PDF annex of several pages embedded. `node --import tsx bench/typeset.ts`, or within `npm run bench`.
 */

export interface TypesetFigure { version: string; pages: number; kB: number; firstMs: number; medianMs: number }

const EN_COVER = paragraphsOfText(readFileSync('examples/A_HRC_47_G_10/note-verbale.txt', 'utf8'));
const FR_COVER = paragraphsOfText(readFileSync('examples/A_HRC_47_G_10/fr/note-verbale.txt', 'utf8'));
const ANNEX = paragraphsOfText(readFileSync('examples/A_HRC_47_G_10/annex.txt', 'utf8'));
const AR_COVER = ['تهدي البعثة الدائمة لجمهورية أذربيجان لدى مكتب الأمم المتحدة في جنيف تحياتها إلى مفوضية الأمم المتحدة السامية لحقوق الإنسان، وتتشرف بأن تحيل طيه معلومات مقدمة من إدارة الخدمة الصحفية بوزارة خارجية جمهورية أذربيجان.'];
const ZH_COVER = ['阿塞拜疆共和国常驻联合国日内瓦办事处和其他国际组织代表团谨向联合国人权事务高级专员办事处致意，并谨随函转递阿塞拜疆共和国外交部新闻处提供的资料（见附件）。'];

function example(): DocumentRecord {
  const files = [{ part: 'cover', language: 'en' as const, translate: true }, { part: 'annex', language: 'en' as const, translate: false }];
  let translations = tagTranslationStatus(files, 'en');
  for (const lang of ['fr', 'ar', 'zh'] as const) translations = withTranslated(translations, ['cover'], lang);
  const file = (part: string, language: Language) => ({ part, language, name: `${part}.${language}.txt`, contentType: 'text/plain', size: 1, sha256: 'a'.repeat(64), path: `A/HRC/47/G/10/${part}.${language}.txt` });
  return DocumentRecord.parse({
    symbol: 'A/HRC/47/G/10', submissionId: '01J00000000000000000000010', body: 'HRC', session: 47, agendaItem: 4, series: 'G', number: 10, kind: 'note-verbale',
    title: 'Note verbale dated 8 June 2021 from the Permanent Mission of Azerbaijan to the United Nations Office at Geneva addressed to the Office of the United Nations High Commissioner for Human Rights',
    titles: { fr: 'Note verbale datée du 8 juin 2021, adressée au Haut-Commissariat des Nations Unies aux droits de l’homme par la Mission permanente de l’Azerbaïdjan auprès de l’Office des Nations Unies à Genève', ar: 'مذكرة شفوية مؤرخة 8 حزيران/يونيه 2021', zh: '2021年6月8日阿塞拜疆常驻联合国日内瓦办事处代表团给联合国人权事务高级专员办事处的普通照会' },
    sender: 'Permanent Mission of Azerbaijan to the United Nations Office at Geneva', addressee: 'Office of the United Nations High Commissioner for Human Rights', dated: '2021-06-08',
    originalLanguage: 'en', mastheadDate: '2021-06-15', distribution: 'General', publishedAt: '2021-06-15T09:00:00.000Z',
    jobNumbers: jobNumbersFrom(REGISTRY.dutyStations.GE!, 2021, 8237), translations,
    files: [file('cover', 'en'), file('annex', 'en'), file('cover', 'fr'), file('cover', 'ar'), file('cover', 'zh')],
  });
}

/** A received PDF of `pages` pages of annex text, made once (with Typst itself: any PDF with text does). */
function receivedPdf(): { bytes: Uint8Array; pages: number } {
  const v = issuedVersion(example(), 'en');
  const long = Array.from({ length: 120 }, (_, i) => ANNEX[i % ANNEX.length]!);
  const made = typesetVersion({ ...v, parts: [v.parts[0]!] }, [{ content: 'text', paragraphs: long }]);
  return { bytes: made.pdf, pages: made.pages };
}

/** Each run sets a title of its own: Typst memoizes, and the same input again would measure its cache. */
function measure(version: string, run: (i: number) => { pdf: Uint8Array; pages: number }, times: number): TypesetFigure {
  let t = performance.now();
  const first = run(0);
  const firstMs = performance.now() - t;
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    t = performance.now();
    run(i + 1);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { version, pages: first.pages, kB: Math.round(first.pdf.length / 1000), firstMs: Math.round(firstMs), medianMs: Math.round(ms[Math.floor(ms.length / 2)]!) };
}

export function benchTypeset(times = 20): TypesetFigure[] {
  const d = example();
  const text = (paragraphs: string[]): PartContent => ({ content: 'text', paragraphs });
  const cover: Record<string, string[]> = { en: EN_COVER, fr: FR_COVER, ar: AR_COVER, zh: ZH_COVER };
  const figures = (['en', 'fr', 'ar', 'zh'] as const).map((lang) => {
    const v = issuedVersion(d, lang);
    return measure(`${lang}: note + annex as text`, (i) => typesetVersion({ ...v, title: `${v.title} ${i}` }, v.parts.map((p) => text(p.part === 'cover' ? cover[lang]! : ANNEX))), times);
  });
  const received = receivedPdf();
  const v = issuedVersion(d, 'en');
  figures.push(measure(`en: note + received ${received.pages}-page PDF annex embedded`, (i) =>
    typesetVersion({ ...v, title: `${v.title} ${i}` }, [text(EN_COVER), { content: 'pdf', ...received }]), Math.max(3, Math.round(times / 4))));
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of benchTypeset()) console.log(`${f.version}: ${f.pages} pages, ${f.kB} kB, first ${f.firstMs} ms, median ${f.medianMs} ms`);
}
