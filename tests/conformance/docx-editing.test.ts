/**
 * An editable Word file: what a user types shows in a proper font, with or without the bundled
 * fonts installed, and the Chinese set-up survives a save by LibreOffice.
 *
 * The edit is what a user does in Word: a new paragraph of Chinese and Latin text the document
 * does not have yet, typed into a body paragraph (it takes that paragraph's style), and a heading
 * changed. LibreOffice renders the edited file with the fonts of a fontconfig file that stands for
 * the machine: the bundled fonts installed; other Chinese fonts only; Debian's Noto CJK (the same
 * family names, other files); no Chinese font at all. The PDF must draw every character with a
 * real glyph (pdf-glyphs.ts reads the glyphs: pdftotext gives back the text of a box or a blank).
 */
import { afterAll, beforeAll, describe, expect } from "vitest";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { FONTS_DIR } from "../../src/fonts/registry.js";
import { plainText, type Block, type Document } from "../../src/model/types.js";
import type { Rendered } from "../../src/render/pipeline.js";
import { docxOf, EXAMPLE, renderedFile, REPORT } from "../writers/docx/helpers.js";
import { libreOffice, pageCount } from "./libreoffice.js";
import { drawnChars, missingGlyphs } from "./pdf-glyphs.js";
import { check, willRun, type Program } from "./tools.js";

const NEEDS: Program[] = ["soffice", "qpdf", "pdfinfo", "pdftotext"];

/** New text: Chinese characters of GB 2312 and Latin letters, digits and punctuation the example does not have. */
const ADDED = "新增段落：鑫淼焱垚犇，赢得瀛洲。See UNICEF report A/75/18 (Bangkok), 50% of 2021; Québec & Zürich.";
const HEADING = { from: "导言", to: "导言和背景资料" };

const FONT_DIRS = {
  dejavu: "/usr/share/fonts/truetype/dejavu",
  droid: "/usr/share/fonts/truetype/droid",
  noto: "/usr/share/fonts/opentype/noto",
};

/** The machines: the font folders LibreOffice sees (DejaVu everywhere, for its own interface). */
const MACHINES: Record<string, { dirs: string[]; chinese: boolean }> = {
  "the bundled fonts installed": { dirs: [FONT_DIRS.dejavu, FONTS_DIR], chinese: true },
  "other Chinese fonts, not the bundled ones (Droid Sans Fallback)": { dirs: [FONT_DIRS.dejavu, FONT_DIRS.droid], chinese: true },
  "Debian's Noto CJK: the bundled family names, other files": { dirs: [FONT_DIRS.dejavu, FONT_DIRS.noto], chinese: true },
  "no Chinese font at all": { dirs: [FONT_DIRS.dejavu], chinese: false },
};

