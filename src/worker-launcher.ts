/**
 * How a batch worker starts (the build makes this file, with launch-bundle.ts and what it imports,
 * into dist/batch/worker.cjs, the file the pool starts; see scripts/bundle.mjs): the bundle with
 * its code cache (launch-bundle.ts), whose entry runs the worker on a worker thread, or, without a
 * bundle, the unbundled worker, dist/batch/worker-main.js. One CommonJS file: a worker thread
 * starts it ~5-10 ms sooner than the five ES modules it would otherwise load one by one.
 */
import { launchBundle } from "./launch-bundle.js";
import { trace } from "./trace.js";

trace("worker: start");
if (!launchBundle()) void import(new URL("./batch/worker-main.js", import.meta.url).href);
