/**
 * Which request paths may name an object. s3rver keeps keys as file paths under its folder, so a
 * `..` segment, an encoded separator or a NUL would reach outside the bucket (docs/toolchain.md):
 * whatever fronts it — the site gateway, the S3 emulator's guard — refuses them before any lookup.
 * Checked on the raw request target: `new URL()` would already have resolved `/%2e%2e/`.
 */
export type PathCheck = { ok: true; key: string } | { ok: false; message: string };

// C0 controls and DEL: never in a key the stack writes, and NUL ends a path in the filesystem.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

const refuse = (message: string): PathCheck => ({ ok: false, message });

/**
 * `rawPath` is the path part of the request target as sent (no query). The key is what follows
 * the leading `/`, decoded. `allowPercent`: whether a decoded key may contain `%` (S3 keys may;
 * the site's never do, so there a `%` after decoding means the path was encoded twice).
 */
export function checkObjectPath(rawPath: string, { allowPercent = false }: { allowPercent?: boolean } = {}): PathCheck {
  if (!rawPath.startsWith('/')) return refuse('The path must start with /');
  if (rawPath.includes('\\') || /%5c/i.test(rawPath)) return refuse('The path must not contain a backslash');
  if (/%2f/i.test(rawPath)) return refuse('The path must not contain an encoded slash (%2F)');
  if (CONTROL.test(rawPath)) return refuse('The path must not contain control characters');
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return refuse('The path is not valid percent-encoded UTF-8');
  }
  if (CONTROL.test(decoded)) return refuse('The path must not contain control characters (%00–%1F, %7F)');
  if (!allowPercent && decoded.includes('%')) return refuse('The path must not be percent-encoded twice');
  const key = decoded.slice(1);
  if (key.split('/').some((segment) => segment === '..' || segment === '.')) return refuse('The path must not contain . or .. segments');
  return { ok: true, key };
}

/** The path and query of a request target, split without decoding. */
export function splitTarget(target: string): { rawPath: string; rawQuery: string } {
  const at = target.indexOf('?');
  return at < 0 ? { rawPath: target, rawQuery: '' } : { rawPath: target.slice(0, at), rawQuery: target.slice(at + 1) };
}
