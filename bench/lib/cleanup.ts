/**
 * Cleanup that runs even when a benchmark fails or is interrupted: temporary directories are
 * removed and benchmark databases dropped on error, on Ctrl-C and on SIGTERM.
 */
type Task = { label: string; run: () => Promise<void> };
const tasks: Task[] = [];

/**
 * Registers a cleanup; returns a function that runs it now and unregisters it. It runs once:
 * a second caller (a finally block racing a signal handler) waits for the same run.
 */
export function deferCleanup(label: string, run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  const task: Task = { label, run: () => (running ??= run()) };
  tasks.push(task);
  return async () => {
    const i = tasks.indexOf(task);
    if (i >= 0) tasks.splice(i, 1);
    await task.run();
  };
}

let cleaningUp: Promise<void> | null = null;

/**
 * Runs every registered cleanup, newest first, reporting (not throwing) failures. Concurrent
 * callers (the signal handler and the failing main loop) wait for the same run, so nobody exits
 * the process half-way through dropping a database.
 */
export function runAllCleanups(): Promise<void> {
  cleaningUp ??= (async () => {
    while (tasks.length) {
      const task = tasks.pop()!;
      try {
        await task.run();
      } catch (err) {
        console.error(`cleanup failed (${task.label}):`, err);
      }
    }
  })().finally(() => {
    cleaningUp = null;
  });
  return cleaningUp;
}

let installed = false;
let interrupted: string | null = null;

/** Thrown by long loops once Ctrl-C or SIGTERM arrived, so the run unwinds through its finally blocks. */
export class Interrupted extends Error {}
export function throwIfInterrupted() {
  if (interrupted) throw new Interrupted(`interrupted by ${interrupted}`);
}

/**
 * On Ctrl-C or SIGTERM: the running benchmark stops at its next step (throwIfInterrupted) and
 * unwinds, closing its server and databases; should it not finish within 20 s, the cleanups
 * run from here. Either way the process exits only once they are done.
 */
export function installSignalCleanup() {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // `on`, not `once`: Ctrl-C reaches this process more than once (directly, and relayed by
    // the tsx and npm parents); a second signal must not kill it half-way through a cleanup.
    process.on(signal, () => {
      if (interrupted) return;
      interrupted = signal;
      console.error(`\n${signal}: stopping and cleaning up…`);
      setTimeout(() => void runAllCleanups().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143)), 20_000).unref();
    });
  }
}

export const interruptedBy = () => interrupted;
