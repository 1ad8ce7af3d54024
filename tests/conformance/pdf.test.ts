/**
 * undoc's PDFs through qpdf and poppler, and the default suite's PDF reader (tests/helpers/pdf.ts,
 * pdfjs-dist) checked against poppler on the same files: fonts (pdffonts), page count and size
 * (pdfinfo), text and line breaks (pdftotext), structure (qpdf --check), on the example, the
 * catalogue's documents that render, a letter of 600 and one of 10,000 paragraphs, and random documents.
 */
import { IGNORABLE } from "../robustness/pdf-text.js";
import { beforeAll, describe, expect } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { faceSetFor } from "../../src/fonts/face-set.js";
import { loadDataFile, parseData } from "../../src/input/load.js";
import { DEFAULT_TEMPLATES, renderData, styleOf } from "../../src/render/pipeline.js";
import { pageSize } from "../../src/style/style.js";
import { DEFAULT_FIXTURE, fixtureLines, lineScore, scoreLines } from "../../scripts/line-score.mjs";
import { pdfFonts, pdfInfo, pdfStructureProblems, pdfText, squash } from "../helpers/pdf.js";
import { MINIMAL_YAML } from "../helpers.js";
import { CATALOGUE, LONG_FIELDS } from "../robustness/catalogue.js";
import { documentData, repertoire } from "../property/arbitraries.js";
import { check, run, willRun, type Program } from "./tools.js";

const POPPLER: Program[] = ["pdftotext", "pdffonts", "pdfinfo"];
const dir = mkdtempSync(join(tmpdir(), "undoc-conformance-pdf-"));
const style = styleOf(DEFAULT_TEMPLATES);
let example: string;
let exampleBytes: Uint8Array;

beforeAll(async () => {
  if (!willRun(["qpdf"]) && !willRun(POPPLER)) return;
  const { data } = loadDataFile("examples/arria-belarus-2020.zh.yaml");
  exampleBytes = (await renderData(data, { formats: ["pdf"], date: new Date("2023-11-14T22:13:20Z") })).pdf!;
  example = join(dir, "example.pdf");
  writeFileSync(example, exampleBytes);
});

/** pdftotext's text of the text block of one page, in content order (-raw), squashed. */
function popplerBlockText(file: string, page: number): string {
  const { width, height } = pageSize(style);
  const m = style.page.margin;
  // -r 72: the crop box is in points; -raw: the order the lines are drawn in
  const crop = ["-x", "0", "-y", String(Math.floor(m.top)), "-W", String(Math.ceil(width)), "-H", String(Math.ceil(height - m.top - m.bottom))];
  return squash(run("pdftotext", ["-raw", "-enc", "UTF-8", "-r", "72", "-f", String(page), "-l", String(page), ...crop, file, "-"]));
}

/*
 * A hyphen the composer adds where it breaks a word is drawn, but its marked content's /ActualText
 * holds only the data's text: pdf.js reads the glyph, poppler the ActualText. So a hyphen that
 * ends one of pdf.js's lines may be missing from poppler's text, and only such a hyphen.
 */
const LINE_END_HYPHEN = /[-\u2010]$/u;

/** pdf.js's lines joined, each line-final hyphen dropped where poppler's text, read in the same order, has none. */
function withoutComposerHyphensInOrder(lines: string[], theirs: string): string {
  let out = "";
  for (const line of lines) {
    const rest = theirs.slice(out.length);
    out += LINE_END_HYPHEN.test(line) && !rest.startsWith(line) && rest.startsWith(line.slice(0, -1)) ? line.slice(0, -1) : line;
  }
  return out;
}

/**
 * The same where the order differs (the masthead, bidi marks): as many hyphens dropped as poppler
 * has fewer, line-final ones first. In the masthead pdf.js joins texts that stand side by side into
 * one line, so a hyphen that ends a line of the organ's name may stand inside pdf.js's line.
 */
function withoutComposerHyphensByCount(lines: string[], theirs: string): string {
  const count = (t: string) => [...t].filter((c) => LINE_END_HYPHEN.test(c)).length;
  let extra = count(lines.join("")) - count(theirs);
  const joined = lines.map((l) => (extra > 0 && LINE_END_HYPHEN.test(l) ? (extra--, l.slice(0, -1)) : l)).join("");
  return [...joined].filter((c) => !(extra > 0 && LINE_END_HYPHEN.test(c) && extra--)).join("");
}

/** Most characters the masthead of page 1 holds (organisation, symbol, organ, distribution block). */
const MASTHEAD_CHARS = 400;

