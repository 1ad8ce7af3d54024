/**
 * Memory (issue 18, item 15): a document larger than this process can hold is refused before it
 * is parsed, with an INPUT_READ error at the file saying how large a file the process can take
 * and how to raise the limit; never an abort (exit 134) when V8 reaches its heap limit. Tested
 * in child processes under a small --max-old-space-size (src/render/memory.ts; measurements in
 * bench/MEMORY.md).
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CLI, ROOT, tmp } from "../cli/run.js";
import { MINIMAL_YAML } from "../helpers.js";

/** A letter of `n` paragraphs of 200 characters (about 600 bytes each). */
const letter = (n: number) => MINIMAL_YAML.replace("    - 第一段。\n", Array.from({ length: n }, (_, i) => `    - 第${i}段：${"安全理事会会员国呼吁对话。".repeat(16)}\n`).join(""));

const node = (heapMB: number, args: string[]) => spawnSync(process.execPath, [`--max-old-space-size=${heapMB}`, ...args], { encoding: "utf8", cwd: ROOT, maxBuffer: 1 << 26 });

describe("a document too large for the process's heap", () => {
  const dir = tmp("undoc-memory-");
  const big = join(dir, "big.yaml");
  writeFileSync(big, letter(12_000)); // 7 MB

  it("undoc render: exit 1, a located INPUT_READ error saying what the process can take, nothing written (not exit 134)", () => {
    const out = join(dir, "out");
    const r = node(100, [CLI, "render", big, "--out", out, "--json"]);
    expect(r.status).toBe(1);
    const error = JSON.parse(r.stdout).results[0].error;
    expect(error.code).toBe("INPUT_READ");
    expect(error.file).toBe(big);
    expect(error.message).toMatch(/the file is 7\.\d MB: rendering it \(pdf and docx\) needs about \d+ MB of memory, and this process may use \d+ MB; it can take files of up to about \d+ MB/);
    expect(error.message).toMatch(/hint: raise the limit \(NODE_OPTIONS=--max-old-space-size=\d+ undoc \.\.\.\), render one format at a time, or split the document/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it("undoc validate: the same refusal", () => {
    const r = node(40, [CLI, "validate", big]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/checking it needs about \d+ MB of memory/);
  });

  it("the library API: render() rejects with the UndocError", () => {
    const script = `import(${JSON.stringify(pathToFileURL(join(ROOT, "dist", "index.js")).href)}).then((m) => m.render(${JSON.stringify(big)})).then(() => process.exit(0), (e) => { console.log(e.code); process.exit(7); });`;
    const r = node(100, ["-e", script]);
    expect(r.status).toBe(7);
    expect(r.stdout.trim()).toBe("INPUT_READ");
  });

  it("a document that fits renders under the same small heap", () => {
    const small = join(dir, "small.yaml");
    writeFileSync(small, letter(200));
    const r = node(100, [CLI, "render", small, "--out", join(dir, "out-small"), "-q"]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(dir, "out-small")).sort()).toEqual(["small.docx", "small.pdf"]);
  });
});
