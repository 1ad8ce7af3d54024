import { describe, expect, it } from "vitest";
import { parseMarkup } from "../../src/markup/parse.js";
import { markupToModel } from "../../src/markup/to-model.js";
import type { Block, Document } from "../../src/model/types.js";
import { errorOf } from "../helpers.js";

const ZH_NUMBERING = `<numbering bullet="•">
  <scheme name="heading"><level format="chineseCounting" text="%1."/><level format="upperLetter" text="%1."/><level format="decimal" text="%1."/></scheme>
  <scheme name="paragraph"><level format="decimal" text="%1."/></scheme>
  <scheme name="list"><level format="lowerLetter" text="(%1)"/><level format="lowerRoman" text="(%1)"/></scheme>
</numbering>`;

const model = (body: string, numbering = ZH_NUMBERING): Document =>
  markupToModel(
    parseMarkup(
      `<document lang="zh" symbol="S/1" title="t" job="20-00001">
  <masthead><organisation>联合国</organisation><symbol>S/1</symbol><organ>安全理事会</organ><distribution><line>Distr.: General</line></distribution></masthead>
  <first-page-footer job-label="20-00001 (C)" barcode="2000001" qr="https://undocs.org/zh/S/1"/>
  <running header="S/1" footer="20-00001"/>
  ${numbering}
  <body>${body}</body>
</document>`,
      "m",
    ),
    "m",
  );

const labels = (blocks: Block[]) => blocks.map((b) => ("label" in b ? b.label?.text : undefined));

describe("numbered headings and paragraphs", () => {
  it("numbers headings by depth and paragraphs through the sections, with the locale's formats", () => {
    const doc = model(`
      <heading level="1" number="auto">导言</heading><p number="auto">甲</p>
      <heading level="1" number="auto">工作</heading><heading level="2" number="auto">审查</heading><p number="auto">乙</p>
      <heading level="3" number="auto">细节</heading><p number="auto">丙</p><p>不编号</p>
      <heading level="2" number="auto">援助</heading><p number="auto">丁</p>`);
    expect(labels(doc.body)).toEqual(["一.", "1.", "二.", "A.", "2.", "1.", "3.", undefined, "B.", "4."]);
    const p = doc.body[1];
    expect(p.type === "paragraph" && p.label).toEqual({ text: "1.", counter: { scheme: "paragraph", level: 1, value: 1 } });
  });

  it("takes a number from the data, a literal label, and restarts on request", () => {
    const doc = model(`<p number="auto">a</p><p number="7">b</p><p number="auto">c</p><heading level="1" label="附件">x</heading>
      <restart-numbering scheme="paragraph"/><p number="auto">d</p>`);
    expect(labels(doc.body)).toEqual(["1.", "7.", "8.", "附件", "1."]);
    const h = doc.body[3];
    expect(h.type === "heading" && h.label).toEqual({ text: "附件" });
  });

  it("refuses bad numbering attributes, naming the element", () => {
    expect(errorOf(() => model(`<p number="0">x</p>`)).message).toContain('number must be "auto", "none" or a whole number');
    expect(errorOf(() => model(`<heading level="5">x</heading>`)).message).toContain("level must be a whole number from 1 to 4");
    expect(errorOf(() => model(`<p number="auto" label="1">x</p>`)).message).toContain("number or label, not both");
    expect(errorOf(() => model("", `<numbering><scheme name="heading"><level format="hebrew" text="%1."/></scheme></numbering>`)).message).toContain("format must be one of");
    expect(errorOf(() => model("", `<numbering><scheme name="paragraph"><level format="decimal" text="#."/></scheme></numbering>`)).message).toContain("must contain %1");
  });
});

