import { z } from 'zod';
import { startEmbeddedStack } from '../../infra/local/stack';
import { Faults, faultsFrom } from './faults';

/**
 * An embedded stack in its own process, for the e2e tests (test/support/stack.ts starts it): the same
 * stack `npm start` runs, with the options a test gives in CIRCULATE_TEST_STACK. It tells its
 * parent its URLs over the IPC channel, answers `idle` when no work is running, and closes on `close`.
 */
const Options = z.object({
  dataDir: z.string(),
  token: z.string().optional(),
  ports: z.object({ dynamodb: z.number(), s3: z.number(), sfn: z.number() }).partial().optional(),
  retryWaitMs: z.number().optional(),
  uploadExpiryMs: z.number().optional(),
  expirySweepMs: z.number().optional(),
  maxRunningExecutions: z.number().optional(),
  functionTimeoutMs: z.number().optional(),
  faults: Faults.optional(),
});
const Message = z.discriminatedUnion('type', [
  z.object({ type: z.literal('idle'), id: z.number() }),
  z.object({ type: z.literal('fault-counts'), id: z.number() }),
  z.object({ type: z.literal('close') }),
]);

const send = (message: unknown) => new Promise<void>((resolve) => process.send!(message, () => resolve()));

const { faults, ...options } = Options.parse(JSON.parse(process.env.CIRCULATE_TEST_STACK ?? '{}'));
try {
  // The only way faults reach a stack: this test-only entry point. `npm start` (infra/local/main.ts) passes none.
  const { steps, wire } = faultsFrom(faults);
  const stack = await startEmbeddedStack({ ...options, port: 0, faults: steps, ...(wire ? { wireFaults: wire } : {}) });
  const { idle: _idle, close: _close, faultCounts: _faultCounts, ...described } = stack;
  process.on('message', (raw) => {
    const message = Message.parse(raw);
    if (message.type === 'idle') void stack.idle().then(() => send({ type: 'idle', id: message.id }));
    else if (message.type === 'fault-counts') void stack.faultCounts().then((counts) => send({ type: 'fault-counts', id: message.id, counts }));
    else void stack.close().then(() => process.exit(0), (e: unknown) => {
      console.error(e);
      process.exit(1);
    });
  });
  // The parent going away (a test run interrupted) must not leave the stack running.
  process.on('disconnect', () => process.exit(0));
  await send({ type: 'ready', stack: described });
} catch (e) {
  await send({ type: 'failed', message: e instanceof Error ? e.stack ?? e.message : String(e) });
  process.exit(1);
}
