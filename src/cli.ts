#!/usr/bin/env node
/**
 * The undoc command: a thin layer over the library API (`undoc --help` lists the commands).
 * Exit codes: 0 all done; 1 an input, template or style was wrong (the message says where);
 * 2 bad command-line use (one line saying what, often with "did you mean"); 3 an internal error.
 * With --json, render and validate print exactly one JSON report on stdout, whatever happens.
 * Modules a command needs are loaded when it runs: --help and --version start at once.
 */
import { trace } from "./trace.js";
import { existsSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { closest, didYouMean, parseOptions, type Parsed } from "./cli/args.js";
import { COMMANDS, commandNamed, commandUsage, mainUsage } from "./cli/commands.js";
import { errorOf, renderReport, validateReport, type RenderReport, type ValidateReport } from "./cli/report.js";
import type { Job, JobResult } from "./batch/job.js";
import { isUndocError, UndocError } from "./errors.js";
import { DOCX_FONT_MODES, type DocxFontMode } from "./render/docx-fonts.js";
import { printable, printableLines } from "./printable.js";

const EXIT = { ok: 0, input: 1, usage: 2, internal: 3 } as const;
const FORMATS = ["pdf", "docx"] as const;
type Format = (typeof FORMATS)[number];

const VERSION = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;

/** which command has each long option, for "it is an option of undoc render" */
const OPTION_OWNERS = new Map<string, string>();
for (const c of COMMANDS) for (const o of c.options) if (!OPTION_OWNERS.has(o.name)) OPTION_OWNERS.set(o.name, c.name);

/** The --json report of this run, once its command is known: printed once, whatever happens. */
let jsonRun: { command: "render" | "validate"; t0: number; printed: boolean } | undefined;

function printJson(report: RenderReport | ValidateReport): void {
  if (jsonRun?.printed) return; // one report, whatever happens (a signal as the run ends)
  if (jsonRun) jsonRun.printed = true;
  console.log(JSON.stringify(report, null, 2));
}

function parseFormats(value: string | undefined): Format[] {
  if (value === undefined) return [...FORMATS];
  const formats = value.split(",").map((f) => f.trim().toLowerCase());
  for (const f of formats) {
    if (!FORMATS.includes(f as Format)) throw new UndocError("USAGE", `unknown format "${f}"${didYouMean(closest(f, FORMATS))}; formats: ${FORMATS.join(", ")}`);
  }
  return [...new Set(formats)] as Format[];
}

/** --docx-fonts MODE, with --system-fonts as its older spelling of "none". */
function parseDocxFonts(value: string | undefined, systemFonts: boolean): DocxFontMode | undefined {
  if (value === undefined) return systemFonts ? "none" : undefined;
  const mode = value.trim().toLowerCase();
  if (!DOCX_FONT_MODES.includes(mode as DocxFontMode)) {
    throw new UndocError("USAGE", `unknown --docx-fonts mode "${value}"${didYouMean(closest(mode, DOCX_FONT_MODES))}; modes: ${DOCX_FONT_MODES.join(", ")}`);
  }
  if (systemFonts && mode !== "none") throw new UndocError("USAGE", `--system-fonts means --docx-fonts none, not ${mode}: give one of them`);
  return mode as DocxFontMode;
}

function parseJobs(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  if (!/^[1-9]\d*$/.test(value)) throw new UndocError("USAGE", `--jobs takes a whole number of at least 1, not "${value}"`);
  return Number(value);
}

/**
 * Files and globs -> input files, in a stable order; a pattern matching nothing is an error. A path
 * that exists is taken as it is, never as a glob: doc[1].yaml must not also render doc1.yaml.
 */
async function expandInputs(patterns: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of patterns) {
    if (p === "-") throw new UndocError("USAGE", "undoc reads data from files, not from standard input (-): save the data to a file and name it");
    if (!/[*?[\]{}]/.test(p) || existsSync(p)) {
      out.push(p);
      continue;
    }
    const { glob } = await import("tinyglobby");
    const found = (await glob(p, { onlyFiles: true, expandDirectories: false })).sort();
    if (found.length === 0) throw new UndocError("USAGE", `no input matches "${p}"`);
    out.push(...found);
  }
  return [...new Set(out)];
}