describe("lists", () => {
  it("labels items (a), (b) and nested items (i), (ii); bullets take the locale's bullet", () => {
    const doc = model(`<list marker="auto"><item>一</item><item>二<list marker="auto"><item>甲</item><item>乙</item></list></item></list><list><item>点</item></list>`);
    const [l, b] = doc.body;
    if (l.type !== "list" || b.type !== "list") throw new Error("lists expected");
    expect(l.items.map((i) => i.label.text)).toEqual(["(a)", "(b)"]);
    expect(l.items[1].sublist?.items.map((i) => i.label.text)).toEqual(["(i)", "(ii)"]);
    expect(l.items[1].sublist?.level).toBe(2);
    expect(l.items[1].children).toEqual([{ type: "text", value: "二" }]);
    expect(b.marker).toBe("bullet");
    expect(b.items[0].label.text).toBe("•");
  });
  it("refuses a third level and a nested list that is not last", () => {
    expect(errorOf(() => model(`<list><item>a<list><item>b<list><item>c</item></list></item></list></item></list>`)).message).toContain("at most 2 levels");
    expect(errorOf(() => model(`<list><item>a<list><item>b</item></list>c</item></list>`)).message).toContain("must come last");
  });
});

describe("footnotes", () => {
  it("numbers notes through the document, in reading order, and keeps their paragraphs", () => {
    const doc = model(`<p>甲<note>注一</note>乙<b>丙<note>注二</note></b></p><list><item>丁<note><p>注三第一段</p><p>第二段</p></note></item></list>`);
    const notes: string[] = [];
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === "object") {
        const n = x as { type?: string; label?: string };
        if (n.type === "footnote") notes.push(n.label!);
        Object.values(x).forEach(walk);
      }
    };
    walk(doc.body);
    expect(notes).toEqual(["1", "2", "3"]);
    const item = doc.body[1];
    const third = item.type === "list" ? item.items[0].children[1] : undefined;
    expect(third).toEqual({ type: "footnote", label: "3", paragraphs: [[{ type: "text", value: "注三第一段" }], [{ type: "text", value: "第二段" }]] });
  });
  it("refuses a note inside a note, and an empty note", () => {
    expect(errorOf(() => model(`<p>a<note>b<note>c</note></note></p>`)).message).toContain("cannot hold another footnote");
    expect(errorOf(() => model(`<p>a<note> </note></p>`)).message).toContain("<note> is empty");
  });
});

describe("tables and quotations", () => {
  it("reads caption, columns, header rows, rows, spans and cell content", () => {
    const doc = model(`<table><caption>表1</caption><columns><col width="40%"/><col align="end"/></columns>
      <header><row><cell>国家</cell><cell>数目</cell></row></header>
      <row><cell>中国</cell><cell>12</cell></row><row><cell span="2"><p>甲</p><list><item>乙</item></list></cell></row></table>`);
    const t = doc.body[0];
    if (t.type !== "table") throw new Error("table expected");
    expect(t.caption).toEqual([{ type: "text", value: "表1" }]);
    expect(t.columns).toEqual([{ width: 0.4, align: "start" }, { align: "end" }]);
    expect(t.header[0].cells.map((c) => c.blocks)).toEqual([[{ type: "paragraph", indent: "none", children: [{ type: "text", value: "国家" }] }], [{ type: "paragraph", indent: "none", children: [{ type: "text", value: "数目" }] }]]);
    expect(t.rows[1].cells[0].span).toBe(2);
    expect(t.rows[1].cells[0].blocks.map((b) => b.type)).toEqual(["paragraph", "list"]);
  });
  it("refuses rows of different widths and widths over 100%", () => {
    expect(errorOf(() => model(`<table><row><cell>a</cell><cell>b</cell></row><row><cell>c</cell></row></table>`)).message).toContain("must fill its 2 columns");
    expect(errorOf(() => model(`<table><columns><col width="60%"/><col width="50%"/></columns><row><cell>a</cell><cell>b</cell></row></table>`)).message).toContain("add up to 110%");
    expect(errorOf(() => model(`<table><columns><col width="wide"/></columns><row><cell>a</cell></row></table>`)).message).toContain('width must be "auto" or a percentage');
  });
  it("keeps a quotation's paragraphs under the quotation style's first-line indent", () => {
    const doc = model(`<quote><p>引文</p></quote>`);
    expect(doc.body[0]).toEqual({ type: "quote", blocks: [{ type: "paragraph", children: [{ type: "text", value: "引文" }] }] });
  });
});
