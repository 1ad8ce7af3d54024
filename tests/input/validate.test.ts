/**
 * validate (src/input/validate.ts) checks with TypeBox's check, interpreted for a process's
 * first documents and compiled from the third: the problems reported must not depend on which.
 */
import { describe, expect, it } from "vitest";
import { Type } from "@sinclair/typebox";
import { validate } from "../../src/input/validate.js";
import { UnDocument } from "../../src/input/schema.js";
import { parseData } from "../../src/input/load.js";
import { MINIMAL_YAML } from "../helpers.js";

describe("validate, interpreted and compiled", () => {
  it("the same problems before and after the check is compiled", () => {
    const schema = Type.Object({ a: Type.String(), b: Type.Array(Type.Number()) });
    const bad = { a: 1, b: [1, "x"] };
    const first = validate(schema, bad);
    expect(first.length).toBeGreaterThan(0);
    for (let i = 0; i < 4; i++) {
      expect(validate(schema, { a: "ok", b: [1, 2] })).toEqual([]);
      expect(validate(schema, bad)).toEqual(first);
    }
  });

  it("the document schema: valid data passes and a wrong field is named, every time", () => {
    const data = parseData(MINIMAL_YAML, "doc.yaml");
    for (let i = 0; i < 4; i++) {
      expect(validate(UnDocument, data)).toEqual([]);
      const wrong = structuredClone(data) as unknown as { letter: { paragraphs: unknown } };
      wrong.letter.paragraphs = 7;
      expect(validate(UnDocument, wrong).map((p) => p.path.join("."))).toEqual(["letter.paragraphs"]);
    }
  });
});

describe("RECURSIVE (the schema's recursive schemas, registered without a walk by templates/view.ts)", () => {
  it("lists every recursive schema ($id) inside UnDocument", async () => {
    const { RECURSIVE } = await import("../../src/input/schema.js");
    const { Kind } = await import("@sinclair/typebox");
    const ids = new Set<string>();
    const seen = new Set<unknown>();
    const walk = (s: unknown): void => {
      if (!s || typeof s !== "object" || seen.has(s)) return;
      seen.add(s);
      const r = s as Record<string | symbol, unknown>;
      if (typeof r.$id === "string" && r[Kind] !== "This") {
        ids.add(r.$id);
        // any copy of it has the same JSON as the listed one
        expect(JSON.stringify(s)).toBe(JSON.stringify(RECURSIVE.find((x) => x.$id === r.$id)));
      }
      for (const v of Object.values(r)) (Array.isArray(v) ? v : [v]).forEach(walk);
    };
    walk(UnDocument);
    expect([...ids].sort()).toEqual(RECURSIVE.map((s) => s.$id as string).sort());
  });
});
