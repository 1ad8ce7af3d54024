/**
 * Word numbering: headings, numbered paragraphs and lists as numbering definitions and instances
 * in word/numbering.xml, the paragraphs referring to them; where the model's number is not the
 * one Word would count to, a new instance starts at it, so Word shows the numbers the PDF prints.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { labelText } from "../../../src/model/numbering.js";
import type { Block, Document, Label } from "../../../src/model/types.js";
import { docxOf, modelOf, paragraphsIn, parts, REPORT_ZH, styleOfPara, styleXml } from "./helpers.js";

interface Num {
  abstractId: string;
  starts: Record<number, number>;
}

/** numbering.xml as maps: abstract definitions (levels: format, text, pStyle) and instances (their abstract, start overrides). */
function numberingOf(xml: string) {
  const abstracts = new Map<string, { level: number; format: string; text: string; start: number; pStyle?: string }[]>();
  for (const m of xml.matchAll(/<w:abstractNum w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    abstracts.set(
      m[1],
      [...m[2].matchAll(/<w:lvl w:ilvl="(\d)"[^>]*>([\s\S]*?)<\/w:lvl>/g)].map((l) => ({
        level: Number(l[1]),
        start: Number(/<w:start w:val="(\d+)"/.exec(l[2])![1]),
        format: /<w:numFmt w:val="([^"]+)"/.exec(l[2])![1],
        text: /<w:lvlText w:val="([^"]*)"/.exec(l[2])![1],
        pStyle: /<w:pStyle w:val="([^"]+)"/.exec(l[2])?.[1],
      })),
    );
  }
  const nums = new Map<string, Num>();
  for (const m of xml.matchAll(/<w:num w:numId="(\d+)">([\s\S]*?)<\/w:num>/g)) {
    const starts: Record<number, number> = {};
    for (const o of m[2].matchAll(/<w:lvlOverride w:ilvl="(\d)"><w:startOverride w:val="(\d+)"\/>/g)) starts[Number(o[1])] = Number(o[2]);
    nums.set(m[1], { abstractId: /<w:abstractNumId w:val="(\d+)"/.exec(m[2])![1], starts });
  }
  return { abstracts, nums };
}

/**
 * What Word shows for each numbered paragraph of document.xml: each instance counts its levels
 * from their start (override), and starts the deeper levels again after a higher one.
 */
function wordLabels(doc: string, numbering: string, styles: Record<string, string>): (string | undefined)[] {
  const { abstracts, nums } = numberingOf(numbering);
  const counters = new Map<string, (number | undefined)[]>();
  return paragraphsIn(doc).map((p) => {
    let m = /<w:numPr><w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/.exec(p);
    if (!m && !/<w:numPr>/.test(p)) {
      // numbering from the paragraph's style (the heading styles link to the heading list)
      const st = styleOfPara(p);
      m = st ? /<w:numPr><w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/.exec(styleXml(styles, st)) : null;
    }
    if (!m || m[2] === "0") return undefined;
    const level = Number(m[1]);
    const num = nums.get(m[2])!;
    const def = abstracts.get(num.abstractId)!.find((l) => l.level === level)!;
    const c = counters.get(m[2]) ?? [];
    const value = c[level] === undefined ? (num.starts[level] ?? def.start) : c[level]! + 1;
    c[level] = value;
    c.length = level + 1;
    counters.set(m[2], c);
    return def.format === "bullet" ? def.text : def.text.replace(`%${level + 1}`, labelText({ format: def.format as never, text: "%1" }, value));
  });
}

/** The labels the model gives, in the order of the paragraphs (undefined for unlabelled ones). */
function modelLabels(model: Document): (Label | undefined)[] {
  const out: (Label | undefined)[] = [];
  const walk = (b: Block): void => {
    switch (b.type) {
      case "heading":
      case "paragraph":
        out.push(b.label);
        break;
      case "list":
        for (const item of b.items) {
          out.push(item.label);
          if (item.sublist) walk(item.sublist);
        }
        break;
      case "table":
        if (b.caption) out.push(undefined);
        for (const r of [...b.header, ...b.rows]) for (const c of r.cells) for (const x of c.blocks) walk(x);
        break;
      case "quote":
        b.blocks.forEach(walk);
        break;
      case "signature":
        b.lines.forEach(() => out.push(undefined));
        break;
      case "pageBreak":
        break;
      case "endRule":
        out.push(undefined);
        break;
    }
  };
  model.body.forEach(walk);
  return out;
}

