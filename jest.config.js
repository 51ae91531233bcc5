/**
 * jest, in ESM (middy 7 ships ESM only): run with NODE_OPTIONS=--experimental-vm-modules (scripts/test.sh
 * sets it); TypeScript is stripped by @swc/jest, type-checking is tsc's job.
 * Two projects: `unit` (logic, template, state machine; no stack) and `e2e` (flows a user follows, each
 * file against an embedded stack started in a child process, as `npm start` would).
 */
const transform = {
  '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2023', experimental: { keepImportAttributes: true } }, module: { type: 'es6' } }],
};
const common = { transform, extensionsToTreatAsEsm: ['.ts'], testEnvironment: '<rootDir>/test/support/jest-environment.js' };

export default {
  // jest's summary, then one plain `N passed, N failed` line (test/support/summary-reporter.js) for CI.
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  // A worker per core: measured on 2 cores, e2e files (mostly waiting on their stack) take 74 s with
  // 2 workers against 136 s with 1 and 85 s with 3; unit files 17 s against 28 s.
  maxWorkers: '100%',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/{unit,infra,state-machines}/**/*.test.ts'], setupFilesAfterEnv: ['<rootDir>/test/support/setup-unit.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'], setupFilesAfterEnv: ['<rootDir>/test/support/setup-e2e.ts'] },
  ],
};
