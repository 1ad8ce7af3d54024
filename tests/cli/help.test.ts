/** --version, help for every command, and usage errors as one line with "did you mean" (exit 2). */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { COMMANDS } from "../../src/cli/commands.js";
import { EXAMPLE, ROOT, undoc } from "./run.js";

const VERSION = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;

describe("undoc --version and help", () => {
  it("--version and -v print the package's version", () => {
    for (const flag of ["--version", "-v"]) expect(undoc([flag])).toEqual({ code: 0, out: `${VERSION}\n`, err: "" });
  });

  it("--help lists every command; no arguments prints it as an error", () => {
    const r = undoc(["--help"]);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.out).toMatch(new RegExp(`^  ${c.name} +${c.summary}$`, "m"));
    expect(undoc(["help"]).out).toBe(r.out);
    const none = undoc([]);
    expect(none.code).toBe(2);
    expect(none.err).toBe(r.out);
  });

  it("undoc <command> --help, -h and undoc help <command> print the command's usage with every option", () => {
    for (const c of COMMANDS) {
      const r = undoc([c.name, "--help"]);
      expect(r.code, c.name).toBe(0);
      expect(r.err).toBe("");
      expect(r.out).toMatch(new RegExp(`^usage: undoc ${c.name}\\b`));
      for (const o of c.options) expect(r.out).toContain(`--${o.name}`);
      expect(undoc([c.name, "-h"]).out).toBe(r.out);
      expect(undoc(["help", c.name]).out).toBe(r.out);
    }
  });

  it("--help wins over other options, even bad ones", () => {
    const r = undoc(["render", "--formats", "x", "--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^usage: undoc render/);
  });
});

describe("usage errors: one line, what is wrong and what was meant, exit 2", () => {
  const cases: Array<[string[], string]> = [
    [["rendr", EXAMPLE], 'error: unknown command "rendr" (did you mean "render"?); see undoc --help'],
    [["valdate"], 'error: unknown command "valdate" (did you mean "validate"?); see undoc --help'],
    [["frobnicate"], 'error: unknown command "frobnicate"; see undoc --help'],
    [["help", "rnder"], 'error: unknown command "rnder" (did you mean "render"?); see undoc --help'],
    [["--verison"], "error: unknown option --verison (did you mean --version?); see undoc --help"],
    [["render", EXAMPLE, "--formats", "pdf"], "error: unknown option --formats for undoc render (did you mean --format?); see undoc render --help"],
    [["render", EXAMPLE, "--template", "x"], "error: unknown option --template for undoc render (did you mean --templates?); see undoc render --help"],
    [["validate", EXAMPLE, "--out", "x"], "error: undoc validate has no --out (it is an option of undoc render); see undoc validate --help"],
    [["render", EXAMPLE, "--out"], "error: --out needs a value (--out DIR); see undoc render --help"],
    [["render", EXAMPLE, "--format", "pfd"], 'error: unknown format "pfd" (did you mean pdf?); formats: pdf, docx'],
    [["render", EXAMPLE, "--jobs", "0"], 'error: --jobs takes a whole number of at least 1, not "0"'],
    [["render"], "error: no input files: undoc render <input...> (see undoc render --help)"],
    [["schema", "extra"], 'error: schema takes no arguments, not "extra"'],
  ];
  for (const [args, message] of cases) {
    it(`undoc ${args.map((a) => (a === EXAMPLE ? "x.yaml" : a)).join(" ")}`, () => {
      const r = undoc(args);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toBe(`${message}\n`);
    });
  }
});
