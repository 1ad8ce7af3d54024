/**
 * SIGINT (Ctrl-C), SIGTERM and SIGHUP during `undoc render`: the run stops without leaving a
 * temporary or half a pair (the pool lets commits in progress finish and starts no other), then
 * exits with 128 + the signal's number, as shells report a process a signal ended.
 */
export const SIGNAL_EXIT: Record<string, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

let stopping = false;

/** True once a signal is being handled: the run's own end must not print or exit then. */
export const interrupted = () => stopping;

/**
 * Calls `stop` on the first of these signals, then exits with the code `stop` returns, or the
 * signal's; a second signal while stopping changes nothing (stopping takes milliseconds).
 * Returns a function that removes the handlers.
 */
export function onSignals(stop: (signal: NodeJS.Signals) => Promise<number | void> | number | void): () => void {
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    Promise.resolve()
      .then(() => stop(signal))
      .then(
        (code) => process.exit(typeof code === "number" ? code : (SIGNAL_EXIT[signal] ?? 1)),
        () => process.exit(SIGNAL_EXIT[signal] ?? 1),
      );
  };
  const signals = Object.keys(SIGNAL_EXIT) as NodeJS.Signals[];
  for (const s of signals) process.on(s, handler);
  return () => {
    for (const s of signals) process.off(s, handler);
  };
}
