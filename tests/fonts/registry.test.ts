import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { face, fontkitParsed, fontManifest, FONTS_DIR } from "../../src/fonts/registry.js";
import { loadDataFile } from "../../src/input/load.js";
import { renderData } from "../../src/render/pipeline.js";

describe("font registry", () => {
  it("lists faces with their licence files", () => {
    const faces = fontManifest();
    expect(faces.map((f) => f.id).sort()).toEqual(["arabic", "arabic-bold", "hei-sc", "kai-sc", "latin", "latin-bold", "latin-bold-italic", "latin-italic", "serif-sc"]);
    for (const f of faces) {
      expect(f.licence).toMatch(/^LICENSE-/);
      expect(existsSync(join(FONTS_DIR, f.licence)), f.licence).toBe(true);
      expect(existsSync(join(FONTS_DIR, f.file)), f.file).toBe(true);
    }
  });

  it("reads each face once per process, and never has fontkit parse a Chinese face for Chinese text", async () => {
    const { data } = loadDataFile("examples/arria-belarus-2020.zh.yaml");
    await renderData(data, { formats: ["pdf", "docx"] });
    const serif = face("serif-sc");
    expect(face("serif-sc")).toBe(serif);
    // the Chinese faces (13 and 10 MB) are measured, drawn and subset from their own tables
    expect(fontkitParsed(serif)).toBe(false);
    expect(fontkitParsed(face("hei-sc"))).toBe(false);
    await renderData(data, { formats: ["pdf"] });
    expect(face("serif-sc")).toBe(serif);
    expect(fontkitParsed(serif)).toBe(false);
  });

  it("sets the middle dot of Chinese names a full em wide in the Chinese faces", () => {
    for (const id of ["serif-sc", "hei-sc"]) {
      const f = face(id);
      expect(f.font.glyphForCodePoint(0xb7).advanceWidth).toBe(f.unitsPerEm);
    }
  });
});
