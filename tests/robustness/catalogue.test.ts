/**
 * The catalogue of bad, hostile and huge inputs, through the command line as a CI pipeline runs
 * it: one batch of every input. Each input gets either a correct document or a clear error that
 * names the file, the line and the field, with exit code 1 (never 3, never a stack trace), and
 * the failures do not stop the rest of the batch from rendering.
 *
 * The catalogue (input -> what it gets) is the table CATALOGUE in catalogue.ts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { docxProblems, docxText } from "../property/xml.js";
import { pdfStructureProblems } from "../helpers/pdf.js";
import { bodyText, IGNORABLE, squash } from "./pdf-text.js";
import { CATALOGUE, LONG, LONG_FIELDS, type Entry } from "./catalogue.js";

const ROOT = process.cwd();
const CLI = join(ROOT, "dist", "cli.js");

interface DocResult {
  input: string;
  ok: boolean;
  outputs?: Array<{ format: string; path: string; bytes: number }>;
  error?: { code: string; message: string; file?: string; line?: number; column?: number; path?: string };
}

let dir: string;
let out: string;
let run: { code: number | null; stdout: string; stderr: string };
let results: Map<string, DocResult>;
const pathOf = (e: Entry) => join(dir, e.file);


beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "undoc-catalogue-"));
  out = join(dir, "out");
  for (const e of CATALOGUE) writeFileSync(pathOf(e), e.content);
  writeFileSync(join(dir, "long-fields.yaml"), LONG_FIELDS);
  const inputs = [...CATALOGUE.map(pathOf), join(dir, "long-fields.yaml")];
  const r = spawnSync(process.execPath, [CLI, "render", ...inputs, "--out", out, "--json"], { encoding: "utf8", maxBuffer: 64 << 20 });
  run = { code: r.status, stdout: r.stdout, stderr: r.stderr };
  const summary = JSON.parse(r.stdout) as { results: DocResult[] };
  results = new Map(summary.results.map((d) => [d.input, d]));
}, 300_000);

describe("the catalogue through `undoc render` (one batch)", () => {
  it("exits 1 (bad input), not 3 (internal error), and reports every input", () => {
    expect(run.code).toBe(1);
    expect(results.size).toBe(CATALOGUE.length + 1);
    for (const d of results.values()) expect(d.error?.code, `${d.input}: ${d.error?.message}`).not.toBe("INTERNAL");
  });

  for (const e of CATALOGUE.filter((x) => x.error && !x.fontCheck)) {
    it(`${e.name}: a clear error naming the file, line and field`, () => {
      const d = results.get(pathOf(e))!;
      expect(d.ok).toBe(false);
      const err = d.error!;
      expect(err.code).toBe(e.error!.code);
      expect(err.file).toBe(pathOf(e));
      expect(err.message).toMatch(e.error!.message);
      expect(err.message.startsWith(`${pathOf(e)}:`)).toBe(true);
      expect(err.line).toBeGreaterThanOrEqual(1);
      if (e.error!.line) expect(err.line).toBe(e.error!.line);
      if (e.error!.column) expect(err.column).toBe(e.error!.column);
      if (e.error!.path) {
        expect(err.path).toBe(e.error!.path);
        expect(err.message).toContain(` at ${e.error!.path}`);
      }
      expect(err.message).not.toMatch(/\n\s+at /); // no stack trace
    });
  }

  for (const e of CATALOGUE.filter((x) => x.fontCheck)) {
    it(`${e.name}: a FONT error listing the character, its field and line (needs checkCoverage in the pipeline)`, () => {
      const d = results.get(pathOf(e))!;
      expect(d.error?.code, d.ok ? "rendered: the pipeline does not call checkCoverage yet" : d.error?.message).toBe("FONT");
      expect(d.error!.file).toBe(pathOf(e));
      expect(d.error!.message).toMatch(e.error!.message);
      if (e.error!.line) expect(d.error!.line).toBe(e.error!.line);
      if (e.error!.column) expect(d.error!.column).toBe(e.error!.column);
      if (e.error!.path) expect(d.error!.path).toBe(e.error!.path);
    });
  }

  for (const e of CATALOGUE.filter((x) => !x.error)) {
    it(`${e.name}: a correct PDF and DOCX`, async () => {
      const d = results.get(pathOf(e))!;
      expect(d.ok, d.error?.message).toBe(true);
      const pdf = d.outputs!.find((o) => o.format === "pdf")!.path;
      const docx = d.outputs!.find((o) => o.format === "docx")!.path;
      expect(pdfStructureProblems(readFileSync(pdf))).toEqual([]); // qpdf --check: tests/conformance/pdf.test.ts
      const text = await bodyText(pdf);
      for (const s of e.pdfHas ?? []) expect(text).toContain(squash(s));
      const bytes = readFileSync(docx);
      expect(await docxProblems(bytes)).toEqual([]);
      // the DOCX keeps invisible format characters (Word handles them); compare without them
      const words = squash(await docxText(bytes)).replace(IGNORABLE, "");
      for (const s of e.pdfHas ?? []) expect(words).toContain(squash(s));
    });
  }

  it("2,000-letter title, heading, signature name and 60 signature lines: every letter is in the PDF (needs the blocks.ts fix)", async () => {
    const d = results.get(join(dir, "long-fields.yaml"))!;
    expect(d.ok, d.error?.message).toBe(true);
    const pdf = d.outputs!.find((o) => o.format === "pdf")!.path;
    expect(pdfStructureProblems(readFileSync(pdf))).toEqual([]);
    const text = await bodyText(pdf);
    // from (in the letter's title and the annex heading), the name, the annex title and the section heading
    expect(text.match(/A/g)?.length ?? 0).toBeGreaterThanOrEqual(5 * 2000);
    expect(text).toContain(`标题${LONG}`);
    expect(text).toContain(`附件${LONG}`);
    expect(text).toContain("衔59");
  });

  it("leaves no temporary or partial file, and nothing for the inputs that failed", () => {
    const files = readdirSync(out).sort();
    const rendered = [...results.values()].filter((d) => d.ok).flatMap((d) => d.outputs!.map((o) => o.path.split("/").pop()!));
    expect(files).toEqual(rendered.sort());
    expect(files.some((f) => f.endsWith(".tmp") || f.startsWith("."))).toBe(false);
  });

  it("prints each error as one located line, without a stack trace, when not --json", () => {
    const bad = CATALOGUE.filter((e) => e.error && !e.fontCheck).map(pathOf);
    const r = spawnSync(process.execPath, [CLI, "validate", ...bad], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).not.toContain("internal error");
    for (const file of bad) expect(r.stderr).toContain(`error: ${file}:`);
  });
});