function exitFor(results: readonly JobResult[]): number {
  if (results.some((r) => !r.ok && r.internal)) return EXIT.internal;
  return results.some((r) => !r.ok) ? EXIT.input : EXIT.ok;
}

async function render({ values, positionals }: Parsed): Promise<number> {
  const t0 = performance.now();
  const json = values.json === true;
  if (json && values.watch) throw new UndocError("USAGE", "--watch and --json do not go together: a watch never ends, a report does");
  if (positionals.length === 0) throw new UndocError("USAGE", "no input files: undoc render <input...> (see undoc render --help)");
  const formats = parseFormats(values.format as string | undefined);
  const jobsN = parseJobs(values.jobs as string | undefined);
  // a SOURCE_DATE_EPOCH that is not a date is the command line's mistake: exit 2 before any render
  (await import("./render/options.js")).sourceDateEpoch();
  const inputs = await expandInputs(positionals);
  const outDir = (values.out as string | undefined) ?? "output";
  const templates = values.templates as string | undefined;
  const { outputNames, outputPath } = await import("./render/output.js");
  const names = outputNames(inputs);
  const docxFonts = parseDocxFonts(values["docx-fonts"] as string | undefined, values["system-fonts"] === true);
  const jobs: Job[] = inputs.map((input) => ({ input, outDir, outName: names.get(input), formats, templates, ...(docxFonts && { docxFonts }) }));

  // two inputs that would write the same files (x.yaml and x.json in one folder): refuse the run
  const byOutput = new Map<string, string[]>();
  for (const job of jobs) {
    const stem = outputPath(job.input, outDir, "*", job.outName);
    byOutput.set(stem, [...(byOutput.get(stem) ?? []), job.input]);
  }
  const clashes = [...byOutput].filter(([, ins]) => ins.length > 1);
  if (clashes.length > 0) {
    const describe = ([out, ins]: [string, string[]]) => (ins.length === 2 ? `${ins[0]} and ${ins[1]} would both write ${out}` : `${ins.join(", ")} would all write ${out}`);
    const message = `${clashes.map(describe).join("; ")}: rename one of them, or render them in separate runs with different --out`;
    if (json) {
      const clashing = new Set(clashes.flatMap(([, ins]) => ins));
      const results: JobResult[] = inputs.map((input) => ({
        input,
        ok: false,
        internal: false,
        ms: 0,
        error: clashing.has(input) ? { code: "OUTPUT", message: `${describe(clashes.find(([, ins]) => ins.includes(input))!)}` } : { code: "NOT_RENDERED", message: "not rendered: the run was refused" },
      }));
      printJson(renderReport(results, performance.now() - t0, { code: "USAGE", message }));
    }
    throw new UndocError("USAGE", message);
  }

  // what runs killed outright left in the output folders: finished (a journal) or removed (temporaries)
  const { recoverOutputFolders } = await import("./cli/recover.js");
  recoverOutputFolders(jobs, values.quiet === true);

  if (values.watch) return (await import("./cli/watch.js")).watchCommand(jobs, templates, values.quiet === true);

  const [{ createPool }, { progressFor }, { onSignals }] = await Promise.all([import("./batch/pool.js"), import("./batch/progress.js"), import("./cli/signals.js")]);
  const progress = progressFor(process.stderr, values.quiet === true, json);
  const pool = createPool(Math.min(jobsN, jobs.length));
  const finished: JobResult[] = [];
  // a signal: commits in progress finish, nothing else is written; the report says what was done
  onSignals(async (signal) => {
    await pool.stop();
    progress.end();
    const done = new Set(finished.map((r) => r.input));
    const message = `interrupted by ${signal}: ${finished.filter((r) => r.ok).length} of ${jobs.length} rendered before it stopped; no file was left half-written`;
    if (json) {
      const rest: JobResult[] = inputs.filter((i) => !done.has(i)).map((input) => ({ input, ok: false, internal: false, ms: 0, error: { code: "NOT_RENDERED", message: "not rendered: the run was interrupted" } }));
      printJson(renderReport([...finished, ...rest], performance.now() - t0, { code: "INTERRUPTED", message }));
    }
    console.error(`error: ${message}`);
  });
  const results = await pool.run(jobs, (r, done, total) => {
    finished.push(r);
    progress.result(r, done, total);
  });
  // not awaited: the process exits right after the report, and its exit ends the workers; waiting
  // here for each worker to finish tearing down its heap would only delay the exit (~7 ms)
  void pool.close();
  // a signal came as the last document finished: its handler reports and exits
  if ((await import("./cli/signals.js")).interrupted()) await new Promise(() => {});
  progress.end();
  if (json) printJson(renderReport(results, performance.now() - t0));
  else if (values.quiet !== true && results.length > 1) {
    const failed = results.filter((r) => !r.ok).length;
    console.error(`${results.length - failed} rendered, ${failed} failed, in ${Math.round(performance.now() - t0)} ms`);
  }
  return exitFor(results);
}

