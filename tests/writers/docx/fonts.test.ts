/** The font plan: which faces are named and embedded in each --docx-fonts mode, and the renamed subsets. */
import { describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import type * as Fontkit from "fontkit";
import { faceSetFor } from "../../../src/fonts/face-set.js";
import { face } from "../../../src/fonts/registry.js";
import { codePointsByVariant, fontPlan, renamedSubset } from "../../../src/writers/docx/fonts.js";
import { defaultStyle, smallModel } from "./helpers.js";

const fontkit = createRequire(import.meta.url)("fontkit") as typeof Fontkit;
const cps = (s: string) => [...s].map((c) => c.codePointAt(0)!);

describe("code points", () => {
  it("collects the text of each variant, with the page-number digits and the bullet", () => {
    const { regular, bold, italic } = codePointsByVariant(smallModel(), defaultStyle());
    for (const cp of cps("正文不缩进一二某某大使99-00001 (C)")) expect(regular.has(cp)).toBe(true);
    for (const cp of cps("强调")) expect(italic.has(cp)).toBe(true);
    for (const cp of cps("标题加粗ABC小节新页联合国安全理事会S/2099/10123456789")) expect(bold.has(cp)).toBe(true);
    expect(regular.has("•".codePointAt(0)!)).toBe(true);
    expect(regular.has("加".codePointAt(0)!)).toBe(false);
  });
});

describe("renamed subsets", () => {
  const serif = face("serif-sc");
  const set = new Set(cps("安全理事会2020年·“”，。ABC"));

  it("keep the glyphs asked for, TrueType outlines, the width features, under the family name given", () => {
    const bytes = renamedSubset(serif, set, { name: "undoc serif-sc TEST01", tag: "TEST01" });
    expect(bytes.length).toBeLessThan(60_000);
    expect([...bytes.slice(0, 4)]).toEqual([0, 1, 0, 0]);
    const sub = fontkit.create(Buffer.from(bytes)) as Fontkit.Font;
    expect(sub.familyName).toBe("undoc serif-sc TEST01");
    expect(sub.postscriptName).toBe("undoc-serif-sc-TEST01");
    for (const cp of set) expect(sub.hasGlyphForCodePoint(cp)).toBe(true);
    expect(sub.hasGlyphForCodePoint("国".codePointAt(0)!)).toBe(false);
    expect(sub.availableFeatures).toEqual(expect.arrayContaining(["fwid", "hwid"]));
    expect(sub.layout("·", ["fwid"]).advanceWidth).toBe(sub.unitsPerEm);
  });

  it("are cut once per process", () => {
    const X = { name: "undoc serif-sc X", tag: "X" };
    expect(renamedSubset(serif, new Set(set), X)).toBe(renamedSubset(serif, set, X));
    expect(renamedSubset(serif, new Set([...set, 0x56fd]), X)).not.toBe(renamedSubset(serif, set, X));
  });
});

describe("font plan", () => {
  const style = defaultStyle();
  const faces = faceSetFor(style);
  const model = smallModel();

  it("subset: every face a subset under a family of its own; a family's members share it", () => {
    const plan = fontPlan(model, style, faces, "subset");
    for (const f of plan.table) {
      // never the face's own family name: the OFL reserves some (Liberation, LXGW) for unmodified fonts
      expect(f.name).toMatch(/^undoc [a-z-]+ [0-9A-F]{6}$/);
      for (const m of f.members) expect(m.subsetted).toBe(true);
    }
    const latin = plan.table.find((f) => f.name.startsWith("undoc latin "))!;
    // the small model sets regular and bold Latin text (its emphasis is Chinese: the Kai face, no Latin italic)
    expect(latin.members.map((m) => m.slot).sort()).toEqual(["bold", "regular"]);
    expect(plan.table.some((f) => f.name.startsWith("undoc kai-sc "))).toBe(true);
    expect(plan.names.regular.latin).toBe(latin.name);
    expect(plan.names.bold.latin).toBe(latin.name);
  });

  it("editable: the Latin faces whole under their own name, the Chinese faces as renamed subsets", () => {
    const plan = fontPlan(model, style, faces, "editable");
    const latin = plan.table.find((f) => f.name === "Liberation Serif")!;
    expect(latin.members.map((m) => [m.slot, m.subsetted, m.data.length])).toEqual(
      expect.arrayContaining([
        ["regular", false, faces.regular.latin.bytes.length],
        ["bold", false, faces.bold.latin.bytes.length],
      ]),
    );
    for (const f of plan.table.filter((f) => f.cjk)) expect(f.name).toMatch(/^undoc (serif-sc|hei-sc|kai-sc) [0-9A-F]{6}$/);
    expect(plan.names.italic.cjk).toMatch(/^undoc kai-sc /); // emphasis in Chinese: the Kai face
  });

  it("embeds only the faces the document sets text in: no Chinese face for a Latin document", () => {
    const en = structuredClone(model);
    en.meta.lang = "en";
    en.body = [{ type: "paragraph", children: [{ type: "text", value: "Only “Latin” text — 2021." }] }];
    en.masthead = { ...en.masthead, organisation: "United Nations", organ: "General Assembly" };
    const plan = fontPlan(en, style, faces, "full");
    expect(plan.table.map((f) => f.name)).toEqual(["Liberation Serif"]);
  });

  it("full: every face whole under its own name", () => {
    const plan = fontPlan(model, style, faces, "full");
    expect(plan.table.map((f) => f.name).sort()).toEqual(["LXGW WenKai", "Liberation Serif", "Noto Sans CJK SC", "Noto Serif CJK SC"]);
    for (const f of plan.table) for (const m of f.members) expect(m.subsetted).toBe(false);
  });

  it("none: nothing embedded, the system fonts named (SimSun, SimHei, Times New Roman by default)", () => {
    const plan = fontPlan(model, style, faces, "none");
    expect(plan.table.every((f) => f.members.length === 0)).toBe(true);
    expect(plan.names.regular).toEqual({ latin: "Times New Roman", cjk: "SimSun" });
    expect(plan.names.bold).toEqual({ latin: "Times New Roman", cjk: "SimHei" });
    expect(fontPlan(model, style, faces, "none", { cjk: "FangSong", cjkBold: "KaiTi", latin: "Arial" }).names.regular).toEqual({ latin: "Arial", cjk: "FangSong" });
  });

  it("names the same subsets for the same document, and others for another", () => {
    const a = fontPlan(model, style, faces, "subset").table.map((f) => f.name);
    expect(fontPlan(structuredClone(model), style, faces, "subset").table.map((f) => f.name)).toEqual(a);
    const other = structuredClone(model);
    other.body.push({ type: "paragraph", children: [{ type: "text", value: "另一份文件" }] });
    expect(fontPlan(other, style, faces, "subset").table.map((f) => f.name)).not.toEqual(a);
  });
});
