import { describe, expect, it } from "vitest";
import * as api from "../src/index.js";

describe("public API", () => {
  it("exports exactly these names (a change here is a change to the API: update the README)", () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        "DEFAULT_TEMPLATES",
        "FORMATS",
        "UndocError",
        "buildModel",
        "isUndocError",
        "jsonSchema",
        "loadDataFile",
        "parseData",
        "render",
        "renderData",
        "renderFile",
        "styleOf",
      ].sort(),
    );
  });

  it("renders data given as an object", async () => {
    const { data } = api.loadDataFile("examples/arria-belarus-2020.zh.yaml");
    const out = await api.render(data as unknown as Record<string, unknown>, { formats: ["pdf"] });
    expect(out.model.type).toBe("document");
    expect(Buffer.from(out.pdf!.slice(0, 5)).toString()).toBe("%PDF-");
    expect(out.docx).toBeUndefined();
  });

  it("rejects bad data given as an object with a located error", async () => {
    const err = await api.render({ meta: {} }).catch((e: unknown) => e);
    expect(api.isUndocError(err)).toBe(true);
    expect((err as api.UndocError).code).toBe("INPUT_SCHEMA");
    expect((err as api.UndocError).message).toMatch(/missing required field "(letter|symbol)"/);
  });
});
