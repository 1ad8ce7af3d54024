/**
 * Line fidelity against the original print: the bundled example's PDF must reproduce every
 * printed line of the original (tests/fixtures/arria-belarus-2020.zh.lines.txt, the seed's line
 * breaks) exactly, white space aside. The scorer is scripts/line-score.mjs, which developers run
 * on their own renders; these tests pin its result and check that it measures what it claims.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadDataFile } from "../../../src/input/load.js";
import { DEFAULT_TEMPLATES, renderData } from "../../../src/render/pipeline.js";
import { DEFAULT_FIXTURE, fixtureLines, lineScore, normaliseLine, scoreLines } from "../../../scripts/line-score.mjs";
import { linesOf, pdfText, type TextItem } from "../../helpers/pdf.js";

const FIXTURE = readFileSync(DEFAULT_FIXTURE, "utf8");
const { data } = loadDataFile("examples/arria-belarus-2020.zh.yaml");
let pdf: Uint8Array;

beforeAll(async () => {
  pdf = (await renderData(data, { formats: ["pdf"] })).pdf!;
});

describe("line fidelity of the bundled example", () => {
  it("the fixture is the original's 70 printed lines of the letter and annex body", () => {
    const lines = fixtureLines(FIXTURE);
    expect(lines).toHaveLength(70);
    expect(lines[0]).toBe("2020年9月14日爱沙尼亚常驻联合国代表给安全理事会主席的信");
    expect(lines.at(-1)).toBe("俄罗斯的事态发展。");
  });

  it("reproduces every line of the original print (pinned: must not regress)", async () => {
    const r = await lineScore(pdf, FIXTURE);
    expect(r.missed).toEqual([]);
    expect([r.reproduced, r.total]).toEqual([70, 70]);
  });

  it("reads the same lines however the writer splits its text into runs (one glyph each, drawn in any order)", async () => {
    const pages = await pdfText(pdf);
    // every item cut into single characters at proportional positions, then drawn back to front
    const glyphs = (items: TextItem[]) =>
      items.flatMap((item) => {
        const chars = [...item.text];
        return chars.map((text, k) => ({ ...item, text, x: item.x + (k * item.width) / chars.length, width: item.width / chars.length }));
      });
    for (const page of pages) {
      const items = page.lines.flatMap((l) => l.items);
      const again = linesOf(glyphs(items).reverse());
      expect(again.map((l) => normaliseLine(l.text))).toEqual(page.lines.map((l) => normaliseLine(l.text)));
    }
  });

  it("tells other line breaks apart (a narrower measure: right margin 120 pt)", async () => {
    const tpl = mkdtempSync(join(tmpdir(), "undoc-narrow-"));
    cpSync(DEFAULT_TEMPLATES, tpl, { recursive: true });
    const style = join(tpl, "style.yaml");
    writeFileSync(style, readFileSync(style, "utf8").replace(/right: [\d.]+/, "right: 120"));
    const narrower = (await renderData(data, { formats: ["pdf"], templates: tpl })).pdf!;
    const r = await lineScore(narrower, FIXTURE);
    expect(r.reproduced).toBeLessThan(40);
    expect(r.missed.length).toBe(70 - r.reproduced);
  });

  it("scores in order, white space and a leading bullet aside", () => {
    const want = fixtureLines("# a comment\n第一 行\n\n• 第二行\n第三行\n");
    expect(want).toEqual(["第一行", "第二行", "第三行"]);
    expect(scoreLines(["第一行", "第 二 行", "x"], want)).toMatchObject({ reproduced: 2, total: 3 });
    // a line found only before the previous match does not count
    expect(scoreLines(["第二行", "第一行"], want.slice(0, 2))).toMatchObject({ reproduced: 1, missed: [{ want: "第二行" }] });
  });

  it("is a command developers can run: node scripts/line-score.mjs FILE.pdf [FIXTURE]", () => {
    const file = join(mkdtempSync(join(tmpdir(), "undoc-score-")), "x.pdf");
    writeFileSync(file, pdf);
    const r = spawnSync(process.execPath, ["scripts/line-score.mjs", file], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("lines reproduced: 70/70 (100.0%)");
    const json = spawnSync(process.execPath, ["scripts/line-score.mjs", file, DEFAULT_FIXTURE, "--json"], { encoding: "utf8" });
    expect(JSON.parse(json.stdout)).toMatchObject({ reproduced: 70, total: 70, missed: [] });
    expect(spawnSync(process.execPath, ["scripts/line-score.mjs"], { encoding: "utf8" }).status).toBe(2);
  });
});
