/**
 * `undoc render --json` and --out in CI: one JSON report on stdout in every case (rendered,
 * failed, refused, bad options), `ok` a boolean that is true only when everything rendered,
 * outputs with sizes and SHA-256; outputs keep the inputs' folders so equal names never clash.
 */
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { MINIMAL_YAML } from "../helpers.js";
import { EXAMPLE, tmp, undoc } from "./run.js";

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** every file below a folder, relative to it, sorted */
function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

function docs(tree: Record<string, string>): string {
  const dir = tmp("undoc-tree-");
  for (const [name, text] of Object.entries(tree)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe("--out keeps the inputs' folders below their common folder", () => {
  it("docs/a/x.yaml and docs/b/x.yaml give out/a/x.* and out/b/x.*, no clash", () => {
    const dir = docs({ "docs/a/x.yaml": MINIMAL_YAML, "docs/b/x.yaml": MINIMAL_YAML.replace("第一段。", "第二段。"), "docs/b/c/y.yaml": MINIMAL_YAML });
    const out = join(dir, "out");
    const r = undoc(["render", join(dir, "docs/**/*.yaml"), "--out", out, "--format", "pdf"]);
    expect(r.err).toMatch(/^3 rendered, 0 failed, in \d+ ms\n$/);
    expect(r.code).toBe(0);
    expect(files(out)).toEqual(["a/x.pdf", "b/c/y.pdf", "b/x.pdf"]);
    expect(readFileSync(join(out, "a/x.pdf")).equals(readFileSync(join(out, "b/x.pdf")))).toBe(false);
  });

  it("one input, or inputs from one folder, give bare names as before", () => {
    const out = tmp();
    expect(undoc(["render", EXAMPLE, "--out", out, "--format", "pdf"]).code).toBe(0);
    expect(files(out)).toEqual(["arria-belarus-2020.zh.pdf"]);
    const dir = docs({ "p.yaml": MINIMAL_YAML, "q.yaml": MINIMAL_YAML });
    expect(undoc(["render", join(dir, "p.yaml"), join(dir, "q.yaml"), "--out", join(dir, "out"), "--format", "pdf"]).code).toBe(0);
    expect(files(join(dir, "out"))).toEqual(["p.pdf", "q.pdf"]);
  });

  it("x.yaml and x.json in one folder still clash: the run is refused, nothing is written, and --json says so", () => {
    const dir = docs({ "d/x.yaml": MINIMAL_YAML, "d/x.json": "{}", "d/y.yaml": MINIMAL_YAML });
    const out = join(dir, "out");
    const inputs = ["d/x.yaml", "d/x.json", "d/y.yaml"].map((f) => join(dir, f));
    const r = undoc(["render", ...inputs, "--out", out, "--json"]);
    expect(r.code).toBe(2);
    expect(files(out)).toEqual([]);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ ok: false, command: "render", documents: 3, rendered: 0, failed: 3, error: { code: "USAGE" } });
    expect(report.error.message).toContain(`${inputs[0]} and ${inputs[1]} would both write ${join(out, "x.*")}`);
    expect(report.results.map((d: { input: string; ok: boolean; error: { code: string } }) => [d.input, d.ok, d.error.code])).toEqual([
      [inputs[0], false, "OUTPUT"],
      [inputs[1], false, "OUTPUT"],
      [inputs[2], false, "NOT_RENDERED"],
    ]);
    expect(r.err).toMatch(/^error: .* would both write .*\n$/);
  });
});

describe("render --json: one report, whatever happens", () => {
  it("all rendered: ok true, counts, each output with its path, size and SHA-256", () => {
    const dir = docs({ "a/x.zh.yaml": MINIMAL_YAML, "b/x.zh.yaml": MINIMAL_YAML.replace("第一段。", "第二段。") });
    const out = join(dir, "out");
    const r = undoc(["render", join(dir, "a/x.zh.yaml"), join(dir, "b/x.zh.yaml"), "--out", out, "--json"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ ok: true, command: "render", documents: 2, rendered: 2, failed: 0 });
    expect(typeof report.ms).toBe("number");
    expect(report.error).toBeUndefined();
    const outputs = report.results.flatMap((d: { ok: boolean; outputs: Array<{ format: string; path: string; bytes: number; sha256: string }> }) => {
      expect(d.ok).toBe(true);
      return d.outputs;
    });
    expect(outputs.map((o: { format: string; path: string }) => [o.format, relative(out, o.path)])).toEqual([
      ["pdf", "a/x.zh.pdf"],
      ["docx", "a/x.zh.docx"],
      ["pdf", "b/x.zh.pdf"],
      ["docx", "b/x.zh.docx"],
    ]);
    for (const o of outputs) {
      expect(o.bytes).toBe(statSync(o.path).size);
      expect(o.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(o.sha256).toBe(sha256(o.path));
    }
  });

  it("nothing rendered: ok false (so `jq -e .ok` fails the step), exit 1", () => {
    const dir = docs({ "bad.yaml": MINIMAL_YAML.replace("organ: 安全理事会", "organ: 42") });
    const r = undoc(["render", join(dir, "bad.yaml"), "--out", join(dir, "out"), "--json"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ ok: false, documents: 1, rendered: 0, failed: 1 });
    expect(report.ok).toBe(false);
    expect(report.results[0]).toMatchObject({ ok: false, error: { code: "INPUT_SCHEMA", file: join(dir, "bad.yaml"), line: 3, column: 10, path: "meta.organ" } });
    expect(report.results[0].outputs).toBeUndefined();
  });

  it("some rendered: ok false, the failures with their errors", () => {
    const dir = docs({ "a.yaml": MINIMAL_YAML, "b.yaml": "" });
    const report = JSON.parse(undoc(["render", join(dir, "*.yaml"), "--out", join(dir, "out"), "--format", "pdf", "--json"]).out);
    expect(report).toMatchObject({ ok: false, documents: 2, rendered: 1, failed: 1 });
    expect(report.results[1].error).toMatchObject({ code: "INPUT_SCHEMA", message: expect.stringContaining("the file is empty") });
  });

  const refused: Array<[string, string[], RegExp]> = [
    ["a glob matching nothing", ["nowhere/*.yaml"], /no input matches "nowhere\/\*\.yaml"/],
    ["an unknown format", [EXAMPLE, "--format", "odt"], /unknown format "odt"/],
    ["a bad --jobs", [EXAMPLE, "--jobs", "0"], /--jobs takes a whole number/],
    ["no input", [], /no input files/],
    ["an unknown option", [EXAMPLE, "--formats", "pdf"], /unknown option --formats .*did you mean --format/],
    ["--watch with --json", [EXAMPLE, "--watch"], /--watch and --json do not go together/],
  ];
  for (const [what, args, message] of refused) {
    it(`refused for ${what}: exit 2, the report says why, stdout holds only it`, () => {
      const r = undoc(["render", ...args, "--json"]);
      expect(r.code).toBe(2);
      const report = JSON.parse(r.out); // the whole of stdout is one JSON document
      expect(report).toMatchObject({ ok: false, command: "render", documents: 0, rendered: 0, failed: 0, results: [] });
      expect(report.error.code).toBe("USAGE");
      expect(report.error.message).toMatch(message);
      expect(r.err).toMatch(message);
    });
  }

  it("validate --json reports a refused run the same way", () => {
    const r = undoc(["validate", "nowhere/*.yaml", "--json"]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, command: "validate", documents: 0, error: { code: "USAGE" }, results: [] });
  });
});
