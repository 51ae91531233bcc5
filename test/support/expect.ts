/**
 * What vitest's `expect(value, message)` did and jest's one-argument `expect` does not: run an
 * assertion and, when it fails, put a label saying which case failed above jest's own message.
 */
export function labelled(label: string, check: () => void): void;
export function labelled(label: string, check: () => Promise<void>): Promise<void>;
export function labelled(label: string, check: () => void | Promise<void>): void | Promise<void> {
  const relabel = (e: unknown) => {
    if (e instanceof Error) e.message = `${label}\n\n${e.message}`;
    throw e;
  };
  try {
    const result = check();
    return result instanceof Promise ? result.catch(relabel) : result;
  } catch (e) {
    return relabel(e);
  }
}

/** Retries an assertion until it passes or the time is up (then throws its last failure). */
export async function waitFor(check: () => void | Promise<void>, { timeoutMs = 5_000, intervalMs = 20 } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}