let model: Document;
let xml: Record<string, string>;

beforeAll(async () => {
  model = modelOf(REPORT_ZH);
  xml = parts(await docxOf(model)).xml;
});

describe("word/numbering.xml", () => {
  it("has the heading numbering, linked to the heading styles, in the locale's formats", () => {
    const { abstracts } = numberingOf(xml["word/numbering.xml"]);
    const heading = [...abstracts.values()].find((levels) => levels[0].pStyle === "Heading1")!;
    expect(heading.map((l) => [l.format, l.text, l.pStyle])).toEqual([
      ["chineseCounting", "%1.", "Heading1"],
      ["upperLetter", "%2.", "Heading2"],
      ["decimal", "%3.", "Heading3"],
      ["lowerLetter", "(%4)", "Heading4"],
    ]);
    for (const n of [1, 2, 3, 4]) expect(styleXml(xml, `Heading${n}`)).toMatch(new RegExp(`<w:numPr><w:ilvl w:val="${n - 1}"/><w:numId w:val="\\d+"/></w:numPr>`));
  });

  it("has the paragraph numbering and list definitions ((a) then (i), bullets)", () => {
    const defs = [...numberingOf(xml["word/numbering.xml"]).abstracts.values()].map((levels) => levels.map((l) => `${l.format} ${l.text}`).join(" / "));
    expect(defs).toContain("decimal %1.");
    expect(defs).toContain("lowerLetter (%1) / lowerRoman (%2)");
    expect(defs).toContain("bullet • / bullet •");
  });

  it("numbers every labelled paragraph as the model labels it: Word shows the PDF's numbers", () => {
    const word = wordLabels(xml["word/document.xml"], xml["word/numbering.xml"], xml);
    const labels = modelLabels(model);
    expect(word).toHaveLength(labels.length);
    labels.forEach((label, i) => {
      if (label?.counter) expect(word[i], `paragraph ${i}: ${label.text}`).toBe(label.text);
      else expect(word[i], `paragraph ${i}`).toBeUndefined();
    });
    // the report sets paragraph 15 and heading C. (3) by data, and restarts its lists
    expect(labels.some((l) => l?.text === "15." && word.includes("15."))).toBe(true);
  });

  it("writes labels given as text by the data as text and a tab, with no numbering", () => {
    const p = paragraphsIn(xml["word/document.xml"]).find((x) => x.includes(">IV.<"))!;
    expect(p).toMatch(/<w:numId w:val="0"\/>/);
    expect(p).toMatch(/<w:t[^>]*>IV\.<\/w:t><\/w:r><w:r><w:tab\/><\/w:r>/);
  });

  it("starts each list again at (a), and a nested list at (i) after each item", async () => {
    const item = (text: string, value: number): Block => ({
      type: "list",
      marker: "lowerLetter",
      level: 1,
      items: [1, 2].map((v) => ({ type: "listItem" as const, label: { text: `(${"ab"[v - 1]})`, counter: { scheme: "list" as const, level: 1, value: v } }, children: [{ type: "text" as const, value: `${text}${v}` }] })),
    });
    const { xml: x } = parts(await docxOf(modelWithLists([item("甲", 1), item("乙", 1)])));
    expect(wordLabels(x["word/document.xml"], x["word/numbering.xml"], x).filter(Boolean)).toEqual(["(a)", "(b)", "(a)", "(b)"]);
  });
});

function modelWithLists(lists: Block[]): Document {
  const m = modelOf(REPORT_ZH);
  return { ...m, body: [...lists, { type: "paragraph", children: [{ type: "text", value: "之间" }] }] };
}
