/**
 * SIGINT, SIGTERM and SIGKILL at random moments of real renders (issue 18, "done when"): after
 * each run every document holds its earlier or its new pair of PDF and DOCX (by SHA-256), never a
 * mix, and the folder holds nothing else; after SIGKILL that holds once the next undoc run into
 * the folder has started. UNDOC_SIGNAL_RUNS sets how many runs (default 20); PROPERTY_SEED
 * replays the moments of a failure.
 */
import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmp, undoc } from "../cli/run.js";
import { listing, sha, start, version } from "./processes.js";

describe("signals at random moments of real renders", () => {
  const RUNS = Number(process.env.UNDOC_SIGNAL_RUNS ?? 20);
  it(`${RUNS} runs, each SIGINT, SIGTERM or SIGKILL at a random moment: every document holds its earlier or its new pair, nothing else`, async () => {
    const dir = tmp("undoc-random-signals-");
    const out = join(dir, "out");
    const docs = ["a", "b", "c"];
    const inputs = docs.map((d) => join(dir, `${d}.yaml`));
    const write = (v: number) => inputs.forEach((f, i) => writeFileSync(f, version(v * 10 + i)));
    // the two pairs of each document, by version
    const known = new Map<string, string>();
    for (const v of [1, 2]) {
      write(v);
      const t0 = Date.now();
      expect(undoc(["render", ...inputs, "--out", out, "-q", "--jobs", "1"]).code).toBe(0);
      (known as Map<string, number | string>).set(`ms${v}`, Date.now() - t0);
      for (const d of docs) known.set(`${sha(join(out, `${d}.pdf`))} ${sha(join(out, `${d}.docx`))}`, `${d}${v}`);
    }
    const runMs = Math.max(Number(known.get("ms1")), Number(known.get("ms2")));
    const seen = new Set<string>();
    let seed = Number(process.env.PROPERTY_SEED ?? Date.now()) >>> 0;
    const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    for (let run = 0; run < RUNS; run++) {
      write(run % 2 === 0 ? 1 : 2);
      const signal = (["SIGINT", "SIGTERM", "SIGKILL"] as const)[run % 3];
      const delay = Math.floor(random() * runMs * 1.1);
      const r = start(["render", ...inputs, "--out", out, "-q", "--jobs", run % 4 === 3 ? "2" : "1"]);
      await new Promise((res) => setTimeout(res, delay));
      r.child.kill(signal);
      const end = await r.ended;
      const where = `run ${run}: ${signal} after ${delay} ms (seed ${process.env.PROPERTY_SEED ?? "random"})`;
      if (signal === "SIGKILL") {
        // the next run into the folder finishes or removes what the killed one left
        expect(undoc(["render", join(dir, "missing.yaml"), "--out", out]).code, where).toBe(1);
      } else {
        expect([0, signal === "SIGINT" ? 130 : 143], `${where}: ${end.stderr}`).toContain(end.code ?? 128 + (end.signal === "SIGINT" ? 2 : 15));
      }
      expect(listing(out), where).toEqual(docs.flatMap((d) => [`${d}.docx`, `${d}.pdf`]).sort());
      for (const d of docs) {
        const pair = known.get(`${sha(join(out, `${d}.pdf`))} ${sha(join(out, `${d}.docx`))}`);
        expect(pair?.[0], `${where}: ${d} holds a mixed pair`).toBe(d);
        seen.add(pair!);
      }
    }
    console.log(`random signals: ${RUNS} runs of about ${runMs} ms; pairs seen: ${[...seen].sort().join(", ")}`);
  }, 240_000);
});
