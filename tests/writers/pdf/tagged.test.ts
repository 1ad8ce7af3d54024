/**
 * Tagged PDF, PDF/UA-1 and PDF/A-2a, checked from the file itself (no outside validator can be
 * installed here). The clauses these checks cover, and those they do not, are listed in
 * docs/accessibility.md.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadDataFile } from "../../../src/input/load.js";
import type { Block, Document, Footnote, Inline } from "../../../src/model/types.js";
import { plainText } from "../../../src/model/types.js";
import { renderData } from "../../../src/render/pipeline.js";
import { PdfName, PdfRef, type PdfDict } from "../../helpers/pdf.js";
import { allElements, elementText, readTagged, type StructElement, type TaggedPdf } from "../../helpers/pdf-structure.js";

const EXAMPLES = ["arria-belarus-2020.zh", "committee-report-2021.zh", "arria-belarus-2020.en", "arria-belarus-2020.fr"];

const rendered = new Map<string, Promise<{ model: Document; tagged: TaggedPdf }>>();
function tagged(name: string) {
  let r = rendered.get(name);
  if (!r) {
    r = (async () => {
      const { data } = loadDataFile(`examples/${name}.yaml`);
      const out = await renderData(data, { formats: ["pdf"] });
      return { model: out.model, tagged: await readTagged(out.pdf!) };
    })();
    rendered.set(name, r);
  }
  return r;
}

const isHeading = (e: StructElement) => /^H[1-6]$/.test(e.type);
const skipNotes = (e: StructElement) => e.type === "Note" || e.type === "Reference";

/** What each top-level text element of the body must read, from the model, in order. */
function expectedBlocks(doc: Document): { type: string; text: string }[] {
  const out: { type: string; text: string }[] = [];
  const label = (l?: { text: string }) => (l ? `${l.text} ` : "");
  for (const b of doc.body as Block[]) {
    if (b.type === "heading") out.push({ type: "H", text: label(b.label) + plainText(b.children) });
    else if (b.type === "paragraph") out.push({ type: "P", text: label(b.label) + plainText(b.children) });
  }
  return out;
}

function footnotes(doc: Document): Footnote[] {
  const out: Footnote[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === "object") {
      if ((x as Inline).type === "footnote") out.push(x as Footnote);
      Object.values(x).forEach(walk);
    }
  };
  walk(doc.body);
  return out;
}

