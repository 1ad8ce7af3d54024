/**
 * Interruptions (issue 18, items 1 and 2): a document's PDF and DOCX are written as one
 * transaction (src/render/commit.ts). Whatever stops a run (a DOCX that cannot be written, a full
 * disk or `ulimit -f`, a folder in the way, SIGINT, SIGTERM or SIGKILL at any moment) the output
 * folder holds the earlier pair or the new pair, never a mix and never a temporary; after SIGKILL
 * that holds once the next undoc run into the folder has started (src/render/recover.ts).
 *
 * UNDOC_TEST_PAUSE=<step>:<ms> holds a commit at a step so that a signal lands exactly there;
 * signals.test.ts signals at random moments of real renders.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { commitOutputs } from "../../src/render/commit.js";
import { recoverFolder } from "../../src/render/recover.js";
import { CLI, tmp, undoc } from "../cli/run.js";
import { MINIMAL_YAML } from "../helpers.js";
import { deadPid, hidden, listing, sha, start, until, version } from "./processes.js";

/** doc.pdf and doc.docx of versions 1 and 2, rendered once for the whole file */
let reference: { dir: string; hashes: string[][] } | undefined;
function referencePairs() {
  if (reference) return reference;
  const dir = tmp("undoc-pair-ref-");
  const hashes: string[][] = [];
  for (const n of [1, 2]) {
    writeFileSync(join(dir, "doc.yaml"), version(n));
    expect(undoc(["render", join(dir, "doc.yaml"), "--out", join(dir, `v${n}`), "-q"]).code).toBe(0);
    hashes.push([sha(join(dir, `v${n}`, "doc.pdf")), sha(join(dir, `v${n}`, "doc.docx"))]);
  }
  return (reference = { dir, hashes });
}

/** A folder with doc.pdf and doc.docx of version 1, and the input at version 2; the two pairs' hashes. */
function pairs() {
  const ref = referencePairs();
  const dir = tmp("undoc-pair-");
  const input = join(dir, "doc.yaml");
  const out = join(dir, "out");
  cpSync(join(ref.dir, "v1"), out, { recursive: true });
  writeFileSync(input, version(2));
  const pair = () => [sha(join(out, "doc.pdf")), sha(join(out, "doc.docx"))];
  return { dir, input, out, old: ref.hashes[0], fresh: ref.hashes[1], pair };
}

