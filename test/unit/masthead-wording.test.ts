import { describe, expect, it } from '@jest/globals';
import { localizedMasthead, type LocalizedMasthead, type MastheadText } from '#shared/domain/document';
import type { Language } from '#shared/domain/languages';
import { ordinal } from '#shared/domain/masthead-wording/ordinals-en';
import { ordinalFr } from '#shared/domain/masthead-wording/ordinals-fr';
import { ordinalEs } from '#shared/domain/masthead-wording/ordinals-es';
import { ordinalRu } from '#shared/domain/masthead-wording/ordinals-ru';
import { ordinalAr } from '#shared/domain/masthead-wording/ordinals-ar';
import { numeralZh } from '#shared/domain/masthead-wording/numerals-zh';
import { sessionLine } from '#shared/domain/masthead-wording/session-lines';
import { dateIn, periodsIn } from '#shared/domain/masthead-wording/dates';
import { REISSUED, reissuedFootnote } from '#shared/domain/masthead-wording/reissue';
import { REPRODUCED_AS_RECEIVED, reproducedAsReceived } from '../../functions/publish/footnotes';
import { doc } from './publish-fixtures';

/**
 * The masthead wording of the six languages. Each expectation says whether the wording is confirmed
 * (seen on an issued document) or not: an unconfirmed row is the place to correct once a document
 * shows the right wording — here and in the table or rule it names (docs/domain.md#masthead-wording-by-language).
 */

const NUMBERS = [1, 2, 10, 11, 21, 47, 100] as const;

describe('ordinals and numerals by rule', () => {
  it.each<[Language, (n: number) => string, string[]]>([
    ['en', ordinal, ['First', 'Second', 'Tenth', 'Eleventh', 'Twenty-first', 'Forty-seventh', 'One hundredth']],
    ['fr', (n) => ordinalFr(n), ['Première', 'Deuxième', 'Dixième', 'Onzième', 'Vingt et unième', 'Quarante-septième', 'Centième']],
    ['es', ordinalEs, ['Primer', 'Segundo', 'Décimo', '11º', '21er', '47º', '100º']],
    ['ru', ordinalRu, ['Первая', 'Вторая', 'Десятая', 'Одиннадцатая', 'Двадцать первая', 'Сорок седьмая', 'Сотая']],
    ['ar', ordinalAr, ['الأولى', 'الثانية', 'العاشرة', 'الحادية عشرة', 'الحادية والعشرون', 'السابعة والأربعون', 'المائة']],
    ['zh', numeralZh, ['一', '二', '十', '十一', '二十一', '四十七', '一百']],
  ])('%s: 1, 2, 10, 11, 21, 47, 100', (_lang, words, expected) => {
    expect(NUMBERS.map(words)).toEqual(expected);
  });

  it.each<[string, (n: number) => string, number, string]>([
    ['fr', (n) => ordinalFr(n), 3, 'Troisième'], ['fr', (n) => ordinalFr(n), 5, 'Cinquième'], ['fr', (n) => ordinalFr(n), 9, 'Neuvième'],
    ['fr', (n) => ordinalFr(n), 17, 'Dix-septième'], ['fr', (n) => ordinalFr(n), 71, 'Soixante et onzième'],
    ['fr', (n) => ordinalFr(n), 77, 'Soixante-dix-septième'], ['fr', (n) => ordinalFr(n), 80, 'Quatre-vingtième'],
    ['fr', (n) => ordinalFr(n), 81, 'Quatre-vingt-unième'], ['fr', (n) => ordinalFr(n), 91, 'Quatre-vingt-onzième'],
    ['fr', (n) => ordinalFr(n), 101, 'Cent unième'], ['fr', (n) => ordinalFr(n), 200, 'Deux centième'],
    ['fr', (n) => ordinalFr(n, 'm'), 1, 'Premier'],
    ['es', ordinalEs, 3, 'Tercer'], ['es', ordinalEs, 13, '13er'], ['es', ordinalEs, 43, '43er'], ['es', ordinalEs, 111, '111º'],
    ['ru', ordinalRu, 4, 'Четвертая'], ['ru', ordinalRu, 40, 'Сороковая'], ['ru', ordinalRu, 101, 'Сто первая'],
    ['ru', ordinalRu, 200, 'Двухсотая'], ['ru', ordinalRu, 999, 'Девятьсот девяносто девятая'],
    ['ar', ordinalAr, 12, 'الثانية عشرة'], ['ar', ordinalAr, 30, 'الثلاثون'], ['ar', ordinalAr, 147, 'السابعة والأربعون بعد المائة'],
    ['zh', numeralZh, 101, '一百零一'], ['zh', numeralZh, 110, '一百一十'], ['zh', numeralZh, 999, '九百九十九'],
  ])('%s: %#, %i → %s', (_lang, words, n, expected) => expect(words(n)).toBe(expected));

  it('refuses numbers that are no session', () => {
    for (const words of [ordinalFr, ordinalEs, ordinalRu, ordinalAr, numeralZh]) {
      expect(() => words(0)).toThrow(RangeError);
      expect(() => words(1000)).toThrow(RangeError);
      expect(() => words(4.5)).toThrow(RangeError);
    }
  });
});

