import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { PALETTE_CSS } from '../functions/publish/palette';
import {
  NOT_FOUND_SCRIPT_PATH, SEARCH_SCRIPT_PATH, STAFF_PAGE_PATH, STAFF_SCRIPT_PATH, STAFF_STYLESHEET_PATH,
} from '#shared/domain/site-paths';

/**
 * The site's static objects, for the site bucket: the staff page under `staff/` (its HTML
 * as written, its CSS after the site's palette, its script bundled by esbuild with zod and the
 * submission schema, so the browser checks what the API checks), and the public pages' scripts
 * under `assets/` (search, and the 404 page's suggestion), bundled from web/site. Used by the
 * embedded stack at start; the CDK app deploys the same objects.
 */
export interface SiteAsset { key: string; body: string | Uint8Array; contentType: string }

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const STAFF = join(ROOT, 'web/staff');
const SITE = join(ROOT, 'web/site');
const SCRIPT = 'text/javascript; charset=utf-8';

/** One browser module, bundled with what it imports. */
async function bundle(entry: string): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const script = result.outputFiles[0];
  if (!script) throw new Error(`esbuild produced nothing for ${entry}`);
  return script.contents;
}

/** web/staff/staff.css after the palette it uses (functions/publish/palette.ts), which it does not define. */
export async function staffStylesheet(): Promise<string> {
  return `${PALETTE_CSS}${await readFile(join(STAFF, 'staff.css'), 'utf8')}`;
}

export async function buildStaffAssets(): Promise<SiteAsset[]> {
  const [html, css, script] = await Promise.all([
    readFile(join(STAFF, 'index.html'), 'utf8'),
    staffStylesheet(),
    bundle(join(STAFF, 'app.ts')),
  ]);
  return [
    { key: STAFF_PAGE_PATH, body: html, contentType: 'text/html; charset=utf-8' },
    { key: STAFF_SCRIPT_PATH, body: script, contentType: SCRIPT },
    { key: STAFF_STYLESHEET_PATH, body: css, contentType: 'text/css; charset=utf-8' },
  ];
}

/** The public pages' scripts, at the keys the pages name (functions/shared/domain/site-paths.ts). */
export async function buildSiteAssets(): Promise<SiteAsset[]> {
  const [search, notFound] = await Promise.all([bundle(join(SITE, 'search.ts')), bundle(join(SITE, 'not-found.ts'))]);
  return [
    { key: SEARCH_SCRIPT_PATH, body: search, contentType: SCRIPT },
    { key: NOT_FOUND_SCRIPT_PATH, body: notFound, contentType: SCRIPT },
  ];
}

/** Everything above: what the embedded stack puts in the site bucket at start and CDK deploys. */
export async function buildWebAssets(): Promise<SiteAsset[]> {
  return (await Promise.all([buildStaffAssets(), buildSiteAssets()])).flat();
}
