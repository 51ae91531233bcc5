import { beforeAll, describe, expect, it } from '@jest/globals';
import { PALETTE, PALETTE_CSS, TYPEFACES } from '../../functions/publish/palette';
import { SITE_CSS } from '../../functions/publish/site-css';
import { staffStylesheet } from '../../infra/web-assets';

/** Custom properties a stylesheet defines (`--ink: …`) and uses (`var(--ink)`). */
const defined = (css: string) => [...css.matchAll(/(?<![\w(-])--([\w-]+)\s*:/g)].map((m) => m[1]);
const used = (css: string) => [...new Set([...css.matchAll(/var\(--([\w-]+)\)/g)].map((m) => m[1]))];
/** Colours written out in a declaration's value (not `#id` selectors): hexadecimal, or a colour function. */
const colours = (css: string) => [...css.matchAll(/:[^;{}]*?(#[0-9a-f]{3,8}\b|\b(?:rgb|hsl)a?\()/gi)].map((m) => m[1]);

describe('the palette', () => {
  const sheets: Record<string, string> = { site: SITE_CSS };
  beforeAll(async () => {
    sheets.staff = await staffStylesheet();
  });

  it('is one :root rule with every colour and typeface', () => {
    expect(PALETTE_CSS).toMatch(/^:root \{\n[\s\S]*\n\}\n$/);
    expect(defined(PALETTE_CSS)).toEqual([...Object.keys(PALETTE), ...Object.keys(TYPEFACES)]);
    expect(PALETTE_CSS).toContain('  --ink: #1b1b1b;\n');
  });

  it.each(['site', 'staff'])('starts the %s stylesheet, which defines no colour or property of its own', (name) => {
    const css = sheets[name]!;
    expect(css.startsWith(PALETTE_CSS)).toBe(true);
    const own = css.slice(PALETTE_CSS.length);
    expect(defined(own)).toEqual([]);
    expect(colours(own)).toEqual([]);
  });

  it.each(['site', 'staff'])('defines every property the %s stylesheet uses', (name) => {
    const known = defined(PALETTE_CSS);
    expect(used(sheets[name]!).filter((p) => !known.includes(p))).toEqual([]);
  });
});
