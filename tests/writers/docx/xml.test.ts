/**
 * The DOCX writer's XML builder (src/writers/docx/xml.ts): escaping of text and attribute values,
 * the characters XML 1.0 does not allow, attribute order, empty elements, text elements.
 */
import { describe, expect, it } from "vitest";
import { attributes, el, escapeXml, onOff, textEl, val } from "../../../src/writers/docx/xml.js";
import { paragraph, runProperties, textRun } from "../../../src/writers/docx/paragraph.js";
import { docxOf, modelWith, ONE_OF_EACH, parts, textOf } from "./helpers.js";

describe("escapeXml", () => {
  it("writes the five special characters as entities, in text and attributes alike", () => {
    expect(escapeXml(`a & b < c > d " e ' f`)).toBe("a &amp; b &lt; c &gt; d &quot; e &apos; f");
    expect(escapeXml("&amp;")).toBe("&amp;amp;"); // text is text: an entity in it is escaped again
  });

  it("leaves out the C0 controls XML 1.0 forbids; keeps tab, line feed and carriage return", () => {
    const forbidden = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)).filter((c) => !"\t\n\r".includes(c));
    expect(escapeXml(`x${forbidden.join("")}y`)).toBe("xy");
    expect(escapeXml("a\tb\nc\rd")).toBe("a\tb\nc\rd");
  });

  it("returns other text as it is (the same string: nothing to escape, nothing copied)", () => {
    const s = "安全理事会 S/2020/905 (a) — “quoted” \u00AD\u200B";
    expect(escapeXml(s)).toBe(s);
  });
});

describe("el", () => {
  it("writes an element with no content as an empty-element tag", () => {
    expect(el("w:b")).toBe("<w:b/>");
    expect(el("w:pBdr", {}, [])).toBe("<w:pBdr/>");
    expect(el("w:pPr", {}, [undefined, false, ""])).toBe("<w:pPr/>");
  });

  it("keeps the attributes in the order given, leaves out undefined ones, escapes values", () => {
    expect(el("w:ind", { "w:left": 0, "w:right": undefined, "w:hanging": 240, "w:firstLineChars": -0 })).toBe('<w:ind w:left="0" w:hanging="240" w:firstLineChars="0"/>');
    expect(el("w:font", { "w:name": `A&B "C" <D>` })).toBe('<w:font w:name="A&amp;B &quot;C&quot; &lt;D&gt;"/>');
    expect(attributes({ b: 1, a: "x", c: false })).toBe(' b="1" a="x" c="false"');
  });

  it("joins children (XML already) in order, without escaping them", () => {
    expect(el("w:rPr", {}, ["<w:b/>", undefined, "<w:i/>"])).toBe("<w:rPr><w:b/><w:i/></w:rPr>");
    expect(el("a", { x: "1" }, [el("b", {}, [el("c")])])).toBe('<a x="1"><b><c/></b></a>');
  });
});

describe("text elements and values", () => {
  it("textEl escapes its text and always writes both tags", () => {
    expect(textEl("dc:title", {}, "R&D <draft>")).toBe("<dc:title>R&amp;D &lt;draft&gt;</dc:title>");
    expect(textEl("dc:title", {}, "")).toBe("<dc:title></dc:title>");
    expect(textEl("dc:title", {}, "\u0001")).toBe("<dc:title></dc:title>");
    expect(textEl("x", { "xsi:type": "dcterms:W3CDTF" }, "2020")).toBe('<x xsi:type="dcterms:W3CDTF">2020</x>');
  });

  it("val and onOff", () => {
    expect(val("w:pStyle", "Heading1")).toBe('<w:pStyle w:val="Heading1"/>');
    expect(val("w:lvlText", "(%1) & <")).toBe('<w:lvlText w:val="(%1) &amp; &lt;"/>');
    expect(val("w:sz", 24)).toBe('<w:sz w:val="24"/>');
    expect(onOff("w:b", true)).toBe("<w:b/>");
    expect(onOff("w:b", false)).toBe('<w:b w:val="0"/>');
    expect(onOff("w:b", undefined)).toBeUndefined();
  });
});

describe("paragraphs and runs", () => {
  it("a run's text keeps its spaces and is escaped; its properties follow CT_RPr's order", () => {
    expect(textRun({}, " a<b ")).toBe('<w:r><w:t xml:space="preserve"> a&lt;b </w:t></w:r>');
    expect(runProperties({ size: 24, italic: false, bold: true, fonts: { ascii: "A", hAnsi: "A", eastAsia: "E", cs: "A" }, style: "Strong" })).toBe(
      '<w:rPr><w:rStyle w:val="Strong"/><w:rFonts w:ascii="A" w:cs="A" w:eastAsia="E" w:hAnsi="A"/><w:b/><w:bCs/><w:i w:val="false"/><w:iCs w:val="false"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr>',
    );
    expect(runProperties({})).toBe("");
  });

  it("a paragraph's properties follow CT_PPrBase's order whatever order they are given in", () => {
    const xml = paragraph({ alignment: "center", indent: { left: 0, firstLine: 0 }, spacing: { before: 20, after: 40 }, numbering: { numId: 3, level: 1 }, keepNext: false, style: "List" }, "");
    expect(xml).toBe(
      '<w:p><w:pPr><w:pStyle w:val="List"/><w:keepNext w:val="false"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr><w:spacing w:after="40" w:before="20"/><w:ind w:left="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr></w:p>',
    );
    expect(paragraph({})).toBe("<w:p/>");
  });
});

describe("text is only text", () => {
  it("text that looks like a list or image key in braces stays as written (the docx library replaced it with a number)", async () => {
    const body = [ONE_OF_EACH.heading, { type: "paragraph" as const, children: [{ type: "text" as const, value: "{heading-0} {paragraph-0} {list-bullet•-0} {0123456789abcdef0123456789abcdef01234567.png}" }] }, ONE_OF_EACH.paragraph];
    const { xml } = parts(await docxOf(modelWith(body)));
    expect(textOf(xml["word/document.xml"])).toContain("{heading-0} {paragraph-0} {list-bullet•-0} {0123456789abcdef0123456789abcdef01234567.png}");
  });
});
