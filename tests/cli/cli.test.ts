import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// the CLI as users run it: the built dist/cli.js (npm test builds first)
function undoc(args: string[], cwd = process.cwd()) {
  const r = spawnSync(process.execPath, [join(process.cwd(), "dist", "cli.js"), ...args], { cwd, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const EXAMPLE = join(process.cwd(), "examples", "arria-belarus-2020.zh.yaml");

describe("undoc CLI", () => {
  it("renders a PDF named after the input into --out", () => {
    const out = mkdtempSync(join(tmpdir(), "undoc-cli-"));
    const r = undoc(["render", EXAMPLE, "--out", out, "--format", "pdf"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(existsSync(join(out, "arria-belarus-2020.zh.pdf"))).toBe(true);
    expect(existsSync(join(out, "arria-belarus-2020.zh.docx"))).toBe(false);
  });

  it("exits 1 with a located message and no stack trace on bad data, and writes nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "undoc-cli-"));
    const bad = join(dir, "bad.yaml");
    const text = readFileSync(EXAMPLE, "utf8").replace("organ: 安全理事会", "organ: 42");
    writeFileSync(bad, text);
    const line = text.split("\n").findIndex((l) => l.includes("organ: 42")) + 1;
    const r = undoc(["render", bad, "--out", dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${bad}:${line}:`);
    expect(r.err).toContain("meta.organ");
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, "bad.pdf"))).toBe(false);
  });

  it("exits 2 on usage errors", () => {
    expect(undoc([]).code).toBe(2);
    expect(undoc(["render"]).code).toBe(2);
    const r = undoc(["render", EXAMPLE, "--format", "odt"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown format "odt"');
    expect(undoc(["frobnicate"]).code).toBe(2);
  });

  it("prints the JSON Schema", () => {
    const r = undoc(["schema"]);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.out);
    expect(schema.properties.meta.properties.symbol.type).toBe("string");
    expect(schema.required).toEqual(["meta", "letter"]);
  });
});
