/**
 * The bundled command (dist/cli.js runs dist/cli.bundle.cjs) loads what a command uses and no
 * more: validate, schema and init never evaluate fontkit, pdfmake, pdfkit or the DOCX writer
 * ("docx"); a PDF-only render never evaluates the DOCX writer. The bundle's large libraries and
 * the DOCX writer note themselves in UNDOC_TRACE_LOADS when they are evaluated
 * (scripts/bundle.mjs); a full render shows that the notes work.
 * Also: the code cache is made, used, and replaced when it does not fit; two renders give the
 * same bytes with or without it.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CLI, EXAMPLE, ROOT, tmp } from "./run.js";

const BUNDLED = existsSync(join(ROOT, "dist", "cli.bundle.cjs"));
const HEAVY = ["fontkit", "pdfmake", "pdfkit", "docx"];

function loads(args: string[], env: Record<string, string> = {}): string[] {
  const dir = tmp();
  const log = join(dir, "loads.txt");
  writeFileSync(log, "");
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, ...env, UNDOC_TRACE_LOADS: log } });
  expect(r.status, r.stderr).toBe(0);
  return [...new Set(readFileSync(log, "utf8").split("\n").filter(Boolean))];
}

describe.skipIf(!BUNDLED)("the bundled command loads only what it uses", () => {
  it("validate, schema and init: no fontkit, pdfmake, pdfkit or docx", () => {
    for (const args of [["validate", EXAMPLE], ["schema"], ["init", join(tmp(), "tpl")]]) {
      expect(loads(args).filter((p) => HEAVY.includes(p)), args[0]).toEqual([]);
    }
  });

  it("render --format pdf: no docx; a full render loads the writers (the notes work)", () => {
    const out = tmp();
    expect(loads(["render", EXAMPLE, "--format", "pdf", "--out", out, "--quiet"])).not.toContain("docx");
    const all = loads(["render", EXAMPLE, "--out", out, "--quiet"]);
    expect(all).toEqual(expect.arrayContaining(["pdfmake", "docx"]));
  });
});

describe.skipIf(!BUNDLED)("the code cache", () => {
  it("is made by a run without one, used by the next, and changes no byte of the output", () => {
    const cache = tmp("undoc-cache-");
    const run = (out: string) => {
      const r = spawnSync(process.execPath, [CLI, "render", EXAMPLE, "--out", out, "--quiet"], { encoding: "utf8", env: { ...process.env, UNDOC_CACHE_DIR: cache } });
      expect(r.status, r.stderr).toBe(0);
      return ["pdf", "docx"].map((ext) => readFileSync(join(out, `arria-belarus-2020.zh.${ext}`)));
    };
    const first = run(tmp());
    // the worker's (render's own thread runs the unbundled command: cli-launcher.ts)
    const made = readdirSync(cache).filter((f) => f.endsWith(".v8cache")).sort();
    expect(made.map((f) => f.split("-")[0])).toEqual(["worker"]);
    // the other commands run the bundle on the command's thread: a cache of their own
    const v = spawnSync(process.execPath, [CLI, "validate", EXAMPLE], { encoding: "utf8", env: { ...process.env, UNDOC_CACHE_DIR: cache } });
    expect(v.status, v.stderr).toBe(0);
    expect(readdirSync(cache).filter((f) => f.endsWith(".v8cache")).map((f) => f.split("-")[0]).sort()).toEqual(["cli", "worker"]);
    const second = run(tmp());
    expect(second[0].equals(first[0]) && second[1].equals(first[1])).toBe(true);
    // a damaged cache is refused by V8 and made again; the command still works
    for (const f of made) writeFileSync(join(cache, f), Buffer.alloc(1000, 7));
    const third = run(tmp());
    expect(third[0].equals(first[0])).toBe(true);
    for (const f of made) expect(readFileSync(join(cache, f)).length).toBeGreaterThan(1000);
    // and without any cache
    const off = tmp();
    const r = spawnSync(process.execPath, [CLI, "render", EXAMPLE, "--out", off, "--quiet"], { encoding: "utf8", env: { ...process.env, UNDOC_CACHE_DIR: "off" } });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(off, "arria-belarus-2020.zh.pdf")).equals(first[0])).toBe(true);
  });
});
