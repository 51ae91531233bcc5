import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The staff upload page as site-bucket objects under `staff/`: its HTML and CSS as written, and its
 * script bundled by esbuild (with zod and the submission schema, so the browser checks what the API
 * checks). Used by the embedded stack at start; the CDK app can deploy the same objects.
 */
export interface SiteAsset { key: string; body: string | Uint8Array; contentType: string }

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const STAFF = join(ROOT, 'web/staff');

export async function buildStaffAssets(): Promise<SiteAsset[]> {
  const [html, css, bundle] = await Promise.all([
    readFile(join(STAFF, 'index.html'), 'utf8'),
    readFile(join(STAFF, 'staff.css'), 'utf8'),
    build({
      entryPoints: [join(STAFF, 'app.ts')],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      target: ['es2022'],
      minify: true,
      sourcemap: false,
      legalComments: 'none',
      logLevel: 'silent',
    }),
  ]);
  const script = bundle.outputFiles[0];
  if (!script) throw new Error('esbuild produced no staff/app.js');
  return [
    { key: 'staff/index.html', body: html, contentType: 'text/html; charset=utf-8' },
    { key: 'staff/app.js', body: script.contents, contentType: 'text/javascript; charset=utf-8' },
    { key: 'staff/staff.css', body: css, contentType: 'text/css; charset=utf-8' },
  ];
}
