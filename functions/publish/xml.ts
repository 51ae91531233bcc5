/**
 * A tiny XML writer for the feeds and sitemaps. Element and attribute names come from code and are
 * checked; every text and attribute value is escaped, and characters XML 1.0 cannot carry (lone
 * surrogates, U+FFFE…) become U+FFFD, so no submitted string can make a document ill-formed.
 */

const NAME = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?$/;
// Everything outside XML 1.0's Char production (with `u`, a lone surrogate is one code point).
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(value: string): string {
  return value.replace(NOT_XML_CHAR, '\uFFFD').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Markup made by `el`: the only value inserted unescaped. */
export class XmlElement {
  readonly #markup: string;
  private constructor(markup: string) {
    this.#markup = markup;
  }
  static of(markup: string, token: typeof BUILDER): XmlElement {
    if (token !== BUILDER) throw new TypeError('XmlElement is made only by el()');
    return new XmlElement(markup);
  }
  toString(): string {
    return this.#markup;
  }
}

const BUILDER = Symbol('xml');

/** `null`, `undefined` and `false` render nothing, for `cond && el(…)`. */
export type XmlChild = XmlElement | string | number | null | undefined | false | readonly XmlChild[];

function flatten(children: readonly XmlChild[]): (XmlElement | string)[] {
  return children.flatMap((c): (XmlElement | string)[] => {
    if (c === null || c === undefined || c === false) return [];
    if (Array.isArray(c)) return flatten(c as readonly XmlChild[]);
    return [typeof c === 'number' ? String(c) : (c as XmlElement | string)];
  });
}

function checkName(name: string): void {
  if (!NAME.test(name)) throw new TypeError(`xml: invalid name "${name}"`);
}

/** An element; attributes whose value is undefined are left out. Element children go one per line. */
export function el(name: string, attributes: Record<string, string | number | undefined> = {}, ...children: XmlChild[]): XmlElement {
  checkName(name);
  const attrs = Object.entries(attributes).flatMap(([key, value]) => {
    checkName(key);
    return value === undefined ? [] : [` ${key}="${escapeXml(String(value))}"`];
  }).join('');
  const parts = flatten(children);
  if (parts.length === 0) return XmlElement.of(`<${name}${attrs}/>`, BUILDER);
  const onePerLine = parts.some((p) => p instanceof XmlElement);
  const inner = parts.map((p) => (p instanceof XmlElement ? p.toString() : escapeXml(p))).join(onePerLine ? '\n' : '');
  return XmlElement.of(onePerLine ? `<${name}${attrs}>\n${inner}\n</${name}>` : `<${name}${attrs}>${inner}</${name}>`, BUILDER);
}

export function xmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${root.toString()}\n`;
}
