import { attr, html, type Html, type SafeHtml } from '../html';
import { localizedMasthead, type DocumentRecord, type MastheadText } from '#shared/domain/document';
import type { Language } from '#shared/domain/languages';
import { reissueMarker } from './document-parts';
import { date } from './format';
import { langAttrs } from './language';

/** One masthead line: marked with its own language where it is not the masthead's (English fallbacks). */
function line(t: MastheadText | undefined, m: { lang: Language }, cls?: string, content: Html = t?.text, itemprop?: string): Html {
  if (!t) return null;
  return html`<p${attr('class', cls)}${langAttrs(t.lang, m.lang)}${attr('itemprop', itemprop)}>${content}</p>`;
}

/**
 * The symbol; a version reissued for technical reasons prints it with `*` (`A/HRC/47/G/1*`), a
 * footnote reference: the identifier is the symbol without it.
 */
function symbolLine(symbol: string, lang: Language, reissued: boolean): SafeHtml {
  return reissued
    ? html`<p class="masthead-symbol" dir="ltr"><span itemprop="identifier">${symbol}</span>${reissueMarker(lang)}</p>`
    : html`<p class="masthead-symbol" dir="ltr" itemprop="identifier">${symbol}</p>`;
}

/**
 * Page one's masthead as the version in `lang` prints it, inside a page in `pageLang`. The page of
 * all versions prints the English wording without the line naming a version: it is none of them.
 * `reissued`: the version was reissued for technical reasons (its symbol marked `*`).
 * The wording is the domain's (functions/shared/domain/document.ts); this is only its markup.
 */
export function mastheadHeader(doc: DocumentRecord, lang: Language, pageLang: Language, opts: { versionLine: boolean; reissued?: boolean }): SafeHtml {
  const m = localizedMasthead(doc, lang);
  return html`<header class="masthead"${langAttrs(lang, pageLang)}>
<div class="masthead-top">
${line(m.unitedNations, m, 'masthead-un')}
${symbolLine(m.symbol, lang, opts.reissued === true)}
</div>
<div class="masthead-organ">
${line(m.organ, m, 'masthead-organ-name')}
<div class="masthead-distribution">
${line(m.distribution, m)}
${line(m.date, m, undefined, date(doc.mastheadDate, m.date.text, 'datePublished'))}
${opts.versionLine && line(m.version, m, 'version')}
${line(m.original, m, 'original')}
</div>
</div>
<div class="masthead-council">
${line(m.body, m, 'body-name')}
${line(m.session, m, 'session')}
${line(m.sessionDates, m, 'dates')}
${line(m.agendaItem, m, 'agenda-item')}
${line(m.agendaItemTitle, m, 'agenda-item-title')}
</div>
</header>`;
}
