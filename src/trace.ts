/**
 * Stage times of one run, for whoever measures start-up (bench/PROFILE.md): with UNDOC_TRACE=1 each
 * stage prints "undoc-trace <ms since the process started> <thread> <stage>" to stderr. Off, it
 * costs one comparison per stage.
 */
import { writeSync } from "node:fs";
import { isMainThread, threadId } from "node:worker_threads";

const on = process.env.UNDOC_TRACE === "1";

export function trace(stage: string): void {
  if (!on) return;
  // process.uptime() counts from the process's start on every thread
  // straight to the file descriptor: a worker's process.stderr is relayed by the main thread, which may exit first
  writeSync(2, `undoc-trace ${(process.uptime() * 1000).toFixed(1)} ${isMainThread ? "main" : `w${threadId}`} ${stage}\n`);
}
