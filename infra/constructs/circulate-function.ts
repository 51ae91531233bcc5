import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { ALL_FUNCTIONS } from '../functions';

/** The repository root: entries, the lock file and the ASL files are found from here, not from the cwd. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const LOG_RETENTION = RetentionDays.THREE_MONTHS;

export interface CirculateFunctionProps {
  /** One of `ALL_FUNCTIONS`; the code is `functions/<name>/handler.ts`. */
  readonly name: string;
  readonly environment?: Record<string, string>;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default 30 seconds */
  readonly timeout?: Duration;
  /**
   * Packages installed beside the bundle instead of bundled (a native module), and files copied
   * into it (`[from, to]`: absolute path on the synthesizing machine → path in the bundle). A
   * native module is installed for the synthesizing machine's platform, so such a function runs
   * on that architecture (x86_64 here).
   */
  readonly native?: { nodeModules: string[]; copy: readonly (readonly [string, string])[] };
}

/** esbuild's ESM output has no `require`; CommonJS dependencies bundled into it need one. */
const REQUIRE_BANNER =
  "import { createRequire as __circulateCreateRequire } from 'node:module'; const require = __circulateCreateRequire(import.meta.url);";

/** A Circulate Lambda with every house default; constructs only add access and environment. */
export class CirculateFunction extends NodejsFunction {
  readonly circulateName: string;

  constructor(scope: Construct, id: string, props: CirculateFunctionProps) {
    if (!ALL_FUNCTIONS.includes(props.name)) {
      throw new Error(`Unknown Circulate function "${props.name}": add it to infra/functions.ts first`);
    }
    // Created beside the function (not inside it) because it must exist before super() runs.
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: LOG_RETENTION });
    super(scope, id, {
      entry: join(PROJECT_ROOT, 'functions', props.name, 'handler.ts'),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      description: `Circulate ${props.name}`,
      runtime: Runtime.NODEJS_22_X,
      architecture: props.native ? Architecture.X86_64 : Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(30),
      tracing: Tracing.ACTIVE,
      logGroup,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        banner: REQUIRE_BANNER,
        minify: true,
        // Error names are what Step Functions' Retry/Catch match: keep them through minification.
        keepNames: true,
        sourceMap: true,
        sourcesContent: false,
        // Provided by the nodejs22.x runtime.
        externalModules: ['@aws-sdk/*'],
        ...(props.native ? {
          nodeModules: props.native.nodeModules,
          commandHooks: {
            beforeBundling: () => [],
            beforeInstall: () => [],
            afterBundling: (_input: string, output: string) =>
              props.native!.copy.map(([from, to]) => `mkdir -p "$(dirname "${join(output, to)}")" && cp "${from}" "${join(output, to)}"`),
          },
        } : {}),
      },
    });
    this.circulateName = props.name;
  }
}
