import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EmbeddedStack } from '../../infra/local/stack';
import type { WireFaultCounts } from '../../infra/local/wire-faults';
import type { Faults } from './faults';

/**
 * An embedded stack for an e2e test, started as a user starts it: in a child process of its own
 * (test/support/stack-process.ts), on free ports, with a temporary data folder. The test talks to it
 * over HTTP; `idle`, `close` and `kill` go over the IPC channel.
 */
export interface TestStackOptions {
  dataDir?: string;
  token?: string;
  ports?: { dynamodb?: number; s3?: number; sfn?: number };
  faults?: Faults;
  retryWaitMs?: number;
  uploadExpiryMs?: number;
  expirySweepMs?: number;
  maxRunningExecutions?: number;
  functionTimeoutMs?: number;
}

type Described = Omit<EmbeddedStack, 'idle' | 'close' | 'faultCounts'>;

export type TestStack = Described & {
  /** How many requests the emulator guards saw and how many each injected fault took. */
  faultCounts(): Promise<WireFaultCounts>;
  dataDir: string;
  /** The stack process's pid (to sample its memory, as `npm run bench` does). */
  pid: number;
  /** Resolves when no workflow execution and no receive is running in the stack. */
  idle(): Promise<void>;
  /** Stops the stack as Ctrl+C does; its data stays. */
  close(): Promise<void>;
  /** SIGKILL: the process dies wherever it is. */
  kill(): Promise<void>;
  /** close, then delete the data folder. */
  cleanup(): Promise<void>;
  /** The ports the emulators took, to start the stack again on the same data. */
  ports(): { dynamodb: number; s3: number; sfn: number };
};

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const ENTRY = join(ROOT, 'test/support/stack-process.ts');
const START_TIMEOUT_MS = 60_000;

type Reply =
  | { type: 'ready'; stack: Described }
  | { type: 'failed'; message: string }
  | { type: 'idle'; id: number }
  | { type: 'fault-counts'; id: number; counts: WireFaultCounts };

export async function startStackProcess(opts: TestStackOptions = {}): Promise<TestStack> {
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'circulate-e2e-')));
  const child = fork(ENTRY, [], {
    cwd: ROOT,
    // As `npm start` runs it (package.json): s3rver's list tokens need OpenSSL's legacy provider.
    execArgv: ['--openssl-legacy-provider', '--import', 'tsx', ...(process.env.CIRCULATE_PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir', process.env.CIRCULATE_PROF_DIR] : [])],
    env: { ...process.env, NODE_OPTIONS: '', CIRCULATE_TEST_STACK: JSON.stringify({ retryWaitMs: 10, ...opts, dataDir }) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const described = await ready(child);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let nextId = 0;
  const request = (message: object) => {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    child.send(message);
    return Promise.resolve();
  };
  /** Sends a question over the IPC channel and waits for the answer with its id. */
  const ask = <T extends 'idle' | 'fault-counts'>(type: T) => new Promise<Extract<Reply, { type: T }>>((resolveAnswer, reject) => {
    const id = nextId++;
    const onMessage = (m: Reply) => {
      if (m.type === type && 'id' in m && m.id === id) {
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolveAnswer(m as Extract<Reply, { type: T }>);
      }
    };
    const onExit = () => reject(new Error(`the embedded stack exited while a test waited for its answer to ${type}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send({ type, id });
  });
  const close = async () => {
    await request({ type: 'close' });
    await exited;
  };
  return {
    ...described,
    dataDir,
    pid: child.pid!,
    idle: async () => {
      await ask('idle');
    },
    faultCounts: async () => {
      const reply = await ask('fault-counts');
      return reply.counts;
    },
    close,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async cleanup() {
      await close();
      await rm(dataDir, { recursive: true, force: true });
    },
    ports: () => ({
      dynamodb: Number(new URL(described.endpoints.dynamodb).port),
      s3: Number(new URL(described.endpoints.s3).port),
      sfn: Number(new URL(described.endpoints.sfn).port),
    }),
  };
}

function ready(child: ChildProcess): Promise<Described> {
  return new Promise((resolveReady, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the embedded stack did not start within ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    child.once('message', (m: Reply) => {
      clearTimeout(timer);
      if (m.type === 'ready') resolveReady(m.stack);
      else reject(new Error(`the embedded stack failed to start: ${m.type === 'failed' ? m.message : JSON.stringify(m)}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the embedded stack exited before it was ready (${signal ?? `code ${code}`})`));
    });
  });
}
