/**
 * The colours and typefaces of the public site and the staff page, as CSS custom properties, set
 * only here: site-css.ts starts with them, and infra/web-assets.ts puts them before
 * web/staff/staff.css. Text, borders and the focus ring meet WCAG AA contrast on their
 * backgrounds (text ≥ 7:1, focus ring 5.5:1); `on-dark` and `focus-on-dark` are for the header
 * band and filled buttons.
 */
export const PALETTE = {
  ink: '#1b1b1b',
  muted: '#4a4a4a',
  rule: '#767676',
  faint: '#d6d9dc',
  paper: '#ffffff',
  band: '#f4f6f8',
  link: '#0b4f8a',
  header: '#1a3a5c',
  'header-hover': '#0f2740',
  'on-dark': '#ffffff',
  focus: '#b34700',
  'focus-on-dark': '#ffd166',
  error: '#b01c1c',
  'error-band': '#fbeaea',
  done: '#1e6b34',
  'done-band': '#e7f3ea',
} as const;

export const TYPEFACES = {
  serif: 'ui-serif, Georgia, Cambria, "Times New Roman", Times, serif',
  sans: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
} as const;

const properties = (values: Record<string, string>) => Object.entries(values).map(([name, value]) => `  --${name}: ${value};\n`).join('');

/** The `:root` rule both stylesheets begin with. */
export const PALETTE_CSS = `:root {\n${properties(PALETTE)}${properties(TYPEFACES)}  color-scheme: light;\n}\n`;