describe.each(EXAMPLES)("the tagged PDF of %s", (name) => {
  let model: Document;
  let t: TaggedPdf;
  beforeAll(async () => {
    ({ model, tagged: t } = await tagged(name));
  });

  it("declares itself tagged, in its language, showing its title (ISO 32000-1 §14.7.1, §14.9.2; PDF/UA-1 §7.1, §7.2)", () => {
    const markInfo = t.pdf.get(t.catalog.get("MarkInfo")) as PdfDict;
    expect(markInfo.get("Marked")).toBe(true);
    expect(t.catalog.get("StructTreeRoot")).toBeInstanceOf(PdfRef);
    expect(t.catalog.get("Lang")).toBe(model.meta.lang === "zh" ? "zh-CN" : model.meta.lang);
    const prefs = t.pdf.get(t.catalog.get("ViewerPreferences")) as PdfDict;
    expect(prefs.get("DisplayDocTitle")).toBe(true);
  });

  it("carries XMP metadata with the title, the language and the PDF/A-2a and PDF/UA-1 identifiers (PDF/A-2 §6.6.2, §6.6.4; PDF/UA-1 §5, §7.1)", () => {
    const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
    const title = /<dc:title><rdf:Alt><rdf:li xml:lang="x-default">([^<]*)<\/rdf:li>/.exec(t.xmp)?.[1];
    expect(title && unescape(title)).toBe(model.meta.title);
    expect(t.xmp).toContain("<pdfaid:part>2</pdfaid:part>");
    expect(t.xmp).toContain("<pdfaid:conformance>A</pdfaid:conformance>");
    expect(t.xmp).toContain("<pdfuaid:part>1</pdfuaid:part>");
    expect(t.xmp).toContain(`<rdf:li>${model.meta.lang === "zh" ? "zh-CN" : model.meta.lang}</rdf:li>`);
    // the document information dictionary agrees with the XMP (PDF/A-2 §6.6.3)
    const info = t.pdf.get(t.pdf.trailer.get("Info")) as PdfDict;
    expect(t.pdf.get(info.get("Title"))).toBeDefined();
  });

  it("has an sRGB output intent and embeds every font (PDF/A-2 §6.2.3, §6.2.11.4)", () => {
    const intents = t.catalog.get("OutputIntents");
    expect(Array.isArray(intents) && intents.length).toBe(1);
    const intent = t.pdf.get((intents as PdfRef[])[0]) as PdfDict;
    expect((intent.get("S") as PdfName).name).toBe("GTS_PDFA1");
    expect(intent.get("DestOutputProfile")).toBeInstanceOf(PdfRef);
    for (const [, obj] of t.pdf.objects) {
      const v = obj.value;
      if (v instanceof Map && v.get("Type") instanceof PdfName && (v.get("Type") as PdfName).name === "FontDescriptor") {
        expect(v.get("FontFile2") ?? v.get("FontFile3") ?? v.get("FontFile"), String(v.get("FontName"))).toBeInstanceOf(PdfRef);
      }
    }
  });

  it("marks every piece of content: each sequence belongs to the tree once, or is an artifact (PDF/UA-1 §7.1; ISO 32000-1 §14.8.2.2)", () => {
    expect(t.unmarkedText).toBe(0);
    const inTree = new Map<string, number>();
    for (const el of allElements(t.root)) for (const k of el.kids) if ("mcid" in k) inTree.set(`${k.page}:${k.mcid}`, (inTree.get(`${k.page}:${k.mcid}`) ?? 0) + 1);
    for (const mc of t.marked) {
      if (mc.tag === "Artifact") {
        expect(mc.mcid, "an artifact has no MCID").toBeUndefined();
        continue;
      }
      expect(mc.mcid, `a ${mc.tag} sequence on page ${mc.page} without MCID`).toBeTypeOf("number");
      expect(inTree.get(`${mc.page}:${mc.mcid}`), `MCID ${mc.mcid} of page ${mc.page}`).toBe(1);
    }
    // and every reference of the tree points at a sequence that exists
    for (const key of inTree.keys()) expect(t.marked.some((m) => `${m.page}:${m.mcid}` === key), key).toBe(true);
  });

  it("reads in the tree's order as the document's text: headings and paragraphs, labels and all", () => {
    const doc = t.root!.kids[0] as StructElement;
    expect(doc.type).toBe("Document");
    const top = doc.kids.filter((k): k is StructElement => !("mcid" in k) && (isHeading(k) || k.type === "P"));
    const got = top.map((e) => ({ type: isHeading(e) ? "H" : "P", text: elementText(e, t, skipNotes) }));
    expect(got).toEqual(expectedBlocks(model));
  });

  it("nests each footnote's Note, with its ID, right after its Reference (PDF/UA-1 §7.9)", () => {
    const notes = footnotes(model);
    const elements = allElements(t.root);
    const noteEls = elements.filter((e) => e.type === "Note");
    expect(noteEls.map((e) => e.id)).toEqual(notes.map((n) => `note-${n.label}`));
    noteEls.forEach((el, i) => {
      expect(elementText(el, t)).toBe(`${notes[i].label} ${notes[i].paragraphs.map(plainText).join("")}`);
    });
    for (const parent of elements) {
      parent.kids.forEach((k, i) => {
        if (!("mcid" in k) && k.type === "Reference") expect((parent.kids[i + 1] as StructElement).type).toBe("Note");
      });
    }
  });

  it("gives headings levels without gaps, tables header cells with a scope, and figures alternative text (PDF/UA-1 §7.4, §7.5, §7.3)", () => {
    const elements = allElements(t.root);
    let deepest = 0;
    for (const h of elements.filter(isHeading)) {
      const level = Number(h.type.slice(1));
      expect(level, `${h.type} after H${deepest}`).toBeLessThanOrEqual(deepest + 1);
      deepest = Math.max(deepest, level);
    }
    for (const th of elements.filter((e) => e.type === "TH")) expect(th.scope).toBe("Column");
    const figures = elements.filter((e) => e.type === "Figure");
    expect(figures.length).toBeGreaterThanOrEqual(1); // the QR code
    for (const f of figures) expect(f.alt).toMatch(/^https:\/\/undocs\.org\//);
  });
});

describe("tagging of the report's blocks", () => {
  it("tags lists as L > LI > Lbl + LBody, nested lists inside their item's body, and tables once (repeated header rows are artifacts)", async () => {
    const { model, tagged: t } = await tagged("committee-report-2021.zh");
    const elements = allElements(t.root);
    const items = elements.filter((e) => e.type === "LI");
    expect(items.length).toBeGreaterThan(0);
    for (const li of items) expect(li.kids.map((k) => ("mcid" in k ? "MC" : k.type))).toEqual(["Lbl", "LBody"]);
    expect(elements.some((e) => e.type === "LBody" && e.kids.some((k) => !("mcid" in k) && k.type === "L"))).toBe(true);
    const tables = model.body.filter((b) => b.type === "table");
    const tableEls = elements.filter((e) => e.type === "Table");
    expect(tableEls.length).toBe(tables.length);
    tableEls.forEach((el, i) => {
      const tb = tables[i];
      if (tb.type !== "table") return;
      const rows = el.kids.filter((k): k is StructElement => !("mcid" in k) && k.type === "TR");
      expect(rows.length).toBe(tb.header.length + tb.rows.length); // the header once, however many pages
      expect(el.kids[0]).toMatchObject({ type: "Caption" });
    });
  });

  it("marks the distribution block of a Chinese version as English", async () => {
    const { tagged: t } = await tagged("arria-belarus-2020.zh");
    const english = allElements(t.root).filter((e) => e.lang === "en").map((e) => elementText(e, t));
    expect(english).toContain("Distr.: General");
    expect(english).toContain("Original: English");
  });
});