/** Closing brackets and their opening pairs (Unicode's Bidi_Mirroring_Glyph pairs that UN text uses). */
const MIRROR: Record<string, string> = Object.fromEntries(
  [")(", "][", "}{", "><", "»«", "›‹", "》《", "〉〈", "」「", "』『", "】【", "〕〔", "〗〖", "〙〘", "〛〚", "）（", "］［", "｝｛", "＞＜"].map((p) => [p[0], p[1]]),
);

/** Marks that make poppler reorder the text around them (its own UAX #9 pass over the ActualText), dropping the marks. */
const BIDI_MARK = /[\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/u;

/**
 * The pdfjs reader's text block (tests/helpers/pdf.ts) against pdftotext's, page by page: equal,
 * except that on page 1 the masthead may read in another order (its texts stand side by side at
 * different heights: pdftotext -raw takes them in drawing order, the reader top to bottom). There
 * the two must end alike, and what precedes the common end must be the same characters and no
 * longer than a masthead. Where the data holds bidi marks (`source`: the data as text), poppler
 * reorders what it reads: the same characters, then.
 */
async function expectSameTextAsPoppler(bytes: Uint8Array, file: string, source = ""): Promise<void> {
  const marked = BIDI_MARK.test(source);
  const sorted = (t: string) => [...t].sort().join("");
  // poppler's bidi pass also mirrors brackets it puts in a right-to-left run ("《" read as "》"):
  // where it reorders, a bracket counts as its pair's opening one
  const unmirrored = (t: string) => t.replace(/[)\]}>»›》〉」』】〕〗〙〛）］｝＞]/gu, (c) => MIRROR[c] ?? c);
  const m = style.page.margin;
  for (const page of await pdfText(bytes)) {
    // poppler reads a sequence's /ActualText, which keeps the data's invisible characters (bidi
    // marks, ZWSP) that no glyph draws; pdf.js reads the glyphs: compare without them
    const visible = (t: string) => t.replace(IGNORABLE, "");
    const lines = page.lines.filter((l) => l.y > m.top && l.y <= page.height - m.bottom).map((l) => visible(squash(l.text)));
    const raw = popplerBlockText(file, page.number);
    const theirs = visible(raw);
    if (marked || BIDI_MARK.test(raw)) {
      expect(sorted(unmirrored(withoutComposerHyphensByCount(lines, theirs))), `${file}, page ${page.number}: the same characters`).toBe(sorted(unmirrored(theirs)));
      continue;
    }
    if (page.number > 1) {
      expect(withoutComposerHyphensInOrder(lines, theirs), `${file}, page ${page.number}`).toBe(theirs);
      continue;
    }
    const ours = withoutComposerHyphensByCount(lines, theirs);
    let common = 0;
    while (common < Math.min(ours.length, theirs.length) && ours[ours.length - 1 - common] === theirs[theirs.length - 1 - common]) common++;
    const [a, b] = [ours.slice(0, ours.length - common), theirs.slice(0, theirs.length - common)];
    expect(sorted(a), `${file}, page 1: the same characters`).toBe(sorted(b));
    expect(a.length, `${file}, page 1: read in another order beyond the masthead:\n${ours}\n${theirs}`).toBeLessThanOrEqual(MASTHEAD_CHARS);
  }
}

describe("the example's PDF through qpdf and poppler", () => {
  check("passes qpdf --check", ["qpdf"], () => {
    expect(run("qpdf", ["--check", example])).toMatch(/No syntax or stream encoding errors found/);
  });

  check("pdffonts lists the fonts the default suite's reader finds: embedded TrueType subsets with ToUnicode", ["pdffonts"], () => {
    const rows = run("pdffonts", [example]).split("\n").slice(2).filter(Boolean);
    const ours = pdfFonts(exampleBytes);
    expect(rows.map((r) => r.split(/\s+/)[0]).sort()).toEqual(ours.map((f) => f.name).sort());
    for (const r of rows) expect(r, r).toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    for (const f of ours) expect([f.type, f.program], f.name).toEqual(["Type0/CIDFontType2", "FontFile2"]);
  });

  check("pdfinfo agrees on pages, size and the metadata date", ["pdfinfo"], async () => {
    const info = run("pdfinfo", ["-isodates", example]);
    const ours = await pdfInfo(exampleBytes);
    expect(info).toMatch(new RegExp(`Pages:\\s+${ours.pages}\\n`));
    expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    expect(ours.sizes[0]).toEqual({ width: 612, height: 792 });
    expect(info).toMatch(/CreationDate:\s+2023-11-14T22:13:20/);
  });

  check("pdftotext -layout reproduces the 70 lines of the original print, as the pdfjs reader does", ["pdftotext"], async () => {
    const fixture = readFileSync(DEFAULT_FIXTURE, "utf8");
    const layout = run("pdftotext", ["-layout", "-enc", "UTF-8", example, "-"]).split(/\n|\f/);
    const poppler = scoreLines(layout, fixtureLines(fixture));
    expect(poppler.missed).toEqual([]);
    expect(poppler.reproduced).toBe(70);
    expect(await lineScore(exampleBytes, fixture)).toEqual(poppler);
  });

  check("pdftotext reads the same text block as the pdfjs reader", ["pdftotext"], async () => {
    await expectSameTextAsPoppler(exampleBytes, example);
  });
});

