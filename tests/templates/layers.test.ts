import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { loadDataFile } from "../../src/input/load.js";
import { invalidateTemplates, loadTemplateSet } from "../../src/templates/engine.js";
import { BUNDLED_TEMPLATES, templateLanguages, templateLayers } from "../../src/templates/layers.js";
import { watchTemplateLayers } from "../../src/templates/watch-layers.js";
import { buildModel, checkLanguage, DEFAULT_TEMPLATES, styleOf } from "../../src/render/pipeline.js";
import { plainText } from "../../src/model/types.js";
import { errorOf } from "../helpers.js";

const { data } = loadDataFile("examples/arria-belarus-2020.zh.yaml");
const en = loadDataFile("examples/arria-belarus-2020.en.yaml").data;
const fr = loadDataFile("examples/arria-belarus-2020.fr.yaml").data;

/** A template folder holding exactly `files` (path -> text). */
function folder(files: Record<string, string>, parent = mkdtempSync(join(tmpdir(), "undoc-layer-")), name = "tpl"): string {
  const dir = join(parent, name);
  mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  invalidateTemplates();
  return dir;
}

const signature = (dir: string, d = data) => {
  const sig = buildModel(d, dir).body.find((b) => b.type === "signature");
  return sig?.type === "signature" ? sig.lines.map(plainText) : [];
};

describe("layered template folders", () => {
  it("the bundled templates are the last layer; a folder without template.yaml sits on them", () => {
    expect(templateLayers(DEFAULT_TEMPLATES).map((l) => l.bundled)).toEqual([true]);
    const dir = folder({ "locales/zh.yaml": 'letter: { signed: "(签字)" }\n' });
    expect(templateLayers(dir).map((l) => l.dir)).toEqual([dir, BUNDLED_TEMPLATES]);
  });

  it("a locale file overrides one string; the others come from the base", () => {
    const dir = folder({ "template.yaml": "base: default\n", "locales/zh.yaml": 'letter:\n  signed: "(签字)"\n' });
    expect(signature(dir)).toEqual(["常驻代表", "大使", "斯文·于尔根松(签字)"]);
    // the letter title (letter.title, beside the overridden key) still comes from the base
    const title = buildModel(data, dir).body[0];
    expect(title.type === "heading" && plainText(title.children)).toBe("2020年9月14日爱沙尼亚常驻联合国代表给安全理事会主席的信");
  });

  it("a partial from the topmost layer that has it; a new partial of the folder is available", () => {
    const letter = readFileSync(join(BUNDLED_TEMPLATES, "partials", "letter.hbs"), "utf8").replace("</signature>", "</signature>\n{{> postscript}}");
    const dir = folder({ "partials/letter.hbs": letter, "partials/postscript.hbs": '<p indent="none">附言。</p>' });
    const doc = buildModel(data, dir);
    const i = doc.body.findIndex((b) => b.type === "signature");
    expect(doc.body[i + 1].type === "paragraph" && plainText((doc.body[i + 1] as { children: never[] }).children)).toBe("附言。");
  });

  it("three layers: a folder over another folder over the default; a relative base starts at the folder", () => {
    const parent = mkdtempSync(join(tmpdir(), "undoc-layer-"));
    folder({ "template.yaml": "base: default\n", "locales/zh.yaml": 'letter: { signed: "(签字)" }\n', "style.yaml": "page: { size: a4 }\n" }, parent, "org");
    const dir = folder({ "template.yaml": "base: ../org\n", "locales/zh.yaml": 'letter: { title: "{from}的信" }\n' }, parent, "mission");
    expect(templateLayers(dir).map((l) => l.dir)).toEqual([dir, join(parent, "org"), BUNDLED_TEMPLATES]);
    const doc = buildModel(data, dir);
    expect(plainText((doc.body[0] as { children: never[] }).children)).toBe("爱沙尼亚常驻联合国代表的信");
    expect(signature(dir)).toContain("斯文·于尔根松(签字)");
    expect(styleOf(dir, "zh").page.size).toBe("a4");
  });

  it("style files deep-merge: base style.yaml, base style.<lang>.yaml, the folder's style.yaml, its style.<lang>.yaml", () => {
    const dir = folder({ "style.yaml": "text: { size: 11 }\n", "style.en.yaml": "paragraphs: { body: { spaceAfter: 3 } }\n" });
    const zh = styleOf(dir, "zh");
    expect(zh.text.size).toBe(11);
    expect(zh.text.lineHeight).toBe(16); // from the base style.yaml
    expect(zh.paragraphs.body.spaceAfter).toBe(6);
    const english = styleOf(dir, "en");
    expect(english.text.size).toBe(11); // the folder's style.yaml over the base's style.en.yaml
    expect(english.text.lineHeight).toBe(12); // the base's style.en.yaml
    expect(english.paragraphs.body).toMatchObject({ spaceAfter: 3, leftIndentEm: 3.6 });
    // French extends English (the base's style.fr.yaml): the folder's English change applies to it too
    expect(styleOf(dir, "fr").paragraphs.body.spaceAfter).toBe(3);
    expect(buildModel(fr, dir).meta.lang).toBe("fr");
  });

  it("a style error is located in the layer's file that set the value", () => {
    const dir = folder({ "style.yaml": "page:\n  size: a5\n" });
    const e = errorOf(() => styleOf(dir, "zh"));
    expect(e.code).toBe("STYLE");
    expect(e.location).toMatchObject({ file: join(dir, "style.yaml"), line: 2 });
  });

  it("a locale string that changes kind (text <-> group) is an error in the layer's file", () => {
    const dir = folder({ "locales/zh.yaml": 'letter: "(签字)"\n' });
    const e = errorOf(() => loadTemplateSet(dir).render(data));
    expect(e.message).toContain('"letter" is a string here but a group of strings in');
    expect(e.location.file).toBe(join(dir, "locales", "zh.yaml"));
  });

  it("a placeholder error names the layer that set the string", () => {
    const dir = folder({ "locales/zh.yaml": 'letter: { title: "{sender}的信" }\n' });
    const e = errorOf(() => loadTemplateSet(dir).render(data));
    expect(e.message).toContain("uses {sender}");
    expect(e.location.file).toBe(join(dir, "locales", "zh.yaml"));
  });

  it("languages come from every layer; a folder can add one", () => {
    const dir = folder({ "locales/xx.yaml": "letter: { signed: x }\n" });
    expect(templateLanguages(dir)).toEqual([...templateLanguages(DEFAULT_TEMPLATES), "xx"].sort());
    expect(() => checkLanguage(en, dir)).not.toThrow();
  });

  it("base: none is a complete set: nothing falls back", () => {
    const dir = folder({ "template.yaml": "base: none\n", "locales/zh.yaml": "a: b\n" });
    const e = errorOf(() => loadTemplateSet(dir));
    expect(e.message).toContain("no document.hbs in the template folder or its bases");
  });

  it("template.yaml mistakes: a cycle, a missing base, an unknown key, a base that is not text", () => {
    const parent = mkdtempSync(join(tmpdir(), "undoc-layer-"));
    folder({ "template.yaml": "base: ../b\n" }, parent, "a");
    const b = folder({ "template.yaml": "# b\nbase: ../a\n" }, parent, "b");
    const cycle = errorOf(() => templateLayers(join(parent, "a")));
    expect(cycle.message).toContain("go round in a circle");
    expect(cycle.location).toMatchObject({ file: join(b, "template.yaml"), line: 2, column: 7 });
    const missing = folder({ "template.yaml": "base: ../nowhere\n" });
    expect(errorOf(() => templateLayers(missing)).message).toContain(`${join(dirname(missing), "nowhere")} does not exist`);
    const key = folder({ "template.yaml": "bsae: default\n" });
    expect(errorOf(() => templateLayers(key)).location).toMatchObject({ file: join(key, "template.yaml"), line: 1 });
    const notText = folder({ "template.yaml": "base: [a]\n" });
    expect(errorOf(() => templateLayers(notText)).message).toContain("base must be text");
  });

  it("every layer keeps the folder boundary: a partial linking outside its folder is refused", () => {
    const parent = mkdtempSync(join(tmpdir(), "undoc-layer-"));
    const outside = join(parent, "secret.hbs");
    writeFileSync(outside, "<title>TOP SECRET</title>");
    const dir = folder({}, parent, "tpl");
    mkdirSync(join(dir, "partials"));
    symlinkSync(outside, join(dir, "partials", "letter.hbs"));
    expect(errorOf(() => loadTemplateSet(dir)).message).toContain("points outside the template folder");
    // a dangling link is refused, never skipped in favour of the base's file
    const dangling = folder({}, parent, "dangling");
    mkdirSync(join(dangling, "locales"));
    symlinkSync(join(parent, "gone.yaml"), join(dangling, "locales", "zh.yaml"));
    expect(errorOf(() => loadTemplateSet(dangling).render(data)).message).toContain("link to nothing");
  });
});

