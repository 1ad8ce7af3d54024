/**
 * The gate between a batch worker's commits (commit.ts) and the main thread's signal handler. A
 * signal reaches the main thread only; a worker cannot be stopped halfway through a commit without
 * leaving temporaries. So each worker shares two counters with the main thread: `stop`, set by the
 * main thread, and `active`, the commits in progress. A worker enters a commit by raising `active`
 * and then reading `stop`; the main thread sets `stop` and then waits for `active` to fall to 0.
 * With sequentially consistent atomics one of them sees the other: either the main thread waits
 * for the commit to finish, or the worker sees `stop` and writes nothing.
 *
 * In a thread without a shared gate (the library API, the CLI's own thread) the gate is always
 * open: a commit there runs without yielding, so no signal handler can run in its middle.
 */
const STOP = 0;
const ACTIVE = 1;

let cells: Int32Array | undefined;

export const commitGate = {
  /** Starts a commit: a function that ends it, or undefined when the run is being stopped. */
  enter(): (() => void) | undefined {
    const c = cells;
    if (!c) return () => {};
    Atomics.add(c, ACTIVE, 1);
    if (Atomics.load(c, STOP) !== 0) {
      Atomics.sub(c, ACTIVE, 1);
      Atomics.notify(c, ACTIVE);
      return undefined;
    }
    return () => {
      Atomics.sub(c, ACTIVE, 1);
      Atomics.notify(c, ACTIVE);
    };
  },
};

/** A new gate for a worker (its shared memory, handed over in workerData). */
export function newGate(): SharedArrayBuffer {
  return new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
}

/** In a worker: commits go through this gate from now on. */
export function useGate(buffer: SharedArrayBuffer): void {
  cells = new Int32Array(buffer);
}

/**
 * In the main thread: closes a worker's gate and waits until its commit in progress, if any, is
 * done (a commit takes milliseconds; the wait gives up after `timeoutMs`). Returns whether a
 * commit was in progress (its document was written).
 */
export function closeGate(buffer: SharedArrayBuffer, timeoutMs = 30_000): boolean {
  const c = new Int32Array(buffer);
  Atomics.store(c, STOP, 1);
  const until = Date.now() + timeoutMs;
  let waited = false;
  for (let n = Atomics.load(c, ACTIVE); n > 0 && Date.now() < until; n = Atomics.load(c, ACTIVE)) {
    waited = true;
    Atomics.wait(c, ACTIVE, n, 50);
  }
  return waited;
}
