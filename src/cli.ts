#!/usr/bin/env node
/**
 * The undoc command: a thin layer over the library API (see USAGE for the commands).
 * Exit codes: 0 all done; 1 an input, template or style was wrong (the message says where);
 * 2 bad command-line use; 3 an internal error (please report it).
 */
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { glob } from "tinyglobby";
import { runBatch } from "./batch/pool.js";
import { describeResult, progressFor } from "./batch/progress.js";
import type { Job, JobResult } from "./batch/job.js";
import { isUndocError, UndocError } from "./errors.js";
import { loadDataFile } from "./input/load.js";
import { jsonSchema } from "./input/schema.js";
import { outputPath } from "./render/output.js";
import { DEFAULT_TEMPLATES, FORMATS, type Format } from "./render/pipeline.js";
import { initTemplates } from "./templates/init.js";
import { watchAndRender } from "./watch/watch.js";

const USAGE = `usage:
  undoc render <input...> [--out DIR] [--format pdf,docx] [--templates DIR]
               [--jobs N] [--json] [--quiet] [--watch] [--system-fonts]
  undoc validate <input...> [--json]   check data without rendering
  undoc schema                         print the JSON Schema of the data format
  undoc init [DIR] [--force]           copy the default templates into DIR (default: templates-custom)
  undoc --help

inputs may be files or globs ("data/**/*.yaml"); exit codes: 0 ok, 1 bad input/template, 2 usage, 3 internal error`;

const EXIT = { ok: 0, input: 1, usage: 2, internal: 3 } as const;

function parseFormats(value: string | undefined): Format[] {
  if (!value) return [...FORMATS];
  const formats = value.split(",").map((f) => f.trim().toLowerCase());
  for (const f of formats) {
    if (!FORMATS.includes(f as Format)) throw new UndocError("USAGE", `unknown format "${f}" (formats: ${FORMATS.join(", ")})`);
  }
  return [...new Set(formats)] as Format[];
}

function parseJobs(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  if (!/^[1-9]\d*$/.test(value)) throw new UndocError("USAGE", `--jobs takes a whole number of at least 1, not "${value}"`);
  return Number(value);
}

/** Files and globs -> input files, in a stable order; a pattern matching nothing is an error. */
async function expandInputs(patterns: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of patterns) {
    if (!/[*?[\]{}]/.test(p)) {
      out.push(p);
      continue;
    }
    const found = (await glob(p, { onlyFiles: true, expandDirectories: false })).sort();
    if (found.length === 0) throw new UndocError("USAGE", `no input matches "${p}"`);
    out.push(...found);
  }
  return [...new Set(out)];
}

function summary(results: JobResult[], ms: number) {
  return {
    ok: results.filter((r) => r.ok).length,
    failed: results.filter((r) => !r.ok).length,
    ms: Math.round(ms),
    documents: results.map((r) => (r.ok ? { input: r.input, ok: true, outputs: r.outputs, ms: Math.round(r.ms) } : { input: r.input, ok: false, error: r.error, ms: Math.round(r.ms) })),
  };
}

function exitFor(results: JobResult[]): number {
  if (results.some((r) => !r.ok && r.internal)) return EXIT.internal;
  return results.some((r) => !r.ok) ? EXIT.input : EXIT.ok;
}

