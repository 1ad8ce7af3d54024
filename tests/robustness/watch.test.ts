/**
 * `undoc render --watch` under deletion and mistakes (issue 18, item 11), through the command line:
 * a folder missing at the start is waited for (not an internal error), a watched folder deleted
 * and made again is watched again, --quiet prints nothing but errors, --json is refused (exit 2),
 * and Ctrl-C ends with the last round's exit code (1 when it failed).
 */
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CLI, tmp, undoc } from "../cli/run.js";
import { MINIMAL_YAML } from "../helpers.js";

function watchRun(args: string[]) {
  const child = spawn(process.execPath, [CLI, "render", ...args, "--watch", "--format", "pdf"], { stdio: ["ignore", "pipe", "pipe"] });
  const run = { out: "", err: "", child };
  child.stdout.on("data", (d) => (run.out += d));
  child.stderr.on("data", (d) => (run.err += d));
  const ended = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  /** waits until stdout or stderr holds `text` `times` times */
  const until = async (pattern: RegExp, times = 1, timeoutMs = 30_000) => {
    const t0 = Date.now();
    while ((`${run.out}${run.err}`.match(new RegExp(pattern.source, `${pattern.flags}g`)) ?? []).length < times) {
      if (Date.now() - t0 > timeoutMs) throw new Error(`waited for ${pattern} x${times}:\n${run.out}\n${run.err}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const stop = async () => {
    child.kill("SIGINT");
    return ended;
  };
  return { run, until, stop };
}

describe("--watch", () => {
  it("a folder missing at the start: the error is reported, the watch goes on and renders once the folder and file appear", async () => {
    const dir = tmp("undoc-watch-");
    const input = join(dir, "later", "doc.yaml");
    const w = watchRun([input, "--out", join(dir, "out")]);
    await w.until(/cannot read the input: no such file/);
    expect(w.run.err).not.toMatch(/internal error/);
    mkdirSync(join(dir, "later"));
    writeFileSync(input, MINIMAL_YAML);
    await w.until(/^ok .*doc\.pdf/m);
    expect(await w.stop()).toBe(0);
  }, 60_000);

  it("a watched folder deleted and made again: watched again, renders on the next change", async () => {
    const dir = tmp("undoc-watch-");
    const folder = join(dir, "data");
    mkdirSync(folder);
    const input = join(folder, "doc.yaml");
    writeFileSync(input, MINIMAL_YAML);
    const w = watchRun([input, "--out", join(dir, "out")]);
    await w.until(/^ok .*doc\.pdf/m);
    rmSync(folder, { recursive: true });
    await new Promise((r) => setTimeout(r, 600));
    mkdirSync(folder);
    writeFileSync(input, MINIMAL_YAML.replace("第一段。", "第二段。"));
    await w.until(/^ok .*doc\.pdf/m, 2);
    writeFileSync(input, MINIMAL_YAML.replace("第一段。", "第三段。"));
    await w.until(/^ok .*doc\.pdf/m, 3);
    expect(await w.stop()).toBe(0);
  }, 60_000);

  it("a layered template folder deleted and made again: watched again, its locale change renders", async () => {
    const dir = tmp("undoc-watch-");
    const tpl = join(dir, "tpl");
    const makeTemplates = (signed: string) => {
      mkdirSync(join(tpl, "locales"), { recursive: true });
      writeFileSync(join(tpl, "template.yaml"), "base: default\n");
      writeFileSync(join(tpl, "locales", "zh.yaml"), `letter:\n  signed: "${signed}"\n`);
    };
    makeTemplates("(签字)");
    const input = join(dir, "doc.yaml");
    writeFileSync(input, MINIMAL_YAML);
    const w = watchRun([input, "--out", join(dir, "out"), "--templates", tpl]);
    await w.until(/^ok .*doc\.pdf/m);
    rmSync(tpl, { recursive: true });
    await new Promise((r) => setTimeout(r, 600));
    makeTemplates("(亲笔签名)");
    await w.until(/^ok .*doc\.pdf/m, 2);
    // the new folder's files are watched: a change in it renders again
    writeFileSync(join(tpl, "locales", "zh.yaml"), 'letter:\n  signed: "(盖章)"\n');
    await w.until(/^ok .*doc\.pdf/m, 3);
    expect(await w.stop()).toBe(0);
    expect(w.run.err).not.toMatch(/internal error/);
  }, 60_000);

  it("Ctrl-C after a round that failed: exit 1; --quiet prints only the error", async () => {
    const dir = tmp("undoc-watch-");
    const input = join(dir, "doc.yaml");
    writeFileSync(input, MINIMAL_YAML);
    const w = watchRun([input, "--out", join(dir, "out"), "--quiet"]);
    await new Promise((r) => setTimeout(r, 300));
    writeFileSync(input, MINIMAL_YAML.replace("organ: 安全理事会", "organ: 42"));
    await w.until(/expected text/);
    expect(await w.stop()).toBe(1);
    expect(w.run.out).toBe("");
    expect(w.run.err).not.toMatch(/internal error|\n\s+at /);
  }, 60_000);

  it("--json: refused with exit 2 (a watch has no single report)", () => {
    const dir = tmp("undoc-watch-");
    writeFileSync(join(dir, "doc.yaml"), MINIMAL_YAML);
    const r = undoc(["render", join(dir, "doc.yaml"), "--watch", "--json"]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error.code).toBe("USAGE");
  });
});