describe("other documents through qpdf and poppler", () => {
  check("a 600-paragraph letter: qpdf --check, and poppler reads the text block the pdfjs reader reads", ["qpdf", "pdftotext"], async () => {
    const yaml = MINIMAL_YAML.replace("    - 第一段。\n", `${Array.from({ length: 600 }, (_, i) => `    - 第${i + 1}段：安全理事会，S/2020/905，白俄罗斯人权。`).join("\n")}\n`);
    const { pdf } = await renderData(parseData(yaml, "long.yaml"), { formats: ["pdf"] });
    const bytes = pdf!;
    const file = join(dir, "long.pdf");
    writeFileSync(file, bytes);
    run("qpdf", ["--check", file]);
    expect(pdfStructureProblems(bytes)).toEqual([]);
    expect((await pdfInfo(bytes)).pages).toBeGreaterThan(20);
    await expectSameTextAsPoppler(bytes, file);
  });

  check("the catalogue's documents that render (bidi marks, 2,000-letter strings, spaces, fallback faces, markup in the data, UTF-16): qpdf --check, and poppler reads what the pdfjs reader reads", ["qpdf", "pdftotext"], async () => {
    const docs = [...CATALOGUE.filter((e) => !e.error).map((e) => ({ file: e.file, content: e.content })), { file: "long-fields.yaml", content: LONG_FIELDS }];
    expect(docs.length).toBeGreaterThanOrEqual(8);
    for (const doc of docs) {
      const input = join(dir, doc.file);
      writeFileSync(input, doc.content);
      const { data } = loadDataFile(input);
      const { pdf } = await renderData(data, { formats: ["pdf"] });
      const file = input.replace(/\.(ya?ml|json)$/, ".pdf");
      writeFileSync(file, pdf!);
      run("qpdf", ["--check", file]);
      expect(pdfStructureProblems(pdf!), doc.file).toEqual([]);
      await expectSameTextAsPoppler(pdf!, file, JSON.stringify(data));
    }
  }, 300_000);

  check("a letter of 10,000 paragraphs (over 300 pages): qpdf --check", ["qpdf", "pdfinfo"], async () => {
    const yaml = MINIMAL_YAML.replace("    - 第一段。\n", `${Array.from({ length: 10_000 }, (_, i) => `    - 第${i + 1}段：安全理事会，会员国，S/2020/905，白俄罗斯人权，对话。`).join("\n")}\n`);
    const bytes = (await renderData(parseData(yaml, "huge.yaml"), { formats: ["pdf"] })).pdf!;
    const file = join(dir, "huge.pdf");
    writeFileSync(file, bytes);
    expect(run("qpdf", ["--check", file])).toMatch(/No syntax or stream encoding errors found/);
    expect(Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [file]))?.[1])).toBeGreaterThan(300);
  }, 300_000);

  check("random documents (fast-check): qpdf --check passes and poppler reads the text the pdfjs reader reads", ["qpdf", "pdftotext"], async () => {
    const rep = repertoire(faceSetFor(style));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(documentData(rep), async (input) => {
        const { pdf } = await renderData(parseData(JSON.stringify(input), "random.json"), { formats: ["pdf"] });
        const bytes = pdf!;
        const file = join(dir, `random-${n++}.pdf`);
        writeFileSync(file, bytes);
        run("qpdf", ["--check", file]);
        expect(pdfStructureProblems(bytes)).toEqual([]);
        await expectSameTextAsPoppler(bytes, file, JSON.stringify(input));
      }),
      // as many as the default suite's property test (PROPERTY_RUNS scales both)
      {
        numRuns: Math.max(1, Math.round(40 * Number(process.env.PROPERTY_RUNS ?? 1))),
        endOnFailure: true,
        // counterexamples found before, run first every time (a hyphenated Latin word beside bidi marks)
        examples: readdirSync(join("tests", "fixtures", "random")).sort().map((f) => [JSON.parse(readFileSync(join("tests", "fixtures", "random", f), "utf8"))]),
      },
    );
  }, 300_000);
});
