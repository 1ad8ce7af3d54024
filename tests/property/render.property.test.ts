/**
 * Property-based tests (fast-check): random documents with random Unicode render without a crash;
 * the PDF is structurally sound and the text read back is the input text (qpdf and pdftotext
 * check random documents too, in tests/conformance/pdf.test.ts); the DOCX is
 * a valid zip whose XML parts are well-formed; a character no face has is a clean FONT error
 * naming it and its field.
 *
 * Case counts (a few hundred in all, under a minute on two cores): PROPERTY_RUNS scales them
 * (default 1; e.g. PROPERTY_RUNS=10 for a long local run). A failure prints fast-check's seed
 * and path: rerun with them to reproduce.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { UndocError } from "../../src/errors.js";
import { checkCoverage } from "../../src/render/coverage.js";
import { faceSetFor } from "../../src/fonts/face-set.js";
import { parseData } from "../../src/input/load.js";
import { plainText, type Document } from "../../src/model/types.js";
import { buildModel, DEFAULT_TEMPLATES, renderData, styleOf } from "../../src/render/pipeline.js";
import { pdfStructureProblems } from "../helpers/pdf.js";
import { bodyText, IGNORABLE, squash } from "../robustness/pdf-text.js";
import { applyTextRules } from "../../src/model/text-rules.js";
import { documentData, repertoire, textFields } from "./arbitraries.js";
import { docxProblems, docxText } from "./xml.js";

const SCALE = Number(process.env.PROPERTY_RUNS ?? 1);
/** PROPERTY_SEED=<seed> (and PROPERTY_PATH=<path>) replay a failure fast-check reported */
const replay = process.env.PROPERTY_SEED ? { seed: Number(process.env.PROPERTY_SEED), ...(process.env.PROPERTY_PATH ? { path: process.env.PROPERTY_PATH } : {}) } : {};
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));

const style = styleOf(DEFAULT_TEMPLATES);
const faces = faceSetFor(style);
const REP = repertoire(faces);
const tmp = mkdtempSync(join(tmpdir(), "undoc-property-"));

/** The text of the body blocks as drawn, in reading order (a bullet before each list item). */
function drawnBody(model: Document): string {
  return model.body
    .map((b) => {
      switch (b.type) {
        case "heading":
        case "paragraph":
          return plainText(b.children);
        case "list":
          return b.items.map((i) => `•${plainText(i.children)}`).join("");
        case "signature":
          return b.lines.map(plainText).join("");
        default:
          return "";
      }
    })
    .join("");
}

// hyphens are left out of the comparison: Latin-language lines may end at a hyphenation point, with a hyphen the data does not have
const visible = (s: string) => squash(s.replace(IGNORABLE, "").replace(/[-\u2010]/g, ""));

describe("random documents (fast-check)", () => {
  it("the repertoire is large enough to mean something", () => {
    expect(REP.cjk.length).toBeGreaterThan(15000);
    expect(REP.latin.length).toBeGreaterThan(100);
    expect(REP.marks.length).toBeGreaterThanOrEqual(5);
    expect(REP.marked.length).toBeGreaterThan(30);
    expect(REP.symbols).toContain("①");
  });

  it("render to PDF without a crash; the PDF is structurally sound; the text read back is the input text", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(documentData(REP), async (input) => {
        const data = parseData(JSON.stringify(input), "random.json");
        const model = buildModel(data);
        checkCoverage(model, style, faces, { data }); // the repertoire is covered: no FONT error
        const { pdf } = await renderData(data, { formats: ["pdf"] });
        const file = join(tmp, `doc-${n}.pdf`);
        writeFileSync(file, pdf!);
        writeFileSync(join(tmp, `doc-${n++}.json`), JSON.stringify(input, null, 1)); // to reproduce a failure
        expect(pdfStructureProblems(pdf!)).toEqual([]);
        // every data text is in the model, in order; the PDF's body text is the model's, exactly
        const expected = visible(drawnBody(model));
        let from = 0;
        for (const f of textFields(input).filter((f) => /paragraphs|content|bullets/.test(f.path))) {
          // the language's text rules (quotation marks, French spacing) are applied before the writers
          const at = expected.indexOf(visible(applyTextRules(f.get(), data.meta.language)), from);
          expect(at, f.path).toBeGreaterThanOrEqual(0);
          from = at;
        }
        const text = visible(await bodyText(file));
        expect(text.endsWith(expected), `${file}: PDF body text:\n${text}\nexpected to end with:\n${expected}`).toBe(true);
      }),
      { numRuns: runs(40), endOnFailure: true, ...replay },
    );
  }, 180_000);

  it("render to DOCX: a valid zip whose XML parts are well-formed, holding the text", async () => {
    await fc.assert(
      fc.asyncProperty(documentData(REP, { paragraphs: 3, sections: 2 }), async (input) => {
        const data = parseData(JSON.stringify(input), "random.json");
        const { docx, model } = await renderData(data, { formats: ["docx"] });
        expect(await docxProblems(docx!)).toEqual([]);
        const words = squash(await docxText(docx!));
        for (const b of model.body) {
          if (b.type === "paragraph") expect(words).toContain(squash(plainText(b.children)));
        }
      }),
      { numRuns: runs(10), endOnFailure: true, ...replay },
    );
  }, 180_000);

  it("a character no face has (astral) anywhere: a FONT error naming it and its field, never a render", () => {
    const astral = fc.oneof(
      fc.integer({ min: 0x1f300, max: 0x1f64f }), // emoji
      fc.integer({ min: 0x20000, max: 0x2a6df }), // CJK Extension B
      fc.integer({ min: 0x1d400, max: 0x1d7ff }), // mathematical letters
      fc.integer({ min: 0x10400, max: 0x1044f }), // Deseret
    ).filter((cp) => [faces.regular.cjk, faces.regular.latin, faces.bold.cjk, faces.bold.latin].every((f) => !f.font.hasGlyphForCodePoint(cp)));
    fc.assert(
      fc.property(documentData(REP, { paragraphs: 3, sections: 2 }), astral, fc.nat(), fc.nat(), (generated, cp, which, where) => {
        const input = structuredClone(generated); // fast-check reuses generated values while shrinking: never mutate them
        const fields = textFields(input);
        const field = fields[which % fields.length];
        const value = field.get();
        let at = [...value].slice(0, where % ([...value].length + 1)).join("").length;
        while (/\p{M}/u.test(value[at] ?? "")) at++; // between clusters: a mark after it would be a second missing character
        const ch = String.fromCodePoint(cp);
        field.set(value.slice(0, at) + ch + value.slice(at));
        const source = JSON.stringify(input, null, 1);
        const data = parseData(source, "random.json");
        const model = buildModel(data);
        let error: unknown;
        try {
          checkCoverage(model, style, faces, { data });
        } catch (e) {
          error = e;
        }
        // a field the templates do not print (`from` when the letter has a title) needs no glyph
        if (!JSON.stringify(model).includes(ch)) {
          expect(error).toBeUndefined();
          return;
        }
        expect(error).toBeInstanceOf(UndocError);
        const e = error as UndocError;
        expect(e.code).toBe("FONT");
        expect(e.detail).toContain(`U+${cp.toString(16).toUpperCase()} "${ch}"`);
        // the first field holding the character, by path, with the line of the source
        const first = fields.find((f) => f.get().includes(ch))!;
        expect(e.location.path).toBe(first.path);
        expect(e.location.file).toBe("random.json");
        expect(e.location.line).toBe(source.slice(0, source.indexOf(ch)).split("\n").length);
      }),
      { numRuns: runs(100), ...replay },
    );
  }, 120_000);
});
