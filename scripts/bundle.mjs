/**
 * The CLI bundle (run by `npm run build` after tsc):
 *
 * 1. esbuild bundles src/cli.ts (and the batch worker, src/bundle-entry.ts) and everything they load
 *    into dist/cli.bundle.cjs: one CommonJS
 *    script in which each module is evaluated when first required, so `undoc validate` still
 *    never runs fontkit, pdfmake or the DOCX writer (tests/cli/lazy.test.ts). Sources keep their ESM idioms;
 *    a plugin maps them to the bundle: `createRequire(import.meta.url)` becomes the bundle's
 *    `require` (so esbuild bundles what it loads), `import.meta.url` the URL the module has in
 *    dist/ (the package's files are found from there, as without the bundle), pdfkit's data folder
 *    is found where pdfkit is installed, fontkit's WOFF2 decoder (brotli: 0.5 MB of tables to build
 *    at load, and undoc's faces are TrueType) is left out, and pdfkit gets fontkit only when it
 *    parses a font itself (never, with undoc's fonts: writers/pdf/font.ts).
 * 2. tsc's dist/cli.js (the unbundled command) becomes dist/cli-main.js, and dist/cli.js the
 *    launcher (src/cli-launcher.ts) that runs the bundle with a V8 code cache; the same for the
 *    batch worker (dist/batch/worker.js runs src/worker-launcher.ts).
 * 3. The code caches are made for this Node by rendering the example once (the functions a render
 *    compiles, in its worker, are the ones cached) and validating it (the command's thread), and
 *    with them what src/disk-cache.ts keeps (the compressed Latin faces): the first `undoc` run
 *    starts fast too.
 *
 * Without esbuild (an install without dev dependencies) it leaves the unbundled command in place.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, copyFileSync, chmodSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const SRC = join(ROOT, "src");
const DIST = join(ROOT, "dist");

let esbuild;
try {
  esbuild = await import("esbuild");
} catch {
  console.error("bundle: esbuild is not installed; dist/cli.js stays the unbundled command");
  process.exit(0);
}

/** undoc's sources as a bundle in `outDir` (a folder of dist/) needs them (see above). */
const sourcesFor = (outDir) => ({
  name: "undoc-sources",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      if (!args.path.startsWith(SRC)) return undefined;
      let text = readFileSync(args.path, "utf8");
      // the module's file in dist/, from the bundle's folder
      const distFile = relative(join(DIST, outDir), join(DIST, relative(SRC, args.path))).replace(/\.ts$/, ".js").split("\\").join("/");
      text = text
        .replace(/^\s*const require = createRequire\(import\.meta\.url\);\s*$/m, "")
        .replace(/createRequire\(import\.meta\.url\)\(/g, "require(")
        .replace(/import\.meta\.url/g, `require("node:url").pathToFileURL(__dirname + ${JSON.stringify(`/${distFile}`)}).href`);
      if (TRACED_SOURCES[distFile]) text = loadNote(TRACED_SOURCES[distFile]) + text;
      return { contents: text, loader: "ts" };
    });
  },
});
const sources = sourcesFor(".");

/**
 * The large libraries' entry files, and the writers: each notes its name in the file named by
 * UNDOC_TRACE_LOADS when it is evaluated, so tests can see what a command of the bundled CLI
 * loads (tests/cli/lazy.test.ts). Without the variable it costs one test at load. The DOCX
 * writer is undoc's own (src/writers/docx/index.ts) and notes itself as "docx".
 */
