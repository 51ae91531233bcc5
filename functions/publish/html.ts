import escapeHtml from 'escape-html';

/**
 * Markup that escapes by default: `html` and `attr` are the only ways to make trusted markup, and
 * each template's static text is read once to know where each value lands (text, quoted attribute
 * value, inside a tag), so a value can only be escaped or refused, never slip through raw.
 */

// Unexported: only this module can make trusted values, even past a cast.
const TRUSTED = Symbol('trusted');

class SafeHtml {
  readonly #html: string;
  constructor(token: typeof TRUSTED, markup: string) {
    if (token !== TRUSTED) throw new TypeError('SafeHtml is made only by the html`` template');
    this.#html = markup;
  }
  toString(): string {
    return this.#html;
  }
}

/** One attribute, ready to go inside a tag: ` name="value"` (or nothing). */
class SafeAttr {
  readonly #html: string;
  constructor(token: typeof TRUSTED, markup: string) {
    if (token !== TRUSTED) throw new TypeError('SafeAttr is made only by attr()');
    this.#html = markup;
  }
  toString(): string {
    return this.#html;
  }
}

// Types only: no code outside this module can construct either.
export type { SafeHtml, SafeAttr };

export function isSafeHtml(value: unknown): value is SafeHtml {
  return value instanceof SafeHtml;
}

/** What a template accepts. `null`, `undefined` and `false` render nothing (for `cond && html`…``). */
export type Html = SafeHtml | string | number | null | undefined | false | readonly Html[];
export type Interpolation = Html | SafeAttr | readonly SafeAttr[];

type Hole = { in: 'text' } | { in: 'tag' } | { in: 'attr'; name: string; atStart: boolean };

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'cite', 'data', 'xlink:href']);
const RAW_TEXT = new Set(['script', 'style']);

function checkAttributeName(name: string): void {
  if (!/^[a-z][a-z0-9_:.-]*$/i.test(name)) throw new TypeError(`html: invalid attribute name "${name}"`);
  if (/^on/i.test(name) || name.toLowerCase() === 'style') {
    throw new TypeError(`html: attribute "${name}" is not allowed (no inline script or style)`);
  }
}

/** Only http(s), mailto and scheme-less (relative) URLs: no javascript:, data:, vbscript:… */
function checkUrl(url: string): void {
  // Browsers drop tabs and newlines anywhere and leading spaces/controls before reading a scheme.
  // eslint-disable-next-line no-control-regex
  const seen = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(seen)?.[1]?.toLowerCase();
  if (scheme !== undefined && !['http', 'https', 'mailto'].includes(scheme)) {
    throw new TypeError(`html: URL scheme "${scheme}:" is not allowed`);
  }
}

const shapes = new WeakMap<TemplateStringsArray, Hole[]>();

/** Where each value of a template lands. A template must end outside any tag. */
function holesOf(strings: TemplateStringsArray): Hole[] {
  const known = shapes.get(strings);
  if (known) return known;
  let state: 'text' | 'tag' | 'attr' | 'raw' | 'comment' = 'text';
  let quote = '';
  let name = '';
  let tag = '';
  let closing = false;
  let atStart = false;
  const holes: Hole[] = [];
  strings.forEach((chunk, i) => {
    for (let j = 0; j < chunk.length; j++) {
      const c = chunk[j]!;
      if (state === 'text') {
        const open = c === '<' ? /^<(\/?)([a-z][a-z0-9-]*|!)/i.exec(chunk.slice(j)) : null;
        if (chunk.startsWith('<!--', j)) {
          state = 'comment';
          j += 3;
        } else if (open) {
          state = 'tag';
          closing = open[1] === '/';
          tag = open[2]!.toLowerCase();
        }
      } else if (state === 'tag') {
        if (c === '>') state = !closing && RAW_TEXT.has(tag) ? 'raw' : 'text';
        else if (c === '=') {
          name = /([^\s"'<>/=]+)\s*$/.exec(chunk.slice(0, j))?.[1] ?? '';
          checkAttributeName(name);
        } else if (c === '"' || c === "'") {
          state = 'attr';
          quote = c;
          atStart = true;
        }
      } else if (state === 'attr') {
        if (c === quote) state = 'tag';
        else atStart = false;
      } else if (state === 'comment') {
        if (chunk.startsWith('-->', j)) {
          state = 'text';
          j += 2;
        }
      } else if (chunk.slice(j, j + tag.length + 2).toLowerCase() === `</${tag}`) {
        state = 'tag';
        closing = true;
      }
    }
    if (i === strings.length - 1) return;
    if (state === 'text') {
      if (/<\/?$/.test(chunk)) throw new SyntaxError('html: tag names must be static');
      holes.push({ in: 'text' });
    } else if (state === 'attr') {
      holes.push({ in: 'attr', name: name.toLowerCase(), atStart });
      atStart = false;
    } else if (state === 'tag') {
      if (/=\s*$/.test(chunk)) throw new SyntaxError('html: quote attribute values: name="${value}"');
      holes.push({ in: 'tag' });
    } else throw new SyntaxError(state === 'comment' ? 'html: no values inside comments' : `html: no values inside <${tag}>`);
  });
  if (state !== 'text') throw new SyntaxError('html: a template must not end inside a tag, a comment or <script>/<style>');
  shapes.set(strings, holes);
  return holes;
}

function text(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.toString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return escapeHtml(String(value));
  if (Array.isArray(value)) return value.map(text).join('');
  throw new TypeError(`html: cannot put ${value instanceof SafeAttr ? 'an attribute' : typeof value} in text`);
}

function attributeValue(hole: Extract<Hole, { in: 'attr' }>, value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new TypeError(`html: the value of attribute "${hole.name}" must be a string or a number`);
  }
  if (hole.atStart && URL_ATTRIBUTES.has(hole.name)) checkUrl(String(value));
  return escapeHtml(String(value));
}

function inTag(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeAttr) return value.toString();
  if (Array.isArray(value)) return value.map(inTag).join('');
  throw new TypeError('html: only attr(…) can go inside a tag');
}

export function html(strings: TemplateStringsArray, ...values: readonly Interpolation[]): SafeHtml {
  const holes = holesOf(strings);
  let out = strings[0]!;
  values.forEach((value, i) => {
    const hole = holes[i]!;
    out += hole.in === 'text' ? text(value) : hole.in === 'tag' ? inTag(value) : attributeValue(hole, value);
    out += strings[i + 1]!;
  });
  return new SafeHtml(TRUSTED, out);
}

/**
 * An attribute to put inside a tag: `<a ${attr('aria-current', here && 'page')}>`. `true` gives a
 * boolean attribute; `false`, `null` and `undefined` give nothing.
 */
export function attr(name: string, value: string | number | boolean | null | undefined): SafeAttr {
  checkAttributeName(name);
  if (value === false || value === null || value === undefined) return new SafeAttr(TRUSTED, '');
  if (value === true) return new SafeAttr(TRUSTED, ` ${name}`);
  if (URL_ATTRIBUTES.has(name.toLowerCase())) checkUrl(String(value));
  return new SafeAttr(TRUSTED, ` ${name}="${escapeHtml(String(value))}"`);
}

/** The finished document, with its doctype. */
export function renderDocument(root: SafeHtml): string {
  return `<!doctype html>\n${root.toString()}\n`;
}