describe('session lines', () => {
  const SESSIONS = [{ number: 1 }, { number: 21 }, { number: 47 }, { number: 30, special: true }];
  /** The line, and "(unconfirmed)" after one not seen on an issued document. */
  const marked = (lang: Language) => SESSIONS.map((s) => {
    const w = sessionLine(lang, s);
    return w.confirmed ? w.text : `${w.text} (unconfirmed)`;
  });

  it.each<[Language, string[]]>([
    ['en', ['First session', 'Twenty-first session', 'Forty-seventh session', 'Thirtieth special session (unconfirmed)']],
    ['fr', ['Première session (unconfirmed)', 'Vingt et unième session (unconfirmed)', 'Quarante-septième session',
      'Trentième session extraordinaire (unconfirmed)']],
    ['es', ['Primer período de sesiones (unconfirmed)', '21er período de sesiones (unconfirmed)', '47º período de sesiones',
      '30º período extraordinario de sesiones (unconfirmed)']],
    ['ru', ['Первая сессия (unconfirmed)', 'Двадцать первая сессия (unconfirmed)', 'Сорок седьмая сессия (unconfirmed)',
      'Тридцатая специальная сессия (unconfirmed)']],
    ['ar', ['الدورة الأولى (unconfirmed)', 'الدورة الحادية والعشرون (unconfirmed)', 'الدورة السابعة والأربعون (unconfirmed)',
      'الدورة الاستثنائية الثلاثون (unconfirmed)']],
    ['zh', ['第一届会议 (unconfirmed)', '第二十一届会议 (unconfirmed)', '第四十七届会议 (unconfirmed)', '第三十届特别会议 (unconfirmed)']],
  ])('%s: sessions 1, 21, 47 and the thirtieth special session', (lang, expected) => expect(marked(lang)).toEqual(expected));

  it.each<[Language, number, string]>([
    ['en', 54, 'Fifty-fourth session'], ['fr', 34, 'Trente-quatrième session'], ['fr', 53, 'Cinquante-troisième session'],
    ['es', 7, 'Séptimo período de sesiones'], ['es', 51, '51er período de sesiones'],
    ['ru', 42, 'Сорок вторая сессия'], ['ru', 51, 'Пятьдесят первая сессия'],
    ['ar', 43, 'الدورة الثالثة والأربعون'], ['ar', 51, 'الدورة الحادية والخمسون'],
    ['zh', 35, '第三十五届会议'], ['zh', 43, '第四十三届会议'],
  ])('%s: the rule gives the line seen for session %i, confirmed: %s', (lang, n, line) => {
    expect(sessionLine(lang, { number: n })).toEqual({ text: line, confirmed: true });
  });
});