let dir: string;
let rendered: Rendered;
const fontconfig = (dirs: string[], name: string): string => {
  const file = join(dir, `${name}.conf`);
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n${dirs.map((d) => `  <dir>${d}</dir>`).join("\n")}\n  <cachedir>${join(dir, `${name}-cache`)}</cachedir>\n</fontconfig>\n`,
  );
  return file;
};

/** The DOCX as a user leaves it: a paragraph typed after the first body paragraph, a heading reworded. */
function edited(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  let doc = strFromU8(files["word/document.xml"]);
  const first = /<w:p><w:pPr><w:pStyle w:val="BodyTextFirstIndent"\/><\/w:pPr>[\s\S]*?<\/w:p>/.exec(doc)!;
  doc = doc.replace(first[0], `${first[0]}<w:p><w:pPr><w:pStyle w:val="BodyTextFirstIndent"/></w:pPr><w:r><w:t xml:space="preserve">${ADDED.replace(/&/g, "&amp;")}</w:t></w:r></w:p>`);
  const heading = `<w:t xml:space="preserve">${HEADING.from}</w:t>`;
  expect(doc).toContain(heading);
  doc = doc.replace(heading, `<w:t xml:space="preserve">${HEADING.to}</w:t>`);
  files["word/document.xml"] = strToU8(doc);
  return zipSync(files);
}

/** All the text the model draws: every paragraph, heading, list item, cell, note and line of furniture. */
function modelText(model: Document): string {
  const parts: string[] = [model.masthead.organisation, model.masthead.symbol, model.masthead.organ, ...model.masthead.distribution, model.firstPageFooter.jobLabel, model.running.header];
  const walk = (b: Block): void => {
    if (b.type === "heading" || b.type === "paragraph") parts.push(b.label?.text ?? "", plainText(b.children));
    else if (b.type === "list") for (const i of b.items) (parts.push(i.label.text, plainText(i.children)), i.sublist && walk(i.sublist));
    else if (b.type === "signature") for (const l of b.lines) parts.push(plainText(l));
    else if (b.type === "quote") b.blocks.forEach(walk);
    else if (b.type === "table") for (const r of [...b.header, ...b.rows]) for (const c of r.cells) c.blocks.forEach(walk);
  };
  model.body.forEach(walk);
  return parts.join("");
}

beforeAll(async () => {
  if (!willRun(NEEDS)) return;
  dir = mkdtempSync(join(tmpdir(), "undoc-editing-"));
  ({ rendered } = await renderedFile(EXAMPLE));
  writeFileSync(join(dir, "undoc.pdf"), rendered.pdf!);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a user edits the DOCX", () => {
  check("types text the document does not have yet (the check's premise)", NEEDS, () => {
    const own = new Set(modelText(rendered.model));
    const fresh = [...ADDED + HEADING.to].filter((c) => /\p{Script=Han}/u.test(c) && !own.has(c));
    expect(fresh.length).toBeGreaterThanOrEqual(12);
    expect([..."UNICEF"].filter((c) => !own.has(c)).length).toBeGreaterThan(0);
  });

  for (const [machine, m] of Object.entries(MACHINES)) {
    check(`sees every character in a real glyph, the page count unchanged: ${machine}`, NEEDS, (ctx) => {
      const gone = m.dirs.filter((d) => !existsSync(d));
      if (gone.length) return ctx.skip(`this machine has no ${gone.join(", ")}`);
      const conf = fontconfig(m.dirs, machine.replace(/\W+/g, "-"));
      const lo = libreOffice(edited(rendered.docx!), { fontconfig: conf });
      try {
        const drawn = drawnChars(lo.file);
        // the document's own text always: its faces are embedded
        expect(missingGlyphs(drawn, modelText(rendered.model)), "the document's text").toEqual([]);
        // what the user typed: Latin from the whole embedded Latin faces; Chinese from the machine's Chinese fonts
        const typed = missingGlyphs(drawn, ADDED + HEADING.to);
        if (m.chinese) expect(typed, "the typed text").toEqual([]);
        else {
          expect(typed.filter((c) => !/\p{Script=Han}/u.test(c)), "the typed Latin text").toEqual([]);
          // no font on this machine has the new ideographs (only --docx-fonts full carries them): the check sees it
          expect(typed.filter((c) => /\p{Script=Han}/u.test(c)).length).toBeGreaterThan(0);
        }
        expect(pageCount(lo.file)).toBe(pageCount(join(dir, "undoc.pdf")));
      } finally {
        lo.cleanup();
      }
    });
  }

  check("with --docx-fonts full, sees new Chinese characters even on a machine with no Chinese font", NEEDS, async () => {
    const full = await docxOf(rendered.model, { fonts: "full" });
    const lo = libreOffice(edited(full), { fontconfig: fontconfig(MACHINES["no Chinese font at all"].dirs, "full-no-chinese") });
    try {
      expect(missingGlyphs(drawnChars(lo.file), modelText(rendered.model) + ADDED + HEADING.to)).toEqual([]);
    } finally {
      lo.cleanup();
    }
  });
});

describe("saved again by LibreOffice (DOCX -> LibreOffice -> DOCX)", () => {
  check("keeps the languages, the East Asian fonts, the styles, numbering and notes; loses what README says", NEEDS, async () => {
    const report = (await renderedFile(REPORT)).rendered;
    const lo = libreOffice(report.docx!, { to: "docx:MS Word 2007 XML", ext: "docx" });
    try {
      const files = unzipSync(new Uint8Array(readFileSync(lo.file)));
      const xml = (name: string) => (files[name] ? strFromU8(files[name]) : "");
      const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(xml("word/styles.xml"))?.[0] ?? "";
      // kept: the languages and the East Asian fonts of every run, where Word and LibreOffice read them first
      expect(defaults).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
      expect(defaults).toMatch(/w:eastAsia="undoc serif-sc [0-9A-F]{6}"/);
      // kept: the heading styles with their outline levels, Word numbering, Word footnotes, the settings' language
      expect(xml("word/styles.xml")).toMatch(/<w:name w:val="[Hh]eading 1"\/>/);
      expect(xml("word/numbering.xml")).toContain("chineseCounting");
      expect(xml("word/footnotes.xml")).toMatch(/<w:footnote w:id="1"/);
      expect(xml("word/settings.xml")).toMatch(/<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/);
      expect(xml("word/settings.xml")).toContain("<w:embedTrueTypeFonts/>");
      // lost (README, "Saved by LibreOffice"): punctuation compression, hanging punctuation; of the embedded
      // Chinese subsets LibreOffice embeds again some, not all (which ones varies), so they are not checked here
      expect(xml("word/settings.xml")).not.toContain("compressPunctuation");
      expect(xml("word/styles.xml")).toMatch(/<w:overflowPunct w:val="(false|0)"\/>/);
    } finally {
      lo.cleanup();
    }
  });
});
