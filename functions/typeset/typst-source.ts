/**
 * The issued PDF's layout, in Typst (https://typst.app/docs): page one as the UN prints it — the
 * masthead (United Nations and the symbol; the organ and the distribution block; the body, session,
 * dates, agenda item and its title), the title, the text, the footnotes, the job number at the foot —
 * then the annexes. All text comes from `/data.json` (typesetter.ts) as strings, which Typst sets as
 * text: nothing a submitter wrote is ever read as Typst markup.
 */
export const TYPST_SOURCE = String.raw`
#let d = json("/data.json")
#let dir-of(s) = if s == "rtl" { rtl } else { ltr }
#set document(title: d.meta.title, author: d.meta.author, description: d.meta.description, keywords: d.meta.keywords)
#set text(font: d.fonts, size: 10pt, lang: d.lang, dir: dir-of(d.dir), hyphenate: false)
#set par(justify: true, spacing: 0.9em, leading: 0.6em)
#set footnote(numbering: n => "*" * n)
#set footnote.entry(separator: line(length: 20%, stroke: 0.5pt), indent: 0pt)
#set page(
  paper: "a4",
  margin: (top: 2cm, bottom: 2.4cm, x: 2.2cm),
  footer: context if here().page() == 1 {
    set text(size: 8pt)
    text(dir: ltr, d.jobNumber)
  },
)
#let m = d.masthead
#let symbol = if d.reissueFootnote != none [#m.symbol#footnote(d.reissueFootnote)] else [#m.symbol]

#grid(
  columns: (1fr, auto),
  align: (start + bottom, end + bottom),
  text(size: 11pt, weight: "bold", m.unitedNations),
  text(size: 15pt, dir: ltr, symbol),
)
#v(-0.4em)
#line(length: 100%, stroke: 0.6pt)
#grid(
  columns: (1fr, 5.5cm),
  column-gutter: 1em,
  text(size: 17pt, weight: "bold", m.organ),
  {
    set par(justify: false, spacing: 0.35em)
    m.distribution
    parbreak()
    m.date
    parbreak()
    v(0.4em)
    if m.version != none { m.version; parbreak() }
    m.original
  },
)
#v(0.2em)
#line(length: 100%, stroke: 2pt)
#{
  set par(justify: false, spacing: 0.35em)
  text(weight: "bold", m.body)
  parbreak()
  m.session
  parbreak()
  if m.sessionDates != none { m.sessionDates; parbreak() }
  m.agendaItem
  parbreak()
  if m.agendaItemTitle != none { text(weight: "bold", m.agendaItemTitle) }
}
#v(1.6em)

#let indent = 1.9cm
#let paragraphs(ps) = for p in ps { par(p) }
#let embedded(part, first-height) = {
  for n in range(1, part.pages + 1) {
    if n == 1 {
      image(part.file, page: 1, height: first-height, fit: "contain")
    } else {
      pagebreak()
      image(part.file, page: n, width: 100%, height: 100%, fit: "contain")
    }
  }
}
#let marked(body, part, first) = {
  if part.footnote == none { body }
  else if first [#body#footnote(part.footnote) <reproduced>]
  else [#body#footnote(<reproduced>)]
}

#let first-reproduced = d.parts.position(p => p.footnote != none)
#for (i, part) in d.parts.enumerate() {
  let is-cover = part.part == "cover"
  if is-cover {
    pad(left: indent, text(size: 13pt, weight: "bold", lang: d.titleLang, d.title))
    v(0.8em)
  } else {
    pagebreak()
    pad(left: indent, text(size: 13pt, weight: "bold", lang: part.lang, dir: dir-of(part.dir),
      marked(part.heading.split("\n").join(linebreak()), part, i == first-reproduced)))
    v(0.8em)
  }
  let body = {
    set text(lang: part.lang, dir: dir-of(part.dir))
    if part.content == "pdf" { embedded(part, if is-cover { 55% } else { 82% }) }
    else if part.content == "text" { paragraphs(part.paragraphs) }
    else { emph(part.note) }
  }
  if is-cover and part.footnote != none { pad(left: indent, marked(body, part, i == first-reproduced)) }
  else if part.content == "pdf" { body }
  else { pad(left: indent, body) }
}
`;