describe('session dates', () => {
  const ONE_MONTH = [{ from: '2020-06-15', to: '2020-06-23' }];
  const TWO_MONTHS = [{ from: '2021-06-21', to: '2021-07-09' }];
  const TWO_YEARS = [{ from: '2020-12-28', to: '2021-01-03' }];
  const SPLIT = [{ from: '2020-02-24', to: '2020-03-13' }, { from: '2020-06-15', to: '2020-06-23' }];
  const marked = (lang: Language) => [ONE_MONTH, TWO_MONTHS, TWO_YEARS, SPLIT].map((p) => {
    const w = periodsIn(lang, p);
    return w.confirmed ? w.text : `${w.text} (unconfirmed)`;
  });

  it.each<[Language, string[]]>([
    ['en', ['15–23 June 2020', '21 June–9 July 2021', '28 December 2020–3 January 2021 (unconfirmed)', '24 February–13 March and 15–23 June 2020']],
    ['fr', ['15-23 juin 2020', '21 juin-9 juillet 2021', '28 décembre 2020-3 janvier 2021 (unconfirmed)', '24 février-13 mars et 15-23 juin 2020']],
    ['es', ['15 a 23 de junio de 2020 (unconfirmed)', '21 de junio a 9 de julio de 2021', '28 de diciembre de 2020 a 3 de enero de 2021 (unconfirmed)',
      '24 de febrero a 13 de marzo y 15 a 23 de junio de 2020 (unconfirmed)']],
    ['ru', ['15–23 июня 2020 года', '21 июня — 9 июля 2021 года', '28 декабря 2020 года — 3 января 2021 года (unconfirmed)',
      '24 февраля — 13 марта и 15–23 июня 2020 года (unconfirmed)']],
    ['ar', ['15-23 حزيران/يونيه 2020 (unconfirmed)', '21 حزيران/يونيه - 9 تموز/يوليه 2021',
      '28 كانون الأول/ديسمبر 2020 - 3 كانون الثاني/يناير 2021 (unconfirmed)', '24 شباط/فبراير - 13 آذار/مارس و15-23 حزيران/يونيه 2020 (unconfirmed)']],
    ['zh', ['2020年6月15日至23日', '2021年6月21日至7月9日 (unconfirmed)', '2020年12月28日至2021年1月3日 (unconfirmed)',
      '2020年2月24日至3月13日和6月15日至23日 (unconfirmed)']],
  ])('%s: within one month, across two months, across two years, split', (lang, expected) => expect(marked(lang)).toEqual(expected));

  it.each<[Language, { from: string; to: string }[], string]>([
    ['ru', [{ from: '2019-09-09', to: '2019-09-27' }], '9–27 сентября 2019 года'],
    ['ru', [{ from: '2022-09-12', to: '2022-10-07' }], '12 сентября — 7 октября 2022 года'],
    ['ar', [{ from: '2022-09-12', to: '2022-10-07' }], '12 أيلول/سبتمبر - 7 تشرين الأول/أكتوبر 2022'],
    ['zh', [{ from: '2017-06-06', to: '2017-06-23' }], '2017年6月6日至23日'],
  ])('%s: prints the range seen on a document, confirmed', (lang, periods, text) => {
    expect(periodsIn(lang, periods)).toEqual({ text, confirmed: true });
  });

  it('prints the first of the month as French does, and split periods of two years each with its year', () => {
    expect(periodsIn('fr', [{ from: '2021-06-01', to: '2021-06-18' }]).text).toBe('1er-18 juin 2021');
    expect(periodsIn('fr', [{ from: '2020-12-01', to: '2020-12-04' }, { from: '2021-02-01', to: '2021-02-05' }]).text)
      .toBe('1er-4 décembre 2020 et 1er-5 février 2021');
    expect(periodsIn('zh', [{ from: '2020-12-01', to: '2020-12-04' }, { from: '2021-02-01', to: '2021-02-05' }]).text)
      .toBe('2020年12月1日至4日和2021年2月1日至5日');
  });

  it('prints a day as each language does', () => {
    expect((['en', 'fr', 'es', 'ru', 'ar', 'zh'] as const).map((l) => dateIn(l, '2021-06-01')))
      .toEqual(['1 June 2021', '1er juin 2021', '1 de junio de 2021', '1 июня 2021 года', '1 حزيران/يونيه 2021', '2021年6月1日']);
  });
});

