#!/usr/bin/env node
/**
 * How the `undoc` command starts (the build installs this file as dist/cli.js; see
 * scripts/bundle.mjs): the bundled command with its code cache (launch-bundle.ts), or, without a
 * bundle (the sources compiled by tsc alone), the unbundled command, dist/cli-main.js.
 * The caches are kept where disk-cache.ts says (UNDOC_CACHE_DIR=off: no cache).
 *
 * `undoc render` renders on worker threads (batch/pool.ts), which run the bundle: its first
 * worker starts here, before this thread reads the command line, so the two start at once (the
 * pool takes it as its first, FIRST_WORKER), and this thread runs the unbundled command.
 */
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { trace } from "./trace.js";

/** Where the pool finds the worker started here (the same registered symbol as batch/pool.ts's). */
const FIRST_WORKER = Symbol.for("undoc.firstWorker");

/** Tells the pool (batch/pool.ts) to start the bundled worker from the unbundled command. */
const BUNDLED_WORKERS = Symbol.for("undoc.bundledWorkers");

// render: this thread only reads the command line and hands documents out (batch/pool.ts), so it
// runs the unbundled command (a few small modules: ~10 MB less than the 3 MB bundle and its code
// cache), and the bundle runs where the work is, in the workers
trace("launcher: start");
// (launch-bundle.js is imported below only when this thread runs the bundle: the worker starts first)
const render = process.argv[2] === "render" && existsSync(new URL("./cli.bundle.cjs", import.meta.url));
if (render) {
  (globalThis as Record<symbol, unknown>)[BUNDLED_WORKERS] = true;
  // the gate the pool shares with its workers (render/interrupt.ts: two Int32 counters)
  const gate = new SharedArrayBuffer(8);
  // the file batch/pool.ts starts (BUNDLED_WORKER_FILE): the bundle's build makes worker.cjs
  const file = new URL("./batch/worker.cjs", import.meta.url);
  const worker = new Worker(existsSync(file) ? file : new URL("./batch/worker.js", import.meta.url), { workerData: { gate }, stdout: true, stderr: true });
  const first = { worker, gate, dead: false };
  // until the pool takes it: it keeps no process alive, and its end is noted (the pool then starts another)
  worker.unref();
  worker.on("error", () => {});
  worker.on("exit", () => (first.dead = true));
  (globalThis as Record<symbol, unknown>)[FIRST_WORKER] = first;
}

// (a specifier tsc does not resolve: dist/cli-main.js exists only once the build has bundled)
const unbundled = "./cli-main.js";
if (render || !(await import("./launch-bundle.js")).launchBundle()) await import(unbundled);
