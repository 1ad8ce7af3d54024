/**
 * Running the bundled code (dist/cli.bundle.cjs, see scripts/bundle.mjs) through V8 with a code
 * cache: the bytecode of every function the last uncached run compiled, saved on disk, so a cold
 * start neither parses nor compiles the libraries again. The cache is tied to the Node binary: it
 * is made on this machine (by `npm run build`, or by the first run without a usable one), and one
 * that is missing or stale (another Node, another bundle) is simply made again. The command
 * (cli-launcher.ts) and the batch workers (worker-launcher.ts) start this way.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";
import { isMainThread } from "node:worker_threads";
import { cacheOff, readCached, writeCached } from "./disk-cache.js";
import { trace } from "./trace.js";

const here = dirname(fileURLToPath(import.meta.url));
const bundle = join(here, "cli.bundle.cjs");

/** The running bundle's identity, "size-mtime" (the same registered symbol as style/style-cache.ts's). */
const BUNDLE_IDENTITY = Symbol.for("undoc.bundleIdentity");

/** Where a worker finds the function that saves its code cache (set only when the cache is to be made). */
export const SAVE_CODE_CACHE = Symbol.for("undoc.saveCodeCache");

/** Runs the bundle when there is one (true), else leaves it to the caller (false). */
export function launchBundle(): boolean {
  if (!existsSync(bundle)) return false;
  // latin1: the build writes the bundle in pure ASCII (scripts/bundle.mjs), so this reads the same
  // text as utf8 would, copied into a one-byte string instead of decoded (~1 ms, not ~5, for 3 MB)
  let source = readFileSync(bundle, "latin1");
  if (source.startsWith("#!")) source = `//${source.slice(2)}`; // a shebang line, should the entry have one
  const st = statSync(bundle);
  // the cache belongs to this Node (V8 version and flags) and this bundle (its size and time), and
  // to the thread's role: the command's thread runs the CLI, a worker renders (batch/pool.ts)
  const role = isMainThread ? "cli" : "worker";
  const identity = `${st.size}-${Math.trunc(st.mtimeMs)}`;
  // the bundle's code reads it to key what it keeps on disk (style/style-cache.ts)
  (globalThis as Record<symbol, unknown>)[BUNDLE_IDENTITY] = identity;
  const key = `${role}-${process.version}-${process.arch}-${identity}.v8cache`;
  const useCache = !cacheOff();
  const cached = useCache ? readCached(key) : undefined;
  // Node's CommonJS wrapper, so the bundle runs as dist/cli.bundle.cjs would
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapped, { filename: bundle, cachedData: cached });
  if (useCache && (!cached || script.cachedDataRejected)) {
    const save = () => writeCached(key, script.createCachedData());
    // the command's thread: at exit, once the run has compiled what a run compiles (it exits
    // through process.exit); a worker is ended by its pool, so it saves when it has rendered a
    // document in both formats (batch/worker.ts calls this)
    if (isMainThread) process.once("exit", save);
    else (globalThis as Record<symbol, unknown>)[SAVE_CODE_CACHE] = save;
  }
  trace(`bundle: compiled (code cache ${cached ? (script.cachedDataRejected ? "rejected" : "used") : "absent"})`);
  const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  const module = { exports: {} };
  run(module.exports, createRequire(bundle), module, bundle, here);
  return true;
}
