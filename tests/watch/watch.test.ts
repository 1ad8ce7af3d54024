import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_TEMPLATES } from "../../src/render/pipeline.js";
import { watchAndRender } from "../../src/watch/watch.js";
import type { JobResult } from "../../src/batch/job.js";
import { pdfInfo, pdfText, squash, textOf } from "../helpers/pdf.js";

describe("watchAndRender", () => {
  it("renders once, then again when the data, a locale string or the style changes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "undoc-watch-"));
    const tpl = join(dir, "tpl");
    cpSync(DEFAULT_TEMPLATES, tpl, { recursive: true });
    const input = join(dir, "doc.zh.yaml");
    writeFileSync(input, readFileSync("examples/arria-belarus-2020.zh.yaml", "utf8"));
    const out = join(dir, "out");
    const rounds: Array<{ ms: number; changed: string[] }> = [];
    const results: JobResult[] = [];
    let notify: () => void = () => {};
    const w = watchAndRender([{ input, outDir: out, formats: ["pdf"], templates: tpl }], tpl, {
      debounceMs: 20,
      onResult: (r) => results.push(r),
      onRound: (ms, changed) => {
        rounds.push({ ms, changed });
        notify();
      },
    });
    const nextRound = () => new Promise<void>((resolve) => (notify = resolve));
    try {
      await w.ready;
      expect(results.at(-1)?.ok).toBe(true);
      const pdf = join(out, "doc.zh.pdf");
      const text = async () => squash(textOf(await pdfText(readFileSync(pdf))));

      let round = nextRound();
      writeFileSync(input, readFileSync(input, "utf8").replace("请将本函及其附件", "请将本函连同附件"));
      await round;
      expect(rounds.at(-1)!.changed).toContain(input);
      expect(await text()).toContain("请将本函连同附件");

      round = nextRound();
      const locale = join(tpl, "locales", "zh.yaml");
      writeFileSync(locale, readFileSync(locale, "utf8").replace('signed: "(签名)"', 'signed: "(已签名)"'));
      await round;
      expect(await text()).toContain("(已签名)");

      round = nextRound();
      const style = join(tpl, "style.yaml");
      writeFileSync(style, readFileSync(style, "utf8").replace("size: letter", "size: a4"));
      await round;
      expect((await pdfInfo(readFileSync(pdf))).sizes[0]).toEqual({ width: 595.28, height: 841.89 }); // A4
      expect(results.every((r) => r.ok)).toBe(true);
    } finally {
      w.close();
    }
  });
});
