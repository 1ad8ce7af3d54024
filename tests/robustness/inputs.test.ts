/**
 * Inputs a hostile or careless user gives (issue 18, items 3, 4, 8 to 10 and 13), through the
 * command line: devices, folders and sockets as input, files that lie about their size, glob
 * characters in real file names, very long values, control characters that would reach the
 * terminal, a bad SOURCE_DATE_EPOCH, files built to be slow or to blow up. Each gets the exit code
 * and message the README promises (1 and a located error for bad input, 2 for command-line
 * misuse), within a few seconds, and nothing is written. A named pipe (FIFO) needs mkfifo:
 * tests/conformance/fifo.test.ts.
 */
import { describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { readRegularFile } from "../../src/input/read-file.js";
import { UndocError } from "../../src/errors.js";
import { CLI, tmp, undoc } from "../cli/run.js";
import { MINIMAL_YAML } from "../helpers.js";

const listing = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

/** `undoc render file` into a fresh folder: the run, how long it took, and what was written. */
function render(file: string, extra: string[] = [], env: Record<string, string> = {}) {
  const out = join(tmp("undoc-in-out-"), "out");
  const t0 = Date.now();
  const r = undoc(["render", file, "--out", out, ...extra], { env });
  return { ...r, ms: Date.now() - t0, written: listing(out) };
}

describe("3. only regular files, read with a hard cap", () => {
  it.each([
    ["/dev/zero", /cannot read the input: it is a device \(like \/dev\/zero\), not a regular file/],
    ["/dev/urandom", /it is a device/],
    ["/dev/null", /it is a device/],
  ])("%s: exit 1 at once, nothing read", (device, message) => {
    const r = render(device);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.ms).toBeLessThan(10_000);
    expect(r.written).toEqual([]);
  });

  it("a folder: exit 1, it is a folder", () => {
    const r = render(tmp());
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot read the input: it is a folder/);
  });

  it("a socket: exit 1, it is a socket", async () => {
    const path = join(tmp(), "doc.yaml");
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(path, resolve));
    try {
      const r = await new Promise<{ code: number | null; err: string }>((resolve) => {
        const child = spawn(process.execPath, [CLI, "render", path, "--out", join(tmp(), "out")], { stdio: ["ignore", "ignore", "pipe"] });
        let err = "";
        child.stderr.on("data", (d: Buffer) => (err += d));
        child.on("close", (code: number | null) => resolve({ code, err }));
      });
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/it is a socket, not a regular file/);
    } finally {
      server.close();
    }
  });

  it("a file over 64 MB (sparse: stat says so): refused before reading", () => {
    const file = join(tmp(), "huge.yaml");
    writeFileSync(file, "");
    truncateSync(file, 64 * 2 ** 20 + 1);
    const r = render(file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/the file is 64 MB: undoc reads files of up to 64 MB/);
  });

  it("a regular file whose stat size is 0 but which holds more (/proc): the cap holds whatever stat says", () => {
    expect(readRegularFile("/proc/self/status", { code: "INPUT_READ", maxBytes: 1 << 20, what: "x" }).length).toBeGreaterThan(100);
    let e: unknown;
    try {
      readRegularFile("/proc/self/status", { code: "INPUT_READ", maxBytes: 64, what: "the input" });
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(UndocError);
    expect((e as UndocError).message).toMatch(/the file is larger than .* \(it was still growing when read\)/);
  });

  it("standard input (-) is not read: exit 2 saying so", () => {
    const r = spawnSync(process.execPath, [CLI, "render", "-"], { encoding: "utf8", input: MINIMAL_YAML });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/undoc reads data from files, not from standard input/);
  });
});

describe("4. glob characters in a real file name", () => {
  it("doc[1].yaml renders itself only, not doc1.yaml too", () => {
    const dir = tmp();
    writeFileSync(join(dir, "doc[1].yaml"), MINIMAL_YAML);
    writeFileSync(join(dir, "doc1.yaml"), MINIMAL_YAML);
    const r = render(join(dir, "doc[1].yaml"), ["--format", "pdf"]);
    expect(r.code, r.err).toBe(0);
    expect(r.written).toEqual(["doc[1].pdf"]);
  });

  it("a pattern that is not a file is still a glob", () => {
    const dir = tmp();
    writeFileSync(join(dir, "doc1.yaml"), MINIMAL_YAML);
    const r = render(join(dir, "doc[1].yaml"), ["--format", "pdf"]);
    expect(r.code, r.err).toBe(0);
    expect(r.written).toEqual(["doc1.pdf"]);
  });
});

