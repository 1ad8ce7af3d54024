import { describe, expect, it } from "vitest";
import { parseMarkup } from "../../src/markup/parse.js";
import { markupToModel } from "../../src/markup/to-model.js";
import { UndocError } from "../../src/errors.js";
import { errorOf } from "../helpers.js";

const wrap = (body: string) => `<document lang="zh" symbol="S/1" title="t" job="20-00001">
  <masthead><organisation>联合国</organisation><symbol>S/1</symbol><organ>安全理事会</organ><distribution><line>Distr.: General</line></distribution></masthead>
  <first-page-footer job-label="20-00001 (C)" barcode="2000001" qr="https://undocs.org/zh/S/1"/>
  <running header="S/1" footer="20-00001"/>
  <body>${body}</body>
</document>`;


describe("parseMarkup", () => {
  it("parses elements, attributes and character references", () => {
    const root = parseMarkup(`<a x="1 &amp; 2"><b>&lt;i&gt; &#x27;q&#39; &#x3D;</b></a>`, "m");
    expect(root.attrs.x).toBe("1 & 2");
    const b = root.children[0];
    expect(b.kind === "element" && b.children[0].kind === "text" && b.children[0].value).toBe("<i> 'q' =");
  });

  it("reports unclosed and mismatched tags with line and column", () => {
    const e = errorOf(() => parseMarkup(`<a>\n  <b>\n</a>`, "gen.hbs"));
    expect(e.code).toBe("MARKUP");
    expect(e.location).toMatchObject({ file: "gen.hbs", line: 3, column: 1 });
    expect(e.message).toContain("</a> closes <b> opened at line 2");
  });

  it("rejects bare ampersands and unknown entities", () => {
    expect(errorOf(() => parseMarkup(`<a>x & y</a>`, "m")).message).toContain("&amp;");
    expect(errorOf(() => parseMarkup(`<a>&nbsp;</a>`, "m")).message).toContain("unknown entity");
  });
});

describe("markupToModel", () => {
  it("builds blocks and inlines", () => {
    const doc = markupToModel(parseMarkup(wrap(`<title>题目</title><p>甲<b>乙</b>丙</p><list><item>一</item><item>二</item></list><page-break/><end-rule/>`), "m"), "m");
    expect(doc.body.map((b) => b.type)).toEqual(["heading", "paragraph", "list", "pageBreak", "endRule"]);
    expect(doc.body[1]).toEqual({ type: "paragraph", children: [{ type: "text", value: "甲" }, { type: "strong", children: [{ type: "text", value: "乙" }] }, { type: "text", value: "丙" }] });
    expect(doc.masthead.distribution).toEqual(["Distr.: General"]);
    expect(doc.firstPageFooter.barcode).toBe("2000001");
  });

  it("drops template line breaks between Chinese characters but keeps Latin word spaces", () => {
    const doc = markupToModel(parseMarkup(wrap(`<p>\n  中文\n  文字 and   Latin words\n</p>`), "m"), "m");
    expect(doc.body[0]).toMatchObject({ children: [{ type: "text", value: "中文文字 and Latin words" }] });
  });

  it("names unknown elements and attributes", () => {
    expect(errorOf(() => markupToModel(parseMarkup(wrap(`<para>x</para>`), "m"), "m")).message).toContain("<para> is not a block element");
    expect(errorOf(() => markupToModel(parseMarkup(wrap(`<p align="left">x</p>`), "m"), "m")).message).toContain('no attribute "align"');
  });
});
