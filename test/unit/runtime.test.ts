import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';

/** The project's scripts run on the Node.js major the Lambdas run (nodejs22.x), whatever the machine's own Node is. */
describe('the Node.js the project runs on', () => {
  const lambdaRuntime = /Runtime\.NODEJS_(\d+)_X/.exec(readFileSync('infra/constructs/circulate-function.ts', 'utf8'))?.[1];

  it('is the major of the Lambda runtime', () => {
    expect(lambdaRuntime).toBe('22');
    expect(process.version).toMatch(new RegExp(`^v${lambdaRuntime}\\.`));
  });

  it('is the one the package brings as a dev dependency', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string>; engines: Record<string, string> };
    expect(pkg.devDependencies.node).toMatch(new RegExp(`^${lambdaRuntime}\\.`));
    expect(pkg.engines.node).toBe(`>=${lambdaRuntime}`);
    expect(process.execPath).toContain('node_modules');
  });
});