describe("8. valid long data", () => {
  it("a 2,310-character symbol: exit 1 at meta.symbol, the data's line (not a MARKUP error in document.hbs)", () => {
    const file = join(tmp(), "symbol.yaml");
    writeFileSync(file, MINIMAL_YAML.replace("symbol: S/2020/905", `symbol: S/${"1".repeat(2308)}`));
    const r = render(file);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`error: ${file}:2:11: is 2310 characters long, more than 80`);
    expect(r.err).toContain("at meta.symbol");
  });

  it("an 80-character symbol (the longest) and a 4,100-character sender and title render, QR code included", () => {
    const file = join(tmp(), "long.yaml");
    const symbol = `S/${"2020/".repeat(15)}905`.slice(0, 80);
    writeFileSync(file, MINIMAL_YAML.replace("symbol: S/2020/905", `symbol: ${symbol}`).replace("from: 甲", `from: ${"甲".repeat(4100)}`).replace("  to: 乙\n", `  to: 乙\n  title: ${"题".repeat(4100)}\n`));
    const r = render(file);
    expect(r.code, r.err).toBe(0);
    expect(r.written).toEqual(["long.docx", "long.pdf"]);
  });
});

describe("9. nothing from data reaches the terminal unescaped", () => {
  it("a key holding a newline cannot forge a line of the log; ESC and BEL are shown escaped", () => {
    const file = join(tmp(), "forge.yaml");
    writeFileSync(file, MINIMAL_YAML.replace("  to: 乙\n", '  to: 乙\n  "x\\nok output/forged.pdf (25 KB)\\e[31m\\a": 1\n'));
    const r = render(file);
    expect(r.code).toBe(1);
    const lines = `${r.out}${r.err}`.split("\n");
    expect(lines.some((l) => l.startsWith("ok output/forged.pdf"))).toBe(false);
    expect(r.err).toContain('unknown field "x\\nok output/forged.pdf (25 KB)\\u{001B}[31m\\u{0007}"');
    expect(r.err).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  });

  it("a file name with a newline and ESC: the ok line shows it escaped", () => {
    const dir = tmp();
    const name = "a\nok forged\x1b[2J";
    writeFileSync(join(dir, `${name}.yaml`), MINIMAL_YAML);
    const r = undoc(["render", join(dir, `${name}.yaml`), "--out", join(dir, "out"), "--format", "pdf"]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe(`ok ${join(dir, "out")}/a\\nok forged\\u{001B}[2J.pdf (${Math.max(1, Math.round(statSync(join(dir, "out", `${name}.pdf`)).size / 1024))} KB)\n`);
  });

  it("--json: stdout is one JSON document, the escapes kept exact inside it", () => {
    const file = join(tmp(), "forge.yaml");
    writeFileSync(file, MINIMAL_YAML.replace("  to: 乙\n", '  to: 乙\n  "x\\ny": 1\n'));
    const r = render(file, ["--json"]);
    const report = JSON.parse(r.out);
    expect(report.results[0].error.path).toBe("letter.x\ny"); // the data as it is, JSON-escaped
    expect(report.results[0].error.message).toContain('unknown field "x\\ny"');
  });
});

describe("10. SOURCE_DATE_EPOCH", () => {
  it.each(["abc", "-5", "1e9", "99999999999999", "1.5", "0", "4354819200"])("%s: exit 2, one line naming the variable, nothing written", (value) => {
    const file = join(tmp(), "doc.yaml");
    writeFileSync(file, MINIMAL_YAML);
    const r = render(file, [], { SOURCE_DATE_EPOCH: value });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: SOURCE_DATE_EPOCH/);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.written).toEqual([]);
  });

  it("--json: the report says USAGE", () => {
    const file = join(tmp(), "doc.yaml");
    writeFileSync(file, MINIMAL_YAML);
    const r = render(file, ["--json"], { SOURCE_DATE_EPOCH: "abc" });
    expect(JSON.parse(r.out).error.code).toBe("USAGE");
  });
});

describe("13. files built to be slow or to blow up", () => {
  it("40,000 unknown keys (570 KB): located errors in seconds, not minutes", () => {
    const file = join(tmp(), "keys.yaml");
    writeFileSync(file, MINIMAL_YAML + Array.from({ length: 40_000 }, (_, i) => `k${i}: v${i}\n`).join(""));
    const t0 = Date.now();
    const r = undoc(["validate", file, "--json"]);
    expect(Date.now() - t0).toBeLessThan(8000);
    const report = JSON.parse(r.out);
    expect(report.results[0].errors[0].message).toMatch(/unknown field "k0"/);
    expect(report.results[0].more).toBe(40_000 - 50);
  });

  it("99 aliases of a 400,000-character anchor: refused at the first alias before expanding", () => {
    const file = join(tmp(), "aliases.yaml");
    writeFileSync(file, MINIMAL_YAML.replace("from: 甲", `from: &a ${"x".repeat(400_000)}`).replace("    - 第一段。\n", "    - *a\n".repeat(99)));
    const t0 = Date.now();
    const r = render(file);
    expect(Date.now() - t0).toBeLessThan(8000);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`error: ${file}:14:7: YAML syntax error: aliases (*name) repeat 39,600,099 characters of the file, more than 1,048,576`);
  });

  it("an alias inside its own anchor: refused, not a cyclic object", () => {
    const file = join(tmp(), "cycle.yaml");
    writeFileSync(file, MINIMAL_YAML.replace("    - 第一段。\n", "    - &x [*x]\n"));
    const r = render(file);
    expect(r.code).toBe(1);
    expect(r.err).toContain("the alias *x is inside the anchor &x it refers to");
  });
});