/** An error's message without its hint (validate prints each hint once per file). */
const withoutHint = (e: UndocError) => new UndocError(e.code, e.detail, e.location).message;

async function validate({ values, positionals }: Parsed): Promise<number> {
  const t0 = performance.now();
  const json = values.json === true;
  if (positionals.length === 0) throw new UndocError("USAGE", "no input files: undoc validate <input...> (see undoc validate --help)");
  const inputs = await expandInputs(positionals);
  const { checkFile, MAX_PROBLEMS } = await import("./render/check.js");
  const { DEFAULT_TEMPLATES } = await import("./render/pipeline.js");
  const results: ValidateReport["results"] = [];
  for (const input of inputs) {
    const { problems, more } = checkFile(input, (values.templates as string | undefined) ?? DEFAULT_TEMPLATES);
    results.push({ input, ok: problems.length === 0, errors: problems.map(errorOf), more });
    if (problems.length === 0) {
      if (!json) console.log(`ok ${printable(input)}`); // --json: stdout is the report only
      continue;
    }
    for (const p of problems) console.error(`error: ${withoutHint(p)}`);
    for (const hint of new Set(problems.map((p) => p.hint).filter(Boolean))) console.error(`  hint: ${printable(hint!)}`);
    if (more > 0) console.error(`error: ${printable(input)}: ${more} more problem${more > 1 ? "s" : ""} (the first ${MAX_PROBLEMS} are shown)`);
  }
  const report = validateReport(results, performance.now() - t0);
  if (json) printJson(report);
  else if (inputs.length > 1) console.error(`${report.valid} valid, ${report.failed} with problems`);
  return report.ok ? EXIT.ok : EXIT.input;
}

async function init({ positionals, values }: Parsed): Promise<number> {
  if (positionals.length > 1) throw new UndocError("USAGE", `init takes one folder, not ${positionals.length}: undoc init [DIR] (several files: --only a.hbs,b.yaml)`);
  const [{ initTemplates }, { DEFAULT_TEMPLATES }] = await Promise.all([import("./templates/init.js"), import("./render/pipeline.js")]);
  const dir = positionals[0] ?? "templates-custom";
  const only = typeof values.only === "string" ? values.only.split(",").map((f) => f.trim()).filter(Boolean) : undefined;
  const files = initTemplates(DEFAULT_TEMPLATES, dir, { force: values.force === true, full: values.full === true, only });
  console.log(`wrote ${files.length} file${files.length === 1 ? "" : "s"} into ${printable(dir)}:\n  ${files.map(printable).join("\n  ")}\nrender with: undoc render <input> --templates ${printable(dir)}`);
  return EXIT.ok;
}

