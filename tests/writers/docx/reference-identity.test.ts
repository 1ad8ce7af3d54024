/**
 * Byte identity with a reference build of the DOCX writer (scripts/compare-docx.mjs says how to
 * make one): random documents from the property tests' generators, the bundled examples and
 * fixtures, and hand-made models with text the input checks would stop (XML's special and
 * forbidden characters), rendered through the reference's dist and through this source, must give
 * the same bytes. Skipped unless the reference exists (UNDOC_REF_DIST, default ref-dist/): it is
 * a check for a change to the writer, not part of the suite.
 *
 *   UNDOC_REF_DIST=ref-dist DOCX_RANDOM_DOCS=300 npx vitest run tests/writers/docx/reference-identity.test.ts
 */
import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { faceSetFor } from "../../../src/fonts/face-set.js";
import type { Block, Document, Inline } from "../../../src/model/types.js";
import { renderData } from "../../../src/render/pipeline.js";
import { parseData } from "../../../src/input/load.js";
import { writeDocx } from "../../../src/writers/docx/index.js";
import { documentData, repertoire } from "../../property/arbitraries.js";
// @ts-expect-error: a JavaScript module without types
import { compareDocx, fixtureFiles, MODES } from "../../../scripts/compare-docx.mjs";
import { DATE, defaultStyle, modelOf, parts, REPORT_EN, REPORT_ZH } from "./helpers.js";

const REF = resolve(process.env.UNDOC_REF_DIST ?? "ref-dist");
const present = existsSync(join(REF, "index.js"));
const RANDOM = Number(process.env.DOCX_RANDOM_DOCS ?? 300);
/** modes for every random document; the others (whole faces: slow) for every tenth */
const EVERY_DOC = ["editable", "none"];

const style = defaultStyle();
const faces = faceSetFor(style);

type Render = (input: unknown, mode: string) => Promise<Uint8Array>;
type WriteDocx = typeof writeDocx;

async function reference(): Promise<{ render: Render; write: WriteDocx }> {
  const lib = await import(pathToFileURL(join(REF, "index.js")).href);
  const writer = await import(pathToFileURL(join(REF, "writers/docx/index.js")).href);
  return {
    render: async (input, mode) => (await lib.render(input, { formats: ["docx"], date: DATE, docx: { fonts: mode } })).docx,
    write: writer.writeDocx,
  };
}

const current: Render = async (input, mode) =>
  typeof input === "string" ? (await import("../../../src/index.js").then((m) => m.render(input, { formats: ["docx"], date: DATE, docx: { fonts: mode as never } }))).docx! : (await renderData(parseData(JSON.stringify(input), "random.json"), { formats: ["docx"], date: DATE, docx: { fonts: mode as never } })).docx!;

/** Every text of a model's body with `f` applied (the writers' input, past the input checks). */
function mapText(model: Document, f: (s: string, i: number) => string): Document {
  let n = 0;
  const inline = (x: Inline): Inline => (x.type === "text" ? { ...x, value: f(x.value, n++) } : "children" in x ? { ...x, children: x.children.map(inline) } : x.type === "footnote" ? { ...x, paragraphs: x.paragraphs.map((p) => p.map(inline)) } : x);
  const block = (b: Block): Block => JSON.parse(JSON.stringify(b, (k, v) => (v && typeof v === "object" && v.type === "text" && typeof v.value === "string" ? inline(v) : v)));
  return { ...model, body: model.body.map(block) };
}

describe.skipIf(!present)("byte identity with the reference DOCX writer", () => {
  it("the examples and fixtures, in every --docx-fonts mode", async () => {
    const ref = await reference();
    for (const mode of MODES)
      for (const file of fixtureFiles() as string[]) {
        const input = file.endsWith(".json") ? JSON.parse((await import("node:fs")).readFileSync(file, "utf8")) : file;
        expect(compareDocx(await ref.render(input, mode), await current(input, mode)), `${file} (${mode})`).toBeUndefined();
      }
  }, 600_000);

  it(`${RANDOM} random documents (the property tests' generators)`, async () => {
    const ref = await reference();
    const REP = repertoire(faces);
    const docs = [...fc.sample(documentData(REP), { numRuns: Math.ceil(RANDOM / 2), seed: 1 }), ...fc.sample(documentData(REP, { paragraphs: 3, sections: 2 }), { numRuns: Math.floor(RANDOM / 2), seed: 2 })];
    for (const [i, d] of docs.entries()) {
      for (const mode of i % 10 === 0 ? MODES : EVERY_DOC) {
        expect(compareDocx(await ref.render(d, mode), await current(d, mode)), `document ${i} (${mode}): ${JSON.stringify(d).slice(0, 400)}`).toBeUndefined();
      }
    }
  }, 1_800_000);

  it("text with XML's special characters and characters XML 1.0 does not allow", async () => {
    const ref = await reference();
    const odd = ["a & b < c > d \" e ' f", "\u0001\u0008\u000b\u000c\u000e\u001f kept: \t tab", "]]> <![CDATA[ x ]]>", "&amp; &#x41; &lt;", "\uFFFE \uFFFF"];
    for (const file of [REPORT_ZH, REPORT_EN]) {
      const model = mapText(modelOf(file), (s, i) => `${s}${odd[i % odd.length]}`);
      const options = { date: DATE, fonts: "none" as const };
      const docx = await writeDocx(model, style, faces, options);
      expect(compareDocx(await ref.write(model, style, faces, options), docx), file).toBeUndefined();
      expect(parts(docx).xml["word/document.xml"]).toContain("a &amp; b &lt; c &gt; d &quot; e &apos; f");
    }
  }, 120_000);
});
