/**
 * The Node options a worker thread of the embedded stack starts with: tsx, to load the TypeScript
 * modules (under jest too, which has no loader of its own there), and the stack's own CPU
 * profiling flags when it was started with them (CIRCULATE_PROF_DIR, docs/toolchain.md), so each
 * thread writes its profile beside the main thread's.
 */
export function threadExecArgv(): string[] {
  const argv = process.execArgv;
  const profiling: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--cpu-prof') profiling.push('--cpu-prof');
    else if (argv[i] === '--cpu-prof-dir' && argv[i + 1] !== undefined) profiling.push('--cpu-prof-dir', argv[++i]!);
    else if (argv[i]!.startsWith('--cpu-prof-dir=')) profiling.push(argv[i]!);
  }
  return ['--import', 'tsx', ...profiling];
}