async function schema({ positionals }: Parsed): Promise<number> {
  if (positionals.length > 0) throw new UndocError("USAGE", `schema takes no arguments, not "${positionals[0]}"`);
  const { jsonSchema } = await import("./input/schema.js");
  console.log(JSON.stringify(jsonSchema(), null, 2));
  return EXIT.ok;
}

// undoc preview: its own module (src/preview/), loaded when it runs
const preview = async (p: Parsed) => (await import("./preview/command.js")).preview(p);

const RUN: Record<string, (p: Parsed) => Promise<number>> = { render, validate, init, schema, preview };

function unknownCommand(name: string): UndocError {
  const names = [...COMMANDS.map((c) => c.name), "help"];
  return new UndocError("USAGE", `unknown command "${name}"${didYouMean(closest(name, names) && `"${closest(name, names)}"`)}; see undoc --help`);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    console.error(mainUsage(VERSION));
    return EXIT.usage;
  }
  if (command === "--help" || command === "-h") {
    console.log(mainUsage(VERSION));
    return EXIT.ok;
  }
  if (command === "--version" || command === "-v") {
    console.log(VERSION);
    return EXIT.ok;
  }
  if (command === "help") {
    if (rest.length > 1) throw new UndocError("USAGE", "help takes one command: undoc help <command>");
    if (rest.length === 0) {
      console.log(mainUsage(VERSION));
      return EXIT.ok;
    }
    const spec = commandNamed(rest[0]);
    if (!spec) throw unknownCommand(rest[0]);
    console.log(commandUsage(spec));
    return EXIT.ok;
  }
  if (command.startsWith("-")) {
    const guess = closest(command, ["--help", "--version"]);
    throw new UndocError("USAGE", `${guess ? `unknown option ${command}${didYouMean(guess)}` : `options go after the command (undoc <command> ${command})`}; see undoc --help`);
  }
  const spec = commandNamed(command);
  if (!spec) throw unknownCommand(command);
  const options = rest.slice(0, rest.includes("--") ? rest.indexOf("--") : undefined);
  if (options.includes("--help") || options.includes("-h")) {
    console.log(commandUsage(spec));
    return EXIT.ok;
  }
  // from here a --json run prints its report, even for a usage error
  if ((command === "render" || command === "validate") && options.includes("--json")) jsonRun = { command, t0: performance.now(), printed: false };
  return RUN[spec.name](parseOptions(spec.name, rest, spec.options, OPTION_OWNERS));
}

/** The report of a --json run that ended before printing one (a refused run, a bug). */
function failureReport(error: { code: string; message: string }): RenderReport | ValidateReport {
  const ms = performance.now() - jsonRun!.t0;
  return jsonRun!.command === "render" ? renderReport([], ms, error) : validateReport([], ms, error);
}

main(process.argv.slice(2)).then(
  (code) => {
    trace("exit");
    process.exit(code);
  },
  (e: unknown) => {
    if (isUndocError(e)) {
      if (jsonRun && !jsonRun.printed) printJson(failureReport(errorOf(e)));
      // a usage error is one line (its hint after a semicolon); others keep their hint below
      console.error(`error: ${e.code === "USAGE" ? e.message.replace(/\n\s*hint: /, "; ").replace(/\n/g, " ") : e.message}`);
      process.exit(e.code === "USAGE" ? EXIT.usage : EXIT.input);
    }
    const stack = printableLines(e instanceof Error ? (e.stack ?? e.message) : String(e));
    if (jsonRun && !jsonRun.printed) printJson(failureReport({ code: "INTERNAL", message: stack }));
    console.error(`internal error (please report it): ${stack}`);
    process.exit(EXIT.internal);
  },
);
