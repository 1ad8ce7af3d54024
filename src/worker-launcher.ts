/**
 * How a batch worker starts (the build makes dist/batch/worker.js import this file; see
 * scripts/bundle.mjs): the bundle with its code cache (launch-bundle.ts), whose entry runs the
 * worker on a worker thread, or, without a bundle, the unbundled worker, dist/batch/worker-main.js.
 */
import { launchBundle } from "./launch-bundle.js";
import { trace } from "./trace.js";

trace("worker: start");
const unbundled = "./batch/worker-main.js";
if (!launchBundle()) await import(unbundled);
