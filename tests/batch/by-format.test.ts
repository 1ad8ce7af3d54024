/**
 * A batch on two workers with both formats is split by format (src/batch/pool.ts): the first
 * prepares every document and writes its PDF, the second writes the DOCX from the model it is
 * handed and commits both. The files must be the ones one worker writes, and a document that
 * fails writes nothing.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const EXAMPLE = readFileSync(join(process.cwd(), "examples", "arria-belarus-2020.zh.yaml"), "utf8");
const CLI = join(process.cwd(), "dist", "cli.js");

describe("batch split by format (--jobs 2)", () => {
  it("writes the same files as --jobs 1, and nothing for a document that fails", () => {
    const dir = mkdtempSync(join(tmpdir(), "undoc-split-"));
    const inputs = {
      "a.yaml": EXAMPLE,
      "b.yaml": EXAMPLE.replace("organ: 安全理事会", "organ: 42"),
      "c.yaml": EXAMPLE.replace("symbol: S/2020/905", "symbol: S/2020/906"),
      "d.yaml": "",
      "e.yaml": EXAMPLE.replace("symbol: S/2020/905", "symbol: S/2020/907"),
    };
    for (const [name, text] of Object.entries(inputs)) writeFileSync(join(dir, name), text);
    const files = Object.keys(inputs).map((n) => join(dir, n));
    const run = (jobs: string) => {
      const out = join(dir, `out-${jobs}`);
      const r = spawnSync(process.execPath, [CLI, "render", ...files, "--out", out, "--jobs", jobs, "--json"], { encoding: "utf8" });
      expect(r.status).toBe(1);
      const report = JSON.parse(r.stdout) as { rendered: number; failed: number; results: { input: string; ok: boolean; outputs?: { format: string; sha256: string }[] }[] };
      return { out, report };
    };
    const one = run("1");
    const two = run("2");
    expect(two.report.rendered).toBe(3);
    expect(two.report.failed).toBe(2);
    expect(readdirSync(two.out).sort()).toEqual(["a.docx", "a.pdf", "c.docx", "c.pdf", "e.docx", "e.pdf"]);
    // the same outputs, in the same order (PDF then DOCX), as one worker renders them
    const digests = (rep: typeof one.report) => rep.results.map((r) => [r.input, r.ok, r.outputs?.map((o) => `${o.format}:${o.sha256}`)]);
    expect(digests(two.report)).toEqual(digests(one.report));
    for (const f of readdirSync(one.out)) expect(readFileSync(join(two.out, f)).equals(readFileSync(join(one.out, f)))).toBe(true);
  }, 120_000);
});