describe('localizedMasthead in the six languages (A/HRC/47/G/10)', () => {
  /** Each line as printed: "[en]" after a line printed in English inside another language, "(unconfirmed)" after a guess. */
  const lines = (m: LocalizedMasthead) => (['unitedNations', 'organ', 'distribution', 'date', 'version', 'original', 'body', 'session',
    'sessionDates', 'agendaItem', 'agendaItemTitle'] as const).flatMap((k) => {
    const t: MastheadText | undefined = m[k];
    if (!t) return [];
    return [`${t.text}${t.lang !== m.lang ? ' [en]' : ''}${t.unconfirmed ? ' (unconfirmed)' : ''}`];
  });

  it.each<[Language, string[]]>([
    ['en', ['United Nations', 'General Assembly', 'Distr.: General', '18 June 2021', 'Original: English', 'Human Rights Council',
      'Forty-seventh session', '21 June–9 July 2021', 'Agenda item 4', 'Human rights situations that require the Council’s attention']],
    ['fr', ['Nations Unies', 'Assemblée générale', 'Distr. générale', '18 juin 2021', 'Français', 'Original : anglais',
      'Conseil des droits de l’homme', 'Quarante-septième session', '21 juin-9 juillet 2021', 'Point 4 de l’ordre du jour',
      'Situations relatives aux droits de l’homme qui requièrent l’attention du Conseil']],
    ['es', ['Naciones Unidas', 'Asamblea General', 'Distr. general', '18 de junio de 2021', 'Español', 'Original: inglés',
      'Consejo de Derechos Humanos', '47º período de sesiones', '21 de junio a 9 de julio de 2021', 'Tema 4 de la agenda',
      'Situaciones de derechos humanos que requieren la atención del Consejo (unconfirmed)']],
    ['ru', ['Организация Объединенных Наций', 'Генеральная Ассамблея', 'Distr.: General [en]', '18 June 2021 [en]', 'Russian [en]',
      'Original: English [en]', 'Совет по правам человека', 'Сорок седьмая сессия (unconfirmed)', '21 июня — 9 июля 2021 года',
      'Пункт 4 повестки дня', 'Ситуации в области прав человека, требующие внимания со стороны Совета (unconfirmed)']],
    ['ar', ['الأمم المتحدة', 'الجمعية العامة', 'Distr.: General [en]', '18 June 2021 [en]', 'Arabic [en]', 'Original: English [en]',
      'مجلس حقوق الإنسان', 'الدورة السابعة والأربعون (unconfirmed)', '21 حزيران/يونيه - 9 تموز/يوليه 2021', 'البند 4 من جدول الأعمال',
      'حالات حقوق الإنسان التي تتطلب اهتمام المجلس بها (unconfirmed)']],
    ['zh', ['联合国', '大会', 'Distr.: General [en]', '18 June 2021 [en]', 'Chinese [en]', 'Original: English [en]', '人权理事会',
      '第四十七届会议 (unconfirmed)', '2021年6月21日至7月9日 (unconfirmed)', '议程项目4', '需要理事会注意的人权状况 (unconfirmed)']],
  ])('%s', (lang, expected) => expect(lines(localizedMasthead(doc(10), lang))).toEqual(expected));

  it('marks unconfirmed an original language whose name was not seen in French or Spanish', () => {
    const russian = doc(10, { originalLanguage: 'ru' });
    expect(localizedMasthead(russian, 'fr').original).toEqual({ text: 'Original : russe', lang: 'fr', unconfirmed: true });
    expect(localizedMasthead(russian, 'es').original).toEqual({ text: 'Original: ruso', lang: 'es', unconfirmed: true });
    expect(localizedMasthead(russian, 'ar').original).toEqual({ text: 'Original: Russian', lang: 'en' });
  });

  it('has every standing agenda item’s title in all six languages', () => {
    for (let item = 1; item <= 10; item++) {
      for (const lang of ['en', 'fr', 'es', 'ru', 'ar', 'zh'] as const) {
        expect(localizedMasthead(doc(10, { agendaItem: item }), lang).agendaItemTitle?.lang).toBe(lang);
      }
    }
  });
});

