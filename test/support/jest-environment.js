import { TestEnvironment } from 'jest-environment-node';

/**
 * jest runs each test file in its own VM context, so errors thrown by Node's own modules (ENOENT from
 * fs, for one) are not `instanceof Error` in the test's realm, and code that checks them misbehaves
 * under test only. Sharing Node's Error constructors with the context makes such checks behave as in
 * a plain Node process.
 */
export default class CirculateEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of ['Error', 'TypeError', 'RangeError', 'SyntaxError']) this.global[name] = globalThis[name];
  }
}
