/**
 * `undoc validate`: every problem of a file (up to 50, then a count), each located, and every
 * check render makes short of writing, so validate never accepts what render refuses. It loads
 * neither writer (no pdfmake, no docx): checked with a module-resolution hook.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MINIMAL_YAML } from "../helpers.js";
import { CLI, EXAMPLE, tmp, UNBUNDLED, undoc } from "./run.js";

const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("undoc validate lists every problem of a file", () => {
  const text = MINIMAL_YAML.replace("organ: 安全理事会", "organ: 42")
    .replace('jobNumber: "20-11937"', "jobNumber: 2011937")
    .replace("  to: 乙\n", "  to: 乙\n  cc: 丙\n")
    .replace("date: 2020-09-14", "date: 2020-02-30")
    .replace("第一段。", "第一\x07段。");

  it("each on its own line with file:line:column and the field, then the hints once", () => {
    const file = join(tmp(), "bad.yaml");
    writeFileSync(file, text);
    const r = undoc(["validate", file]);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    const errors = r.err.split("\n").filter((l) => l.startsWith("error: "));
    expect(errors).toEqual([
      `error: ${file}:${lineOf(text, "cc:")}:3: unknown field "cc" at letter.cc`,
      `error: ${file}:${lineOf(text, "organ:")}:10: expected text (Issuing organ as printed in the masthead, e.g. 安全理事会), found number 42 at meta.organ`,
      expect.stringMatching(new RegExp(`^error: ${file}:${lineOf(text, "jobNumber")}:\\d+: expected text .*found number 2011937 at meta.jobNumber$`)),
      `error: ${file}:${lineOf(text, "date: 2020-02-30")}:9: "2020-02-30" is not a calendar date at letter.date`,
      `error: ${file}:${lineOf(text, "第一")}:9: control character U+0007 is not allowed in text at letter.paragraphs[0]`,
    ]);
    expect(r.err).toContain("  hint: run `undoc schema` for the data format\n");
    expect(r.err.match(/hint: run `undoc schema`/g)).toHaveLength(1);
  });

  it("in the --json report: every problem with code, message, file, line, column and path", () => {
    const file = join(tmp(), "bad.yaml");
    writeFileSync(file, text);
    const r = undoc(["validate", file, EXAMPLE, "--json"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ ok: false, command: "validate", documents: 2, valid: 1, failed: 1 });
    expect(report.results[1]).toEqual({ input: EXAMPLE, ok: true, errors: [], more: 0 });
    const [bad] = report.results;
    expect(bad).toMatchObject({ input: file, ok: false, more: 0 });
    expect(bad.errors.map((e: { path: string }) => e.path)).toEqual(["letter.cc", "meta.organ", "meta.jobNumber", "letter.date", "letter.paragraphs[0]"]);
    for (const e of bad.errors) {
      expect(e).toMatchObject({ code: "INPUT_SCHEMA", file });
      expect(e.line).toBeGreaterThan(0);
      expect(e.column).toBeGreaterThan(0);
      expect(e.message.startsWith(`${file}:${e.line}:${e.column}: `)).toBe(true);
    }
  });

  it("up to 50, then says how many more", () => {
    const many = MINIMAL_YAML.replace("    - 第一段。\n", `${Array.from({ length: 62 }, (_, i) => `    - ${i}`).join("\n")}\n`);
    const file = join(tmp(), "many.yaml");
    writeFileSync(file, many);
    const r = undoc(["validate", file]);
    expect(r.code).toBe(1);
    expect(r.err.split("\n").filter((l) => / at letter\.paragraphs\[\d+\]$/.test(l))).toHaveLength(50);
    expect(r.err).toContain(`error: ${file}: 12 more problems (the first 50 are shown)`);
    const json = JSON.parse(undoc(["validate", file, "--json"]).out);
    expect(json.results[0].errors).toHaveLength(50);
    expect(json.results[0].more).toBe(12);
  });

  it("YAML syntax errors: all of them", () => {
    const file = join(tmp(), "syntax.yaml");
    writeFileSync(file, "meta: 1\nmeta: 2\nletter: [1\nannex: {x\n");
    const r = JSON.parse(undoc(["validate", file, "--json"]).out);
    expect(r.results[0].errors.map((e: { line: number }) => e.line)).toEqual([2, 4, 5]);
    for (const e of r.results[0].errors) expect(e).toMatchObject({ code: "INPUT_SYNTAX", file });
    expect(r.results[0].errors[0].message).toContain("Map keys must be unique");
  });
});

describe("undoc validate refuses whatever render refuses", () => {
  /** validate and render on one file: both must refuse it, with the same error */
  function both(name: string, content: string, extra: string[] = []) {
    const dir = tmp();
    const file = join(dir, name);
    writeFileSync(file, content);
    const v = undoc(["validate", file, ...extra, "--json"]);
    const r = undoc(["render", file, ...extra, "--out", join(dir, "out"), "--format", "pdf", "--json"]);
    return { file, dir, validate: JSON.parse(v.out), render: JSON.parse(r.out), codes: [v.code, r.code] };
  }

  it("a language without locale strings: located at meta.language, naming the languages there are", () => {
    // a complete template set (base: none: nothing falls back) without English strings, and an English document
    const tpl = join(tmp(), "tpl");
    expect(undoc(["init", tpl, "--full"]).code).toBe(0);
    writeFileSync(join(tpl, "template.yaml"), "base: none\n");
    rmSync(join(tpl, "locales", "en.yaml"));
    const available = readdirSync(join(tpl, "locales")).map((f) => f.replace(/\.yaml$/, "")).sort();
    const text = MINIMAL_YAML.replace("language: zh", "language: en");
    const { file, validate, render, codes } = both("en.yaml", text, ["--templates", tpl]);
    expect(codes).toEqual([1, 1]);
    const error = validate.results[0].errors[0];
    expect(error).toMatchObject({ code: "TEMPLATE", file, line: lineOf(text, "language: en"), column: 13, path: "meta.language" });
    expect(error.message).toContain(`the templates have no locale strings for language "en" (they have: ${available.join(", ")})`);
    expect(render.results[0].error).toEqual(error);
  });

  it("a character no font has (FONT)", () => {
    const { validate, render, codes } = both("emoji.yaml", MINIMAL_YAML.replace("第一段。", "第一段😀。"));
    expect(codes).toEqual([1, 1]);
    expect(validate.results[0].errors[0]).toMatchObject({ code: "FONT", path: "letter.paragraphs[0]", line: 14 });
    expect(render.results[0].error).toEqual(validate.results[0].errors[0]);
  });

  it("templates that write bad markup, or use a field the data lacks (--templates)", () => {
    const tpl = join(tmp(), "tpl");
    expect(undoc(["init", tpl, "--full"]).code).toBe(0);
    // the partial that writes the annex's section headings: <heading> becomes an unknown <subheading>
    const partials = join(tpl, "partials");
    const annex = readdirSync(partials)
      .map((f) => join(partials, f))
      .find((f) => /<heading[\s>]/.test(readFileSync(f, "utf8")))!;
    writeFileSync(annex, readFileSync(annex, "utf8").replace(/<heading\b/g, "<subheading").replace(/<\/heading>/g, "</subheading>"));
    const markup = both("ex.yaml", readFileSync(EXAMPLE, "utf8").replace("# yaml-language-server", "#"), ["--templates", tpl]);
    expect(markup.codes).toEqual([1, 1]);
    expect(markup.validate.results[0].errors[0]).toMatchObject({ code: "MARKUP", file: annex });
    expect(markup.render.results[0].error).toEqual(markup.validate.results[0].errors[0]);

    const letter = join(tpl, "partials", "letter.hbs");
    writeFileSync(letter, `{{subtitle}}\n${readFileSync(letter, "utf8")}`);
    const field = both("min.yaml", MINIMAL_YAML, ["--templates", tpl]);
    expect(field.codes).toEqual([1, 1]);
    expect(field.validate.results[0].errors[0]).toMatchObject({ code: "TEMPLATE", file: letter, line: 1 });
  });

  it("a template folder that does not exist", () => {
    const { validate, codes } = both("min.yaml", MINIMAL_YAML, ["--templates", "/nonexistent/tpl"]);
    expect(codes).toEqual([1, 1]);
    expect(validate.results[0].errors[0].code).toMatch(/TEMPLATE|STYLE/);
  });

  it("loads neither writer (no pdfmake, no docx) nor fontkit: validating stays fast", () => {
    const dir = tmp();
    const log = join(dir, "loaded.txt");
    writeFileSync(join(dir, "hooks.mjs"), 'import { appendFileSync } from "node:fs";\nexport async function resolve(s, c, next) { const r = await next(s, c); appendFileSync(process.env.LOAD_LOG, r.url + "\\n"); return r; }\n');
    // CommonJS requires (fontkit, pdfmake: through createRequire) do not pass the ESM hooks
    writeFileSync(
      join(dir, "register.mjs"),
      'import { register, createRequire } from "node:module";\nimport { appendFileSync } from "node:fs";\nregister("./hooks.mjs", import.meta.url);\nconst M = createRequire(import.meta.url)("node:module");\nconst load = M._load;\nM._load = function (request, parent, isMain) { const m = load.apply(this, arguments); try { appendFileSync(process.env.LOAD_LOG, M._resolveFilename(request, parent, isMain) + "\\n"); } catch {} return m; };\n',
    );
    const run = (args: string[]) => {
      writeFileSync(log, "");
      // the unbundled command: its modules load one by one, as the bundle evaluates them (tests/cli/lazy.test.ts)
      const r = spawnSync(process.execPath, ["--import", join(dir, "register.mjs"), UNBUNDLED, ...args], { encoding: "utf8", env: { ...process.env, LOAD_LOG: log } });
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(log, "utf8");
    };
    const validated = run(["validate", EXAMPLE]);
    expect(validated).toContain("/dist/render/check.js");
    expect(validated).toContain("/dist/render/pipeline.js");
    expect(validated.split("\n").filter((u) => /\/dist\/writers\/|\/node_modules\/(docx|pdfmake|pdfkit|fontkit)\//.test(u))).toEqual([]);
    // the hook does see the writers when they load
    mkdirSync(join(dir, "out"));
    const rendered = run(["render", EXAMPLE, "--format", "pdf", "--out", join(dir, "out"), "--quiet"]);
    expect(rendered).toContain("/dist/writers/pdf/index.js");
    expect(rendered).toContain("/node_modules/pdfkit/");
  });
});