describe("watching the layers", () => {
  it("reports changes in the folder and in its base, and follows a changed base", async () => {
    const parent = mkdtempSync(join(tmpdir(), "undoc-layer-"));
    const org = folder({ "template.yaml": "base: default\n", "locales/zh.yaml": "a: b\n" }, parent, "org");
    const other = folder({ "template.yaml": "base: default\n" }, parent, "other");
    const dir = folder({ "template.yaml": "base: ../org\n" }, parent, "tpl");
    const seen: string[] = [];
    let wake: () => void = () => {};
    const w = watchTemplateLayers(dir, (f) => (seen.push(f), wake()));
    const next = (match: string) =>
      new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no change seen for ${match}: ${seen.join(", ")}`)), 5000);
        wake = () => seen.some((f) => f.endsWith(match)) && (clearTimeout(t), resolve());
      });
    try {
      expect(w.folders()).toEqual([dir, org, BUNDLED_TEMPLATES]);
      let change = next(join("org", "locales", "zh.yaml"));
      writeFileSync(join(org, "locales", "zh.yaml"), "a: c\n");
      await change;
      // an editor's save (a new file renamed over the old), twice: both seen
      for (const text of ["a: d\n", "a: e\n"]) {
        seen.length = 0;
        change = next(join("org", "locales", "zh.yaml"));
        writeFileSync(join(org, "locales", "zh.yaml.tmp~"), text);
        renameSync(join(org, "locales", "zh.yaml.tmp~"), join(org, "locales", "zh.yaml"));
        await change;
      }
      // a sub-folder made after the start
      seen.length = 0;
      change = next(join("tpl", "partials", "letter.hbs"));
      mkdirSync(join(dir, "partials"));
      await new Promise((r) => setTimeout(r, 50));
      writeFileSync(join(dir, "partials", "letter.hbs"), "x");
      await change;
      change = next(join("tpl", "template.yaml"));
      writeFileSync(join(dir, "template.yaml"), "base: ../other\n");
      await change;
      expect(w.folders()).toEqual([dir, other, BUNDLED_TEMPLATES]);
    } finally {
      w.close();
    }
  });
});
