#!/usr/bin/env node
/**
 * How the `undoc` command starts (the build installs this file as dist/cli.js; see
 * scripts/bundle.mjs): the bundled command with its code cache (launch-bundle.ts), or, without a
 * bundle (the sources compiled by tsc alone), the unbundled command, dist/cli-main.js.
 * The caches are kept where disk-cache.ts says (UNDOC_CACHE_DIR=off: no cache).
 */
import { launchBundle } from "./launch-bundle.js";

// (a specifier tsc does not resolve: dist/cli-main.js exists only once the build has bundled)
const unbundled = "./cli-main.js";
if (!launchBundle()) await import(unbundled);