const TRACED = /[\\/]node_modules[\\/](fontkit[\\/]dist[\\/]main\.cjs|pdfmake[\\/]js[\\/](Renderer|PDFDocument)\.js|yaml[\\/]dist[\\/]index\.js|handlebars[\\/]lib[\\/]index\.js|qrcode[\\/]lib[\\/]core[\\/]qrcode\.js|@sinclair[\\/]typebox[\\/]build[\\/](cjs[\\/]index\.js|esm[\\/]index\.mjs))$/;
const TRACED_SOURCES = { "writers/docx/index.js": "docx" };
const loadNote = (name) => `;(process.env.UNDOC_TRACE_LOADS && require("node:fs").appendFileSync(process.env.UNDOC_TRACE_LOADS, ${JSON.stringify(`${name}\n`)}));\n`;
function traced(path, text) {
  return loadNote(/node_modules[\\/]((@[^\\/]+[\\/])?[^\\/]+)/.exec(path)[1].replace(/\\/g, "/")) + text;
}

/** Stand-ins that require the real module when first called. */
const LAZY = {
  fontkit: "module.exports = { create(...args) { return require('fontkit').create(...args); } };",
  linebreak: "module.exports = function LineBreaker(...args) { return new (require('linebreak'))(...args); };",
  "@noble/ciphers/aes": "module.exports = { cbc: (...a) => require('@noble/ciphers/aes').cbc(...a), ecb: (...a) => require('@noble/ciphers/aes').ecb(...a) };",
  // pdfkit's encryption only (~1.5 ms of tables and crypto set-up at load)
  "@noble/hashes/utils": "module.exports = { concatBytes: (...a) => require('@noble/hashes/utils').concatBytes(...a) };",
  "@noble/hashes/sha2": "module.exports = { sha256: (...a) => require('@noble/hashes/sha2').sha256(...a) };",
};
const LAZY_FILTER = /^(fontkit|linebreak|@noble\/ciphers\/aes|@noble\/hashes\/(utils|sha2))$/;

const libraries = {
  name: "undoc-libraries",
  setup(build) {
    // fontkit: no WOFF2 (brotli's decoder builds large tables when loaded)
    build.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, () => ({ path: "brotli-stub", namespace: "undoc-stub" }));
    build.onLoad({ filter: /^brotli-stub$/, namespace: "undoc-stub" }, () => ({
      contents: "module.exports = function () { throw new Error('WOFF2 fonts are not supported'); };",
      loader: "js",
    }));
    // modules that build large tables when loaded, for features undoc's documents rarely or never
    // use: stand-ins that load them on first call (pdfkit parses no font of undoc's, encrypts
    // nothing; pdfmake's and pdfkit's line breakers break no text of undoc's)
    build.onResolve({ filter: LAZY_FILTER }, (args) => {
      if (args.namespace === "undoc-stub") return undefined; // the stand-in's own require: the real module
      if ((args.path === "fontkit" || args.path.startsWith("@noble/hashes/")) && !args.importer.includes("/node_modules/pdfkit/")) return undefined;
      return { path: args.path, namespace: "undoc-stub" };
    });
    build.onLoad({ filter: /.*/, namespace: "undoc-stub" }, (args) => (LAZY[args.path] ? { contents: LAZY[args.path], loader: "js", resolveDir: ROOT } : undefined));
    // pdfkit reads its standard fonts' metrics and the sRGB profile from its own folder
    build.onLoad({ filter: /[\\/]node_modules[\\/]pdfkit[\\/]js[\\/]pdfkit\.js$/ }, (args) => ({
      contents: traced(args.path, readFileSync(args.path, "utf8").replace(/\b__dirname\b/g, 'require("node:path").dirname(require.resolve("pdfkit"))')),
      loader: "js",
    }));
    build.onLoad({ filter: TRACED }, (args) => ({ contents: traced(args.path, readFileSync(args.path, "utf8")), loader: args.path.endsWith(".ts") ? "ts" : "js" }));
  },
};

