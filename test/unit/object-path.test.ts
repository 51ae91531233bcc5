import { describe, expect, it } from '@jest/globals';
import { checkObjectPath, splitTarget } from '../../infra/local/object-path';

describe('which request paths may name an object', () => {
  it.each([
    ['/', ''],
    ['/A/HRC/47/G/1/index.html', 'A/HRC/47/G/1/index.html'],
    ['/staff/', 'staff/'],
    ['/A/HRC/47/G/1/cover.en.txt', 'A/HRC/47/G/1/cover.en.txt'],
    ['/search/caf%C3%A9', 'search/café'],
    ['/a%20b', 'a b'],
    ['/a..b/c.', 'a..b/c.'],
  ])('takes %s as the key %j', (path, key) => {
    expect(checkObjectPath(path)).toEqual({ ok: true, key });
  });

  it.each([
    ['/..%2Fcirculate-intake%2Fsubmissions%2Fx%2F1-cover.en', /encoded slash/],
    ['/%2e%2e/circulate-intake/submissions/x/1-cover.en', /\.\. segments/],
    ['/../circulate-intake/x', /\.\. segments/],
    ['/A/./B', /\.\. segments/],
    ['/a/%2E%2E', /\.\. segments/],
    ['/..%5Cx', /backslash/],
    ['/..\\x', /backslash/],
    ['/%252F', /twice/],
    ['/%252e%252e/x', /twice/],
    ['/%00', /control/],
    ['/a%0Ab', /control/],
    ['/a%7F', /control/],
    ['/%c0%ae%c0%ae/x', /UTF-8/],
    ['/%c0%af', /UTF-8/],
    ['/%e0%80%af', /UTF-8/],
    ['/%', /UTF-8/],
    ['/%zz', /UTF-8/],
    ['x', /start with/],
  ])('refuses %s', (path, message) => {
    const checked = checkObjectPath(path);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.message).toMatch(message);
  });

  it('lets S3 keys hold a % once decoded, and nothing else of the above', () => {
    expect(checkObjectPath('/circulate-intake/100%25', { allowPercent: true })).toEqual({ ok: true, key: 'circulate-intake/100%' });
    expect(checkObjectPath('/circulate-site/..%2F..%2Fx', { allowPercent: true }).ok).toBe(false);
    expect(checkObjectPath('/circulate-site/../../x', { allowPercent: true }).ok).toBe(false);
  });

  it('splits a request target without decoding it', () => {
    expect(splitTarget('/a%2Fb?x=%2F&y')).toEqual({ rawPath: '/a%2Fb', rawQuery: 'x=%2F&y' });
    expect(splitTarget('/a')).toEqual({ rawPath: '/a', rawQuery: '' });
  });
});
