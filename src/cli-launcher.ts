#!/usr/bin/env node
/**
 * How the `undoc` command starts (the build installs this file as dist/cli.js; see
 * scripts/bundle.mjs). The command's code is one bundled file, dist/cli.bundle.cjs (esbuild: every
 * module in one script, each evaluated only when first used), compiled through V8 with a code
 * cache: the bytecode of every function the last uncached run compiled, saved on disk, so a cold
 * start neither parses nor compiles the libraries again. The cache is tied to the Node binary: it
 * is made on this machine (by `npm run build`, or by the first run without a usable one), and one
 * that is missing or stale (another Node, another bundle) is simply made again.
 *
 * Without a bundle (the sources compiled by tsc alone) the unbundled command runs, dist/cli-main.js.
 * The cache is kept where disk-cache.ts says (UNDOC_CACHE_DIR=off: no cache).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";
import { cacheOff, readCached, writeCached } from "./disk-cache.js";

const here = dirname(fileURLToPath(import.meta.url));
const bundle = join(here, "cli.bundle.cjs");

function startBundle(): void {
  let source = readFileSync(bundle, "utf8");
  if (source.startsWith("#!")) source = `//${source.slice(2)}`; // the entry's shebang line
  const st = statSync(bundle);
  // the cache belongs to this Node (V8 version and flags) and this bundle (its size and time)
  const key = `cli-${process.version}-${process.arch}-${st.size}-${Math.trunc(st.mtimeMs)}.v8cache`;
  const useCache = !cacheOff();
  const cached = useCache ? readCached(key) : undefined;
  // Node's CommonJS wrapper, so the bundle runs as dist/cli.bundle.cjs would
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapped, { filename: bundle, cachedData: cached });
  if (useCache && (!cached || script.cachedDataRejected)) {
    // saved at exit, once the run has compiled what a run compiles (the command exits through process.exit)
    process.once("exit", () => writeCached(key, script.createCachedData()));
  }
  const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  const module = { exports: {} };
  run(module.exports, createRequire(bundle), module, bundle, here);
}

// (a specifier tsc does not resolve: dist/cli-main.js exists only once the build has bundled)
const unbundled = "./cli-main.js";
if (existsSync(bundle)) startBundle();
else await import(unbundled);
