/**
 * Property: a character no document may hold (a C0 or C1 control, DEL, an unpaired surrogate, a
 * noncharacter), put anywhere in any text field of a random document, is refused by the input
 * stage with an INPUT_SCHEMA error that names that field and its line; Object.prototype is never
 * touched. Random valid documents are accepted unchanged.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { UndocError } from "../../src/errors.js";
import { faceSetFor } from "../../src/fonts/face-set.js";
import { parseData } from "../../src/input/load.js";
import { DEFAULT_TEMPLATES, styleOf } from "../../src/render/pipeline.js";
import { documentData, repertoire, textFields } from "./arbitraries.js";

const SCALE = Number(process.env.PROPERTY_RUNS ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
const REP = repertoire(faceSetFor(styleOf(DEFAULT_TEMPLATES)));

const bad = fc.oneof(
  fc.integer({ min: 0x00, max: 0x1f }).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d),
  fc.integer({ min: 0x7f, max: 0x9f }),
  fc.integer({ min: 0xd800, max: 0xdfff }), // a lone surrogate
  fc.constantFrom(0xfffe, 0xffff, 0xfdd0, 0xfdef, 0x1fffe, 0x10ffff),
);

describe("random documents at the input stage (fast-check)", () => {
  it("valid documents are read back unchanged", () => {
    fc.assert(
      fc.property(documentData(REP), (input) => {
        expect(parseData(JSON.stringify(input, null, 2), "random.json")).toEqual(input);
      }),
      { numRuns: runs(50) },
    );
  });

  it("a bad character anywhere: INPUT_SCHEMA naming the field and its line", () => {
    fc.assert(
      fc.property(documentData(REP, { paragraphs: 3, sections: 2 }), bad, fc.nat(), fc.nat(), (generated, cp, which, where) => {
        const input = structuredClone(generated);
        const fields = textFields(input);
        const field = fields[which % fields.length];
        const value = field.get();
        const at = [...value].slice(0, where % ([...value].length + 1)).join("").length;
        field.set(value.slice(0, at) + String.fromCodePoint(cp) + value.slice(at));
        const source = JSON.stringify(input, null, 2);
        let error: unknown;
        try {
          parseData(source, "random.json");
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(UndocError);
        const e = error as UndocError;
        expect(e.code).toBe("INPUT_SCHEMA");
        expect(e.location.path).toBe(field.path);
        expect(e.detail).toContain(`U+${cp.toString(16).toUpperCase().padStart(4, "0")}`);
        // the line of the value in the file (JSON.stringify writes the character as an escape or as is)
        const line = source.slice(0, source.indexOf(JSON.stringify(field.get()))).split("\n").length;
        expect(e.location.line).toBe(line);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: runs(150) },
    );
  });
});