describe('the footnote on parts reproduced as received', () => {
  it.each<[Language, boolean, boolean]>([
    ['en', true, true], ['fr', true, false], ['es', false, false], ['ru', false, false], ['ar', false, false], ['zh', false, false],
  ])('%s: one part confirmed %s, several confirmed %s', (lang, one, many) => {
    expect([REPRODUCED_AS_RECEIVED[lang].source.one.confirmed, REPRODUCED_AS_RECEIVED[lang].source.many.confirmed]).toEqual([one, many]);
  });

  it('speaks of one annex or of several', () => {
    expect(reproducedAsReceived('fr', 1)).toBe('L’annexe est reproduite telle qu’elle a été reçue, dans la langue de l’original seulement.');
    expect(reproducedAsReceived('fr', 2)).toBe('Les annexes sont reproduites telles qu’elles ont été reçues, dans la langue de l’original seulement.');
    expect(reproducedAsReceived('es', 2)).toBe('Los anexos se reproducen tal como se recibieron, únicamente en el idioma en que se presentaron.');
    expect(reproducedAsReceived('ru', 2)).toMatch(/^Приложения воспроизводятся/);
    expect(reproducedAsReceived('en', 2)).toBe(reproducedAsReceived('en', 1));
  });
});

describe('the footnote of a version reissued for technical reasons', () => {
  /** The footnote for 16 June 2021, and "(unconfirmed)" after one not seen on an issued document. */
  const marked = (lang: Language) => {
    const w = reissuedFootnote(lang, '2021-06-16');
    return w.confirmed ? w.text : `${w.text} (unconfirmed)`;
  };

  it.each<[Language, string]>([
    ['en', 'Reissued for technical reasons on 16 June 2021.'],
    ['fr', 'Nouveau tirage pour raisons techniques le 16 juin 2021. (unconfirmed)'],
    ['es', 'Publicado nuevamente por razones técnicas el 16 de junio de 2021. (unconfirmed)'],
    ['ru', 'Переиздано по техническим причинам 16 июня 2021 года. (unconfirmed)'],
    ['ar', 'أعيد إصدارها لأسباب فنية في 16 حزيران/يونيه 2021.'],
    ['zh', '2021年6月16日因技术原因重新印发。 (unconfirmed)'],
  ])('%s', (lang, expected) => expect(marked(lang)).toBe(expected));

  it('is confirmed in English and Arabic only, each where it was seen', () => {
    expect(Object.entries(REISSUED).filter(([, w]) => w.source.confirmed).map(([lang]) => lang).sort()).toEqual(['ar', 'en']);
    expect(REISSUED.en.source).toEqual({ confirmed: true, seen: expect.stringContaining('A/65/L.78*') });
  });

  it('prints the first of a month as French does, and refuses an instant for a day', () => {
    expect(reissuedFootnote('fr', '2022-01-01').text).toBe('Nouveau tirage pour raisons techniques le 1er janvier 2022.');
    expect(() => reissuedFootnote('en', '2021-06-15T22:30:00.000Z')).toThrow(RangeError);
  });
});
