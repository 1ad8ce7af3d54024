import { describe, expect, it } from "vitest";
import { deflateRawSync } from "node:zlib";
import { render } from "../../src/index.js";
import { docxOutline } from "../../src/preview/outline.js";
import { readZipMember } from "../../src/preview/zip.js";

describe("the DOCX outline of the preview", () => {
  it("lists the body's paragraphs with their Word styles, tables, page breaks, and the package's parts", async () => {
    const { docx } = await render("examples/committee-report-2021.zh.yaml", { formats: ["docx"] });
    const o = docxOutline(docx!);
    const paragraphs = o.items.filter((i) => i.kind === "paragraph");
    expect(paragraphs[0]).toMatchObject({ style: "Title", heading: 0 });
    expect(paragraphs[0].kind === "paragraph" && paragraphs[0].text).toContain("给安全理事会主席的信");
    expect(paragraphs.some((p) => p.kind === "paragraph" && p.style === "heading 1" && p.heading === 1)).toBe(true);
    expect(paragraphs.some((p) => p.kind === "paragraph" && p.style === "Signature")).toBe(true);
    expect(o.items.some((i) => i.kind === "pageBreak")).toBe(true); // the annex starts a page
    expect(o.headers).toBeGreaterThan(0);
    expect(o.footers).toBeGreaterThan(0);
    for (const p of paragraphs) if (p.kind === "paragraph") expect(p.text.length).toBeLessThanOrEqual(161);
  });

  it("tables by their size, footnotes counted, entities decoded, long text cut short", () => {
    const xml = (body: string) => `<?xml version="1.0"?><w:document><w:body>${body}<w:sectPr/></w:body></w:document>`;
    const docx = tinyZip([
      ["word/document.xml", Buffer.from(xml(
        '<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>A &amp; B</w:t></w:r></w:p>' +
        '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr><w:tr></w:tr></w:tbl>' +
        `<w:p><w:r><w:t xml:space="preserve">${"长".repeat(200)}</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p><w:p/>`)), 8],
      ["word/styles.xml", Buffer.from('<w:styles><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style></w:styles>'), 0],
      ["word/footnotes.xml", Buffer.from('<w:footnotes><w:footnote w:type="separator" w:id="-1"/><w:footnote w:id="1"/></w:footnotes>'), 0],
    ]);
    const o = docxOutline(docx);
    expect(o.items[0]).toEqual({ kind: "paragraph", style: "heading 2", heading: 2, text: "A & B" });
    expect(o.items[1]).toEqual({ kind: "table", rows: 2, columns: 2 });
    expect(o.items[2].kind === "paragraph" && o.items[2].text).toBe(`${"长".repeat(160)}…`);
    expect(o.items[3]).toMatchObject({ kind: "paragraph", style: "Normal", text: "" });
    expect(o.items).toHaveLength(4);
    expect(o.footnotes).toBe(1);
  });

  it("reads stored and deflated zip members, and refuses what is not a zip", () => {
    const zip = tinyZip([
      ["a.txt", Buffer.from("stored"), 0],
      ["b.txt", Buffer.from("deflated deflated deflated"), 8],
    ]);
    expect(readZipMember(zip, "a.txt")?.toString()).toBe("stored");
    expect(readZipMember(zip, "b.txt")?.toString()).toBe("deflated deflated deflated");
    expect(readZipMember(zip, "c.txt")).toBeUndefined();
    expect(() => readZipMember(Buffer.from("not a zip at all, just some text"), "a")).toThrow(/not a zip/);
  });
});

/** A zip written by hand (no CRCs checked by the reader): members stored (0) or deflated (8). */
function tinyZip(members: Array<[string, Buffer, 0 | 8]>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data, method] of members) {
    const body = method === 8 ? deflateRawSync(data) : data;
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(method, 10);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(offset, 42);
    locals.push(local, n, body);
    central.push(c, n);
    offset += 30 + n.length + body.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}
