import { beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadDataFile } from "../../../src/input/load.js";
import { DEFAULT_TEMPLATES, renderData } from "../../../src/render/pipeline.js";

const dir = mkdtempSync(join(tmpdir(), "undoc-layout-"));
const pdfPath = join(dir, "example.pdf");
const { data } = loadDataFile("examples/arria-belarus-2020.zh.yaml");
const SEED_TOOL = join(process.cwd(), "..", "shared", "tools", "seed-lines.mjs");

beforeAll(async () => {
  writeFileSync(pdfPath, (await renderData(data, { formats: ["pdf"] })).pdf!);
});

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
}

function words(page: number): Word[] {
  const html = execFileSync("pdftotext", ["-f", String(page), "-l", String(page), "-bbox", "-enc", "UTF-8", pdfPath, "-"], { encoding: "utf8" });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    text: m[4],
  }));
}

describe("line fidelity against the original print", () => {
  it("reproduces every line of the seed (pinned: must not regress)", () => {
    expect(existsSync(SEED_TOOL), `${SEED_TOOL} (../shared from the project root)`).toBe(true);
    const r = JSON.parse(execFileSync(process.execPath, [SEED_TOOL, pdfPath, "--json"], { encoding: "utf8" }));
    expect(r.missed).toEqual([]);
    expect(r.reproduced).toBe(r.total);
    expect(r.total).toBe(70);
  });
});

describe("UN page layout", () => {
  it("is US Letter with three pages: letter on page 1, annex from page 2", () => {
    const info = execFileSync("pdfinfo", [pdfPath], { encoding: "utf8" });
    expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    expect(info).toMatch(/Pages:\s+3/);
  });

  it("prints a scannable Code 39 barcode of the job number and a QR code of the document's address", () => {
    const png = join(dir, "page1");
    execFileSync("pdftoppm", ["-png", "-r", "300", "-f", "1", "-l", "1", "-singlefile", pdfPath, png]);
    const out = execFileSync("zbarimg", ["-q", `${png}.png`], { encoding: "utf8" });
    expect(out).toContain("CODE-39:2011937");
    expect(out).toContain("QR-Code:https://undocs.org/zh/S/2020/905");
  });

  it("puts the masthead on page 1: organisation, symbol at the right, organ, distribution", () => {
    const w = words(1);
    const symbol = w.find((x) => x.text === "S/2020/905")!;
    const organisation = w.find((x) => x.text === "联合国")!;
    expect(symbol.xMin).toBeGreaterThan(306);
    expect(organisation.xMin).toBeLessThan(306);
    expect(w.some((x) => x.text.includes("安全理事会"))).toBe(true);
    expect(w.some((x) => x.text === "General")).toBe(true);
    const job = w.find((x) => x.text === "20-11937")!;
    expect(job.yMin).toBeGreaterThan(700); // first-page footer
  });

  it("alternates the running header and footer: right on odd pages, left on even", () => {
    const header = (page: number) => words(page).find((x) => x.text === "S/2020/905" && x.yMin < 72)!;
    const folio = (page: number) => words(page).find((x) => x.text === `${page}/3`)!;
    expect(header(2).xMax).toBeLessThan(306);
    expect(header(3).xMin).toBeGreaterThan(306);
    expect(folio(2).xMax).toBeLessThan(306);
    expect(folio(3).xMin).toBeGreaterThan(306);
    expect(folio(2).yMin).toBeGreaterThan(720);
  });

  it("sets A4 when the style asks for it", async () => {
    const tpl = mkdtempSync(join(tmpdir(), "undoc-a4-"));
    cpSync(DEFAULT_TEMPLATES, tpl, { recursive: true });
    const style = join(tpl, "style.yaml");
    writeFileSync(style, readFileSync(style, "utf8").replace("size: letter", "size: a4"));
    const file = join(dir, "a4.pdf");
    writeFileSync(file, (await renderData(data, { formats: ["pdf"], templates: tpl })).pdf!);
    expect(execFileSync("pdfinfo", [file], { encoding: "utf8" })).toMatch(/Page size:\s+595.28 x 841.89 pts \(A4\)/);
  });
});