describe("the pair is written together or not at all", () => {
  it("writes both formats and nothing else (no temporary, no journal)", () => {
    const dir = tmp("undoc-commit-");
    commitOutputs([
      { path: join(dir, "x.pdf"), bytes: Uint8Array.from([1]) },
      { path: join(dir, "x.docx"), bytes: Uint8Array.from([2]) },
    ]);
    expect(listing(dir)).toEqual(["x.docx", "x.pdf"]);
  });

  it("a folder named x.docx: exit 1, an OUTPUT error naming it, the earlier PDF untouched, no temporary", () => {
    const p = pairs();
    const before = sha(join(p.out, "doc.pdf"));
    const docx = join(p.out, "doc.docx");
    // a folder where the DOCX goes
    rmSync(docx);
    mkdirSync(docx);
    const r = undoc(["render", p.input, "--out", p.out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`error: ${docx}: cannot write the output: a folder of that name is in the way`);
    expect(sha(join(p.out, "doc.pdf"))).toBe(before);
    expect(hidden(p.out)).toEqual([]);
  });

  it("ulimit -f: the DOCX is larger than the process may write; exit 1, the earlier pair intact, no temporary", () => {
    const p = pairs();
    const pdfBytes = statSync(join(p.out, "doc.pdf")).size;
    const docxBytes = statSync(join(p.out, "doc.docx")).size;
    expect(docxBytes).toBeGreaterThan(pdfBytes + 4096);
    // a limit (512-byte blocks) the PDF fits under and the DOCX does not
    const blocks = Math.floor((pdfBytes + 2048) / 512);
    const r = spawnSync("sh", ["-c", `ulimit -f ${blocks} && exec "$0" "$@"`, process.execPath, CLI, "render", p.input, "--out", p.out], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/cannot write the output: the file is larger than this process may write \(EFBIG/);
    expect(p.pair()).toEqual(p.old);
    expect(hidden(p.out)).toEqual([]);
  });

  it("a 246-byte output name: temporaries have a fixed short name, so the render succeeds", () => {
    const dir = tmp("undoc-long-name-");
    const name = "a".repeat(242);
    writeFileSync(join(dir, `${name}.yaml`), MINIMAL_YAML);
    const r = undoc(["render", join(dir, `${name}.yaml`), "--out", join(dir, "out"), "-q"]);
    expect(r.code, r.err).toBe(0);
    expect(listing(join(dir, "out"))).toEqual([`${name}.docx`, `${name}.pdf`]);
    expect(Buffer.byteLength(`${name}.docx`)).toBe(247);
  });
});

describe("a signal in the middle of a commit", () => {
  for (const [step, signal, exit] of [
    ["temporaries", "SIGINT", 130],
    ["journal", "SIGTERM", 143],
  ] as const) {
    it(`${signal} with the temporaries written${step === "journal" ? " and the journal" : ""}: the commit finishes, exit ${exit}, the new pair, no temporary`, async () => {
      const p = pairs();
      const run = start(["render", p.input, "--out", p.out, "--json"], { UNDOC_TEST_PAUSE: `${step}:1500` });
      await until(p.out, step === "journal" ? /\.journal$/ : /\.tmp$/);
      run.child.kill(signal);
      const end = await run.ended;
      expect(end.code).toBe(exit);
      expect(p.pair()).toEqual(p.fresh);
      expect(hidden(p.out)).toEqual([]);
      const report = JSON.parse(end.stdout);
      expect(report.ok).toBe(false);
      expect(report.error.code).toBe("INTERRUPTED");
    });
  }

  it("SIGTERM to a batch on two worker threads: each document keeps one pair, no temporary", async () => {
    const dir = tmp("undoc-batch-signal-");
    const out = join(dir, "out");
    const inputs = [1, 2, 3, 4].map((n) => join(dir, `d${n}.yaml`));
    for (const [i, f] of inputs.entries()) writeFileSync(f, version(i));
    expect(undoc(["render", ...inputs, "--out", out, "-q"]).code).toBe(0);
    const old = inputs.map((_, i) => [sha(join(out, `d${i + 1}.pdf`)), sha(join(out, `d${i + 1}.docx`))]);
    for (const [i, f] of inputs.entries()) writeFileSync(f, version(i + 10));
    const run = start(["render", ...inputs, "--out", out, "--jobs", "2"], { UNDOC_TEST_PAUSE: "journal:800" });
    await until(out, /\.journal$/);
    run.child.kill("SIGTERM");
    expect((await run.ended).code).toBe(143);
    expect(hidden(out)).toEqual([]);
    let fresh = 0;
    for (const [i] of inputs.entries()) {
      const pair = [sha(join(out, `d${i + 1}.pdf`)), sha(join(out, `d${i + 1}.docx`))];
      if (pair[0] !== old[i][0]) fresh++;
      else expect(pair).toEqual(old[i]);
    }
    expect(fresh).toBeGreaterThanOrEqual(1); // the commit that was under way finished
  });
});

describe("SIGKILL, then the next run into the folder", () => {
  it("killed with the temporaries written and no journal: the next run removes them (the earlier pair stays)", async () => {
    const p = pairs();
    const run = start(["render", p.input, "--out", p.out], { UNDOC_TEST_PAUSE: "temporaries:5000" });
    await until(p.out, /\.tmp$/);
    await new Promise((r) => setTimeout(r, 100)); // the second temporary
    run.child.kill("SIGKILL");
    await run.ended;
    expect(hidden(p.out).length).toBeGreaterThan(0);
    expect(undoc(["render", join(p.dir, "missing.yaml"), "--out", p.out]).code).toBe(1);
    expect(hidden(p.out)).toEqual([]);
    expect(p.pair()).toEqual(p.old);
  });

  it("killed after the journal: the next run finishes the renames (the new pair)", async () => {
    const p = pairs();
    const run = start(["render", p.input, "--out", p.out], { UNDOC_TEST_PAUSE: "journal:5000" });
    await until(p.out, /\.journal$/);
    run.child.kill("SIGKILL");
    await run.ended;
    expect(p.pair()).toEqual(p.old);
    const r = undoc(["render", join(p.dir, "missing.yaml"), "--out", p.out]);
    expect(r.err).toContain(`note: finished writing ${join(p.out, "doc.pdf")}, ${join(p.out, "doc.docx")}`);
    expect(hidden(p.out)).toEqual([]);
    expect(p.pair()).toEqual(p.fresh);
  });

  it("recoverFolder: files of live processes stay; a cut journal, undoc 0.1's temporaries and journals naming paths outside the folder do no harm", async () => {
    const dir = tmp("undoc-recover-");
    const dead = await deadPid();
    const files: Record<string, string> = {
      "x.pdf": "old",
      [`.undoc-${process.pid}-00000001.tmp`]: "this process's own commit, under way",
      [`.undoc-${dead}-00000002.tmp`]: "a dead run's temporary",
      [`.undoc-${dead}-00000003.journal`]: '{"undoc":1,"renames":[[".undoc-',
      [`.x.pdf.${dead}.0.0badc0de.tmp`]: "undoc 0.1's temporary",
      [`.undoc-${dead}-00000004.tmp`]: "new",
      [`.undoc-${dead}-00000005.journal`]: JSON.stringify({ undoc: 1, renames: [[`.undoc-${dead}-00000004.tmp`, "../escaped.pdf"]] }),
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    recoverFolder(dir);
    expect(listing(dir)).toEqual([`.undoc-${process.pid}-00000001.tmp`, "x.pdf"]);
    expect(existsSync(join(dir, "..", "escaped.pdf"))).toBe(false);
    expect(readFileSync(join(dir, "x.pdf"), "utf8")).toBe("old");
  });

  it("a journal of a dead run whose renames were half done is finished", async () => {
    const dir = tmp("undoc-recover-");
    const dead = await deadPid();
    writeFileSync(join(dir, "x.pdf"), "new pdf (renamed before the kill)");
    writeFileSync(join(dir, "x.docx"), "old docx");
    writeFileSync(join(dir, `.undoc-${dead}-0000000b.tmp`), "new docx");
    writeFileSync(join(dir, `.undoc-${dead}-0000000c.journal`), JSON.stringify({ undoc: 1, renames: [[`.undoc-${dead}-0000000a.tmp`, "x.pdf"], [`.undoc-${dead}-0000000b.tmp`, "x.docx"]] }));
    expect(recoverFolder(dir).finished).toEqual([join(dir, "x.docx")]);
    expect(listing(dir)).toEqual(["x.docx", "x.pdf"]);
    expect(readFileSync(join(dir, "x.docx"), "utf8")).toBe("new docx");
  });
});
