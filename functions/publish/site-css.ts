import { PALETTE_CSS } from './palette';

/**
 * The site's one stylesheet, served at /assets/site.css (STYLESHEET_PATH). Sober and legible:
 * system serif for the documents, system sans-serif for navigation, in the colours of palette.ts.
 * Sides are logical (start, end, inline), so a right-to-left page (the Arabic version) mirrors as
 * printed.
 */
export const SITE_CSS = `${PALETTE_CSS}*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--paper);
  color: var(--ink);
  font-family: var(--sans);
  font-size: 1rem;
  line-height: 1.5;
  overflow-wrap: break-word;
}
a { color: var(--link); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
main:focus { outline: none; }
[hidden] { display: none !important; }

.visually-hidden {
  position: absolute !important;
  width: 1px; height: 1px;
  margin: -1px; padding: 0;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
  border: 0;
}
.skip-link {
  position: absolute;
  inset-inline-start: 0.5rem; top: -4rem;
  z-index: 10;
  padding: 0.5rem 1rem;
  background: var(--paper);
  color: var(--link);
  font-weight: 600;
}
.skip-link:focus { top: 0.5rem; }

.wrap { max-width: 64rem; margin: 0 auto; padding: 0 1.25rem; }
.wrap-narrow { max-width: 48rem; }

.site-header { background: var(--header); color: var(--on-dark); }
.site-header .wrap {
  display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: 0.25rem 1.5rem;
  padding-top: 0.85rem; padding-bottom: 0.85rem;
}
.site-name { color: var(--on-dark); font-weight: 600; text-decoration: none; font-size: 1.05rem; }
.site-name:hover { text-decoration: underline; }
.site-nav a { color: var(--on-dark); text-underline-offset: 0.2em; }
.site-nav a[aria-current="page"] { font-weight: 600; text-decoration-thickness: 2px; }
.site-header :focus-visible { outline-color: var(--focus-on-dark); }

.breadcrumb { border-bottom: 1px solid var(--faint); font-size: 0.9rem; }
.breadcrumb ol { list-style: none; margin: 0; padding: 0.6rem 0; display: flex; flex-wrap: wrap; gap: 0.25rem; }
.breadcrumb li + li::before { content: "/"; color: var(--muted); margin-inline-end: 0.25rem; }
.breadcrumb [aria-current] { color: var(--muted); }

main { display: block; padding: 2rem 0 3rem; }
h1, h2, h3 { line-height: 1.25; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 0.75rem; }
h3 { font-size: 1.1rem; margin: 2rem 0 0.5rem; }
p { margin: 0 0 1rem; }
.lead { font-size: 1.1rem; max-width: 40rem; }
.muted { color: var(--muted); }
.nowrap { white-space: nowrap; }

/* The document page: laid out as the UN prints page one. */
.document { font-family: var(--serif); font-size: 1.0625rem; }
.masthead p { margin: 0; }
.masthead-top {
  display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: 0.5rem 1.5rem;
  border-bottom: 1px solid var(--ink);
  padding-bottom: 0.35rem;
}
.masthead-un { font-family: var(--sans); font-size: 0.95rem; }
.masthead-symbol { font-family: var(--sans); font-size: 1.75rem; font-weight: 700; letter-spacing: 0.01em; margin-inline-start: auto; }
.masthead-organ {
  display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.75rem 1.5rem;
  border-bottom: 4px solid var(--ink);
  padding: 0.75rem 0;
}
.masthead-organ-name { font-family: var(--sans); font-size: 1.9rem; font-weight: 700; line-height: 1.15; }
.masthead-distribution { font-family: var(--sans); font-size: 0.95rem; min-width: 11rem; }
.masthead-distribution .original { margin-top: 0.75rem; }
.masthead-council { padding: 1rem 0 0; }
.masthead-council .body-name { font-weight: 700; font-size: 1.15rem; }
.masthead-council .session { font-weight: 700; }
.masthead-council .agenda-item { margin-top: 0.5rem; }
.masthead-council .agenda-item-title { font-weight: 700; max-width: 28rem; }
.document-title { font-size: 1.45rem; font-weight: 700; margin: 2rem 0 1.5rem; max-width: 38rem; }
/* In a right-to-left version, an English line of the council block keeps its direction but stays
   on the masthead's side, and an English title runs the full width, like the particulars under it. */
[dir="rtl"] .masthead-council [dir="ltr"] { text-align: right; }
[dir="rtl"] .document-title { max-width: none; }

.particulars {
  display: grid; grid-template-columns: max-content 1fr; gap: 0.4rem 1.25rem;
  margin: 0 0 2rem; padding: 1rem 1.25rem;
  background: var(--band); border-inline-start: 4px solid var(--rule);
}
.particulars dt { font-family: var(--sans); font-weight: 600; font-size: 0.9rem; padding-top: 0.1rem; }
.particulars dd { margin: 0; }
@media (max-width: 30rem) {
  .particulars { grid-template-columns: 1fr; gap: 0 0; }
  .particulars dd { margin-bottom: 0.6rem; }
}

.part { margin-top: 2.5rem; }
.part h3 { font-family: var(--serif); border-bottom: 1px solid var(--faint); padding-bottom: 0.3rem; }
.fn-ref { text-decoration: none; font-weight: 700; padding: 0 0.15em; }
.fn-ref:hover { text-decoration: underline; }

table { border-collapse: collapse; width: 100%; font-family: var(--sans); font-size: 0.95rem; }
caption { text-align: start; font-weight: 600; padding: 0 0 0.5rem; }
th, td { text-align: start; vertical-align: top; padding-block: 0.5rem; padding-inline: 0 0.75rem; border-bottom: 1px solid var(--faint); }
thead th { border-bottom: 2px solid var(--rule); font-weight: 600; }
tbody th { font-weight: 600; }
.listing { margin: 0 0 1.5rem; }
.listing .symbol, .listing .dated { white-space: nowrap; }
.listing .symbol { font-weight: 600; }
/* On a phone, each document is a block: its symbol, title, sender and date one under another. */
@media (max-width: 40rem) {
  .listing thead {
    position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0;
    overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
  }
  .listing, .listing tbody, .listing tr, .listing th, .listing td { display: block; }
  .listing tr { padding: 0.75rem 0; border-bottom: 1px solid var(--faint); }
  .listing th, .listing td { border: 0; padding: 0; }
  .listing .title { margin: 0.15rem 0; }
  .listing .sender, .listing .dated { color: var(--muted); font-size: 0.9rem; }
}
.status-reproduced-as-received, .status-pending, .status-not-issued { color: var(--muted); }
.versions td a { overflow-wrap: anywhere; }
.file-meta { color: var(--muted); white-space: nowrap; }

.footnotes { margin-top: 3rem; padding-top: 0.75rem; border-top: 1px solid var(--ink); max-width: 20rem; font-size: 0.95rem; }
.footnotes p { margin: 0; }
.document-footer { margin-top: 2rem; font-family: var(--sans); font-size: 0.9rem; }
.document-footer .job-number { margin: 0 0 0.5rem; font-weight: 600; }
.document-footer dl { display: grid; grid-template-columns: max-content max-content; gap: 0.1rem 1rem; margin: 0.5rem 0 0; }
.document-footer dd { margin: 0; }
.footnotes .backrefs { font-family: var(--sans); font-size: 0.85rem; }

/* A language version: what each part is in that language. */
.version-status { margin: 0 0 0.5rem; font-family: var(--sans); font-size: 0.95rem; }
.version-status.status-pending, .version-status.status-reproduced-as-received, .version-status.status-not-issued { color: var(--muted); }
.version-files { font-family: var(--sans); font-size: 0.95rem; margin: 0 0 0.5rem; }
.version-files a { overflow-wrap: anywhere; }
/* A part's text, as its file gives it: read on the page, in the document's typeface. */
.part-text { margin: 1rem 0 0; max-width: 42rem; overflow-wrap: anywhere; }
.part-text p { margin: 0 0 0.9rem; }
.text-notice { margin: 0.75rem 0 0; font-family: var(--sans); font-size: 0.95rem; color: var(--muted); }
.text-notice a { overflow-wrap: anywhere; }
/* The issued PDF: the one download a reader needs, so it stands out. */
.issued-pdf { margin: 0 0 1.5rem; font-family: var(--sans); }
.issued-pdf a {
  display: inline-block; padding: 0.55rem 1rem; border: 2px solid var(--link); border-radius: 3px;
  font-weight: 600; text-decoration: none;
}
.issued-pdf a:hover { text-decoration: underline; }
.issued-pdfs { font-family: var(--sans); margin: 0 0 1.5rem; }
.issued-pdfs h2 { font-size: 1rem; margin: 0 0 0.4rem; }
.issued-pdfs ul { list-style: none; margin: 0; padding: 0; }
.issued-pdfs li { margin: 0 0 0.3rem; }
.document-footer p { margin: 0 0 0.5rem; }

.language-versions { font-family: var(--sans); margin: 0 0 1.5rem; }
.language-versions h2 { font-size: 1rem; margin: 0 0 0.4rem; }
.language-versions ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.35rem 0.5rem; }
.language-versions a {
  display: inline-block; min-width: 2.75rem; padding: 0.3rem 0.7rem; text-align: center;
  border: 1px solid var(--rule); border-radius: 3px; text-decoration: none;
}
.language-versions a:hover { text-decoration: underline; }
.language-versions a[aria-current="page"] { background: var(--header); border-color: var(--header); color: var(--on-dark); font-weight: 600; }
/* On the page of all versions: the versions reissued for technical reasons, as a plain list under the links. */
.language-versions ul.reissued-versions { display: block; margin: 0.5rem 0 0; font-size: 0.95rem; }

.related { margin-top: 2.5rem; font-family: var(--sans); font-size: 0.95rem; }
.related ul { padding-inline-start: 1.25rem; }
.related li { margin-bottom: 0.4rem; }
.related .relation { font-weight: 600; }
.notice, .suggestion {
  margin: 0 0 1.5rem; padding: 0.75rem 1rem;
  background: var(--band); border-inline-start: 4px solid var(--header);
  font-family: var(--sans);
}
.notice.superseded { font-size: 1.1rem; }
.designation { margin: 0 0 1rem; text-align: center; font-weight: 600; }
.notice p, .suggestion p { margin: 0; }
.notice p + p, .suggestion p + p { margin-top: 0.5rem; }

/* Search: the form (home, search and 404 pages) and the results. */
.search-form { margin: 1.5rem 0 1rem; max-width: 40rem; }
.search-form label { display: block; font-weight: 600; margin-bottom: 0.35rem; }
.search-row { display: flex; gap: 0.5rem; }
.search-row input {
  flex: 1; min-width: 0; font: inherit; padding: 0.5rem 0.65rem;
  border: 2px solid var(--muted); border-radius: 3px; background: var(--paper); color: var(--ink);
}
.search-row button {
  font: inherit; font-weight: 600; padding: 0.5rem 1.1rem; cursor: pointer;
  border: 2px solid var(--link); border-radius: 3px; background: var(--link); color: var(--on-dark);
}
.search-row button:hover { background: var(--header); border-color: var(--header); }
.search-hint { color: var(--muted); font-size: 0.95rem; }
.search-status { font-weight: 600; min-height: 1.5em; }
.results { list-style: none; margin: 0; padding: 0; }
.result { padding: 0.85rem 0; border-bottom: 1px solid var(--faint); }
.result p { margin: 0; }
.result-symbol { font-weight: 700; }
.result-title { margin-top: 0.2rem !important; font-family: var(--serif); font-size: 1.05rem; }
.result-meta, .result-session { color: var(--muted); font-size: 0.95rem; }
/* Where a result's text matched: the words around it, the matched ones marked. */
.result-snippet { margin-top: 0.3rem !important; font-size: 0.95rem; }
.result-snippet .snippet-text { font-family: var(--serif); overflow-wrap: anywhere; }
mark { background: var(--focus-on-dark); color: var(--ink); padding: 0 0.1em; }
.data-links { margin-top: 2rem; font-size: 0.95rem; }
code { font-size: 0.95em; overflow-wrap: anywhere; }

.session-dates { font-size: 1.1rem; color: var(--muted); margin-top: -0.5rem; }
.sessions { list-style: none; padding: 0; margin: 0 0 2rem; }
.sessions li { padding: 0.6rem 0; border-bottom: 1px solid var(--faint); }
.sessions a { font-weight: 600; }
.sessions .muted { display: block; font-size: 0.95rem; }

.site-footer { border-top: 1px solid var(--faint); background: var(--band); font-size: 0.9rem; color: var(--muted); }
.site-footer .wrap { padding-top: 1.25rem; padding-bottom: 1.25rem; }
.site-footer p { margin: 0; }
.site-footer p + p { margin-top: 0.35rem; }
.site-footer a { color: var(--link); }

@media (min-width: 48rem) {
  .masthead-symbol { font-size: 2rem; }
  .document-title { font-size: 1.6rem; }
}

@media print {
  .skip-link, .site-header, .breadcrumb, .site-footer, .footnotes .backrefs, .language-versions, .search-form { display: none; }
  body { font-size: 11pt; }
  main { padding: 0; }
  .wrap { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .part a[href]::after { content: " (" attr(href) ")"; font-size: 0.85em; }
  .particulars { background: none; border-inline-start: 0; padding: 0; }
  /* A part with its text runs over pages; one without stays whole. */
  .part:not(:has(.part-text)), table, tr { break-inside: avoid; }
  .part h3 { break-after: avoid; }
  .issued-pdf a { border: 0; padding: 0; }
}
`;