async function render(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: "string", short: "o", default: "output" },
      format: { type: "string", short: "f" },
      templates: { type: "string", short: "t" },
      jobs: { type: "string", short: "j" },
      json: { type: "boolean", default: false },
      quiet: { type: "boolean", short: "q", default: false },
      watch: { type: "boolean", short: "w", default: false },
      "system-fonts": { type: "boolean", default: false },
    },
  });
  if (positionals.length === 0) throw new UndocError("USAGE", `no input files\n${USAGE}`);
  const formats = parseFormats(values.format);
  const jobsN = parseJobs(values.jobs);
  const inputs = await expandInputs(positionals);
  const jobs: Job[] = inputs.map((input) => ({ input, outDir: values.out!, formats, templates: values.templates, systemFonts: values["system-fonts"] }));
  // two inputs named alike in different folders would overwrite each other's output
  const seen = new Map<string, string>();
  for (const job of jobs) {
    const out = outputPath(job.input, job.outDir, "pdf");
    const other = seen.get(out);
    if (other) throw new UndocError("USAGE", `${other} and ${job.input} would both write ${out.replace(/\.pdf$/, ".*")}`, {}, "rename one of them or render them in two runs with different --out");
    seen.set(out, job.input);
  }

  if (values.watch) {
    const w = watchAndRender(jobs, values.templates ?? DEFAULT_TEMPLATES, {
      onResult: (r) => (r.ok ? console.log(`ok ${describeResult(r)}`) : console.error(`error: ${describeResult(r)}`)),
      onRound: (ms, changed) => console.log(`${changed.length ? `changed: ${changed.join(", ")}; ` : ""}rendered in ${Math.round(ms)} ms; watching (Ctrl-C to stop)`),
    });
    await w.ready;
    await new Promise<void>((resolve) => process.once("SIGINT", () => (w.close(), resolve())));
    return EXIT.ok;
  }

  const t0 = performance.now();
  const progress = progressFor(process.stderr, values.quiet || values.json);
  const results = await runBatch(jobs, { jobs: jobsN, onResult: (r, done, total) => progress.result(r, done, total) });
  progress.end();
  if (values.json) console.log(JSON.stringify(summary(results, performance.now() - t0), null, 2));
  else if (!values.quiet && results.length > 1) {
    const failed = results.filter((r) => !r.ok).length;
    console.error(`${results.length - failed} rendered, ${failed} failed, in ${Math.round(performance.now() - t0)} ms`);
  }
  return exitFor(results);
}

async function validate(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: "boolean", default: false } } });
  if (positionals.length === 0) throw new UndocError("USAGE", `no input files\n${USAGE}`);
  const inputs = await expandInputs(positionals);
  const report: Array<{ input: string; ok: boolean; error?: Record<string, unknown> }> = [];
  for (const input of inputs) {
    try {
      loadDataFile(input);
      report.push({ input, ok: true });
      if (!values.json) console.log(`ok ${input}`);
    } catch (e) {
      if (!isUndocError(e)) throw e;
      report.push({ input, ok: false, error: { code: e.code, message: e.message, ...e.location } });
      if (!values.json) console.error(`error: ${e.message}`);
    }
  }
  if (values.json) console.log(JSON.stringify({ ok: report.filter((r) => r.ok).length, failed: report.filter((r) => !r.ok).length, documents: report }, null, 2));
  return report.every((r) => r.ok) ? EXIT.ok : EXIT.input;
}

function init(args: string[]): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { force: { type: "boolean", default: false } } });
  if (positionals.length > 1) throw new UndocError("USAGE", `init takes one folder\n${USAGE}`);
  const dir = positionals[0] ?? "templates-custom";
  const files = initTemplates(DEFAULT_TEMPLATES, dir, { force: values.force });
  console.log(`copied ${files.length} template files into ${dir}:\n  ${files.join("\n  ")}\nrender with: undoc render <input> --templates ${dir}`);
  return EXIT.ok;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
      console.error(USAGE);
      return EXIT.usage;
    case "--help":
    case "-h":
    case "help":
      console.log(USAGE);
      return EXIT.ok;
    case "render":
      return render(rest);
    case "validate":
      return validate(rest);
    case "schema":
      console.log(JSON.stringify(jsonSchema(), null, 2));
      return EXIT.ok;
    case "init":
      return init(rest);
    default:
      throw new UndocError("USAGE", `unknown command "${command}"\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (isUndocError(e)) {
      console.error(`error: ${e.message}`);
      process.exit(e.code === "USAGE" ? EXIT.usage : EXIT.input);
    }
    const code = (e as { code?: string }).code ?? "";
    if (code.startsWith("ERR_PARSE_ARGS")) {
      console.error(`error: ${(e as Error).message}\n${USAGE}`);
      process.exit(EXIT.usage);
    }
    console.error(`internal error (please report it): ${e instanceof Error ? e.stack : String(e)}`);
    process.exit(EXIT.internal);
  },
);
