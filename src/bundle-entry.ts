/**
 * The bundle's entry (scripts/bundle.mjs): the command on the main thread, a batch worker on a
 * worker thread (batch/pool.ts starts dist/batch/worker.js, which runs this same bundle), so both
 * share one bundle and one code cache.
 */
import { isMainThread } from "node:worker_threads";

if (isMainThread) void import("./cli.js");
else void import("./batch/worker.js");