const result = await esbuild.build({
  // the command on the main thread, a batch worker on a worker thread (src/bundle-entry.ts)
  entryPoints: [join(SRC, "bundle-entry.ts")],
  outfile: join(DIST, "cli.bundle.cjs"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  // hyphen's patterns are loaded by language at run time, from node_modules
  external: ["hyphen/*"],
  // library code that finds things from its own URL (fdir's createRequire): the bundle's
  define: { "import.meta.url": "__undocBundleUrl" },
  banner: { js: 'var __undocBundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [sources, libraries],
  // smaller to read at every start (names kept: profiles and stack traces stay readable)
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  logLevel: "warning",
  // pdfkit's folder is looked up at run time on purpose (its data files)
  logOverride: { "require-resolve-not-external": "silent" },
  metafile: true,
});

// Pure ASCII: esbuild escapes strings and names but keeps comments and regular expressions as
// written, and one character beyond ASCII makes V8 hold the whole 3 MB source as a two-byte string
// (slower to read and decode at every start). \uXXXX means the same in a string, a template, a
// regular expression (with or without u: a pair of escaped surrogates is one code point) and is
// plain text in a comment; checked below: no String.raw text beyond ASCII, none after a backslash.
{
  const file = join(DIST, "cli.bundle.cjs");
  const text = readFileSync(file, "utf8");
  if (/String\.raw`[^`]*[^\x00-\x7f]/.test(text)) throw new Error("bundle: String.raw text beyond ASCII; escaping it would change it");
  if (/\\[^\x00-\x7f]/.test(text)) throw new Error("bundle: a character beyond ASCII after a backslash; escaping it would change it");
  writeFileSync(file, text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
}

// the unbundled command stays as dist/cli-main.js; the launcher becomes dist/cli.js
renameSync(join(DIST, "cli.js"), join(DIST, "cli-main.js"));
if (existsSync(join(DIST, "cli.d.ts"))) renameSync(join(DIST, "cli.d.ts"), join(DIST, "cli-main.d.ts"));
copyFileSync(join(DIST, "cli-launcher.js"), join(DIST, "cli.js"));
chmodSync(join(DIST, "cli.js"), 0o755);
// the batch workers too: tsc's worker becomes dist/batch/worker-main.js, dist/batch/worker.js (the
// file batch/pool.ts starts) runs the bundle through src/worker-launcher.ts
renameSync(join(DIST, "batch", "worker.js"), join(DIST, "batch", "worker-main.js"));
writeFileSync(join(DIST, "batch", "worker.js"), '// written by scripts/bundle.mjs: a batch worker runs the bundled code (src/worker-launcher.ts)\nimport "../worker-launcher.js";\n');
// ... and what the pool starts: the same as one CommonJS file (src/worker-launcher.ts says why)
await esbuild.build({
  entryPoints: [join(SRC, "worker-launcher.ts")],
  outfile: join(DIST, "batch", "worker.cjs"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  plugins: [sourcesFor("batch")],
  legalComments: "none",
  logLevel: "warning",
});

const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.error(`bundle: dist/cli.bundle.cjs, ${(bytes / 1024).toFixed(0)} KB from ${Object.keys(result.metafile.inputs).length} modules`);

// the code caches for this Node: one render of the example (its worker's), one validate (the command's thread)
if ((process.env.UNDOC_CACHE_DIR ?? process.env.UNDOC_CODE_CACHE) !== "off") {
  const out = mkdtempSync(join(tmpdir(), "undoc-build-"));
  rmSync(join(DIST, ".cache"), { recursive: true, force: true });
  const r = spawnSync(process.execPath, [join(DIST, "cli.js"), "render", join(ROOT, "examples", "arria-belarus-2020.zh.yaml"), "--out", out, "--quiet", "--jobs", "1"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  rmSync(out, { recursive: true, force: true });
  if (r.status !== 0) console.error(`bundle: warming the code cache failed (the command still works):\n${r.stderr}`);
  // the render's worker made its cache; the other commands run the bundle on the command's thread
  const v = spawnSync(process.execPath, [join(DIST, "cli.js"), "validate", join(ROOT, "examples", "arria-belarus-2020.zh.yaml")], { cwd: ROOT, encoding: "utf8" });
  if (v.status !== 0) console.error(`bundle: warming the command's code cache failed (the command still works):\n${v.stderr}`);
}
