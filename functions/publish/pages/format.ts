import { attr, html, type SafeHtml } from '../html';
import { formatDate } from '#shared/domain/dates';

/** How dates and counts read on a page. */

export function date(iso: string, text = formatDate(iso), itemprop?: string): SafeHtml {
  return html`<time datetime="${iso}"${attr('itemprop', itemprop)}>${text}</time>`;
}

export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
