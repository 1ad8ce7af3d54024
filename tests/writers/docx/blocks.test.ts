/** Block handlers: styles per block type, inline runs, and spacing collapsed as the PDF does. */
import { beforeAll, describe, expect, it } from "vitest";
import { faceSetFor } from "../../../src/fonts/face-set.js";
import { DEFAULT_TEMPLATES, styleOf } from "../../../src/render/pipeline.js";
import type { Style } from "../../../src/style/style.js";
import { writeDocx } from "../../../src/writers/docx/index.js";
import { DATE, paragraphTexts, parts, smallModel } from "./helpers.js";

let style: Style;
let doc: string;
let paras: string[];

beforeAll(async () => {
  style = styleOf(DEFAULT_TEMPLATES);
  doc = parts(await writeDocx(smallModel(), style, faceSetFor(style), { date: DATE })).xml["word/document.xml"];
  paras = doc.match(/<w:p>[\s\S]*?<\/w:p>/g)!;
});

const styleOfPara = (p: string) => /<w:pStyle w:val="([^"]+)"\/>/.exec(p)?.[1];

describe("block handlers", () => {
  it("maps each block to its named style", () => {
    expect(paras.map(styleOfPara)).toEqual(["Title", "BodyTextFirstIndent", "Heading1", "BodyText", "ListBullet", "ListBullet", "Signature", "Signature", "Heading1", "EndRule"]);
    expect(paragraphTexts(doc).slice(0, 2)).toEqual(["标题", "正文加粗ABC强调"]);
  });

  it("sets strong text in the Strong character style and emphasis in the same face", () => {
    expect(paras[1]).toMatch(/<w:rStyle w:val="Strong"\/><\/w:rPr><w:t[^>]*>加粗ABC<\/w:t>/);
    expect(paras[1]).not.toMatch(/<w:i\/>/);
  });

  it("adds the space after one paragraph and before the next, as Word and the PDF do: no direct spacing", () => {
    const before = (p: string) => /<w:spacing w:before="(\d+)"\/>/.exec(p)?.[1];
    // body paragraph (after) -> section heading (before), list -> signature: the styles' own spacing
    expect(before(paras[2])).toBeUndefined();
    expect(before(paras[6])).toBeUndefined();
    expect(before(paras[7])).toBeUndefined();
    expect(paras[7]).toContain('<w:keepNext w:val="false"/>');
  });

  it("starts the block after a page break on a new page, with no space above it", () => {
    const before = (p: string) => /<w:spacing w:before="(\d+)"\/>/.exec(p)?.[1];
    expect(paras[8]).toContain("<w:pageBreakBefore/>");
    // no space: either the style has none before, or the paragraph overrides it with 0
    if ((style.paragraphs.heading1.spaceBefore ?? 0) > 0) expect(before(paras[8])).toBe("0");
    else expect(before(paras[8])).toBeUndefined();
    expect(doc.match(/<w:pageBreakBefore\/>/g)).toHaveLength(1);
  });

  it("leaves the emblem out when the masthead has none and the recycling mark when off", async () => {
    const xml = parts(await writeDocx(smallModel(), style, faceSetFor(style), { date: DATE })).xml;
    const drawings = Object.entries(xml).filter(([n]) => /word\/(header|footer)\d+\.xml/.test(n)).map(([, x]) => (x.match(/<w:drawing>/g) ?? []).length);
    expect(drawings.reduce((a, b) => a + b, 0)).toBe(2); // barcode and QR code only
  });
});

describe("East Asian hint follows the typesetter's face choice", () => {
  it("marks runs with characters only the Chinese face has (① ★), as the PDF sets them", async () => {
    const { runsOf } = await import("../../../src/writers/docx/blocks.js");
    const { faceSetFor } = await import("../../../src/fonts/face-set.js");
    const faces = faceSetFor(style);
    const hinted = (t: string) => JSON.stringify(runsOf([{ type: "text", value: t }], false, faces)).includes("eastAsia");
    expect(hinted("See ① and ★")).toBe(true);
    expect(hinted("“引号”")).toBe(true);
    expect(hinted("Latin only 2020")).toBe(false);
  });
});
