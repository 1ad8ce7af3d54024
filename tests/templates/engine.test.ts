import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadDataFile } from "../../src/input/load.js";
import { invalidateTemplates, loadTemplateSet } from "../../src/templates/engine.js";
import { buildModel, DEFAULT_TEMPLATES } from "../../src/render/pipeline.js";
import { formatDate } from "../../src/templates/helpers.js";
import { UndocError } from "../../src/errors.js";
import { plainText } from "../../src/model/types.js";
import { errorOf } from "../helpers.js";

const { data } = loadDataFile("examples/arria-belarus-2020.zh.yaml");

function copyTemplates(): string {
  const dir = mkdtempSync(join(tmpdir(), "undoc-tpl-"));
  cpSync(DEFAULT_TEMPLATES, dir, { recursive: true });
  invalidateTemplates();
  return dir;
}


describe("templates", () => {
  it("render the example into the model: letter, signature, annex from a new page", () => {
    const doc = buildModel(data);
    const types = doc.body.map((b) => b.type);
    expect(types.slice(0, 4)).toEqual(["heading", "paragraph", "paragraph", "signature"]);
    expect(types[4]).toBe("pageBreak");
    expect(types[types.length - 1]).toBe("endRule");
    const title = doc.body[0];
    expect(title.type === "heading" && plainText(title.children)).toBe("2020年9月14日爱沙尼亚常驻联合国代表给安全理事会主席的信");
    const annexHeading = doc.body[5];
    expect(annexHeading.type === "heading" && plainText(annexHeading.children)).toBe("2020年9月14日爱沙尼亚常驻联合国代表给安全理事会主席的信的附件");
    const sig = doc.body[3];
    expect(sig.type === "signature" && sig.lines.map(plainText)).toEqual(["常驻代表", "大使", "斯文·于尔根松(签名)"]);
    expect(doc.firstPageFooter).toMatchObject({ jobLabel: "20-11937 (C)", barcode: "2011937", qr: "https://undocs.org/zh/S/2020/905" });
    expect(doc.masthead.distribution).toEqual(["Distr.: General", "16 September 2020", "Chinese", "Original: English"]);
  });

  it("escape data: a value cannot inject markup", () => {
    const evil = structuredClone(data);
    evil.letter.paragraphs[0] = `</p><page-break/><p>"injected" & <b>bold</b>`;
    const doc = buildModel(evil);
    const p = doc.body[1];
    expect(p.type).toBe("paragraph");
    expect(p.type === "paragraph" && plainText(p.children)).toBe(`</p><page-break/><p>"injected" & <b>bold</b>`);
    expect(doc.body.filter((b) => b.type === "pageBreak")).toHaveLength(1);
  });

  it("take fixed wording from the locale strings", () => {
    const dir = copyTemplates();
    const file = join(dir, "locales", "zh.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace('signed: "(签名)"', 'signed: "（签字）"'));
    const doc = buildModel(data, dir);
    const sig = doc.body[3];
    expect(sig.type === "signature" && plainText(sig.lines[2])).toBe("斯文·于尔根松（签字）");
  });

  it("report a field the data lacks (strict mode), with the template file and line", () => {
    const dir = copyTemplates();
    writeFileSync(join(dir, "partials", "letter.hbs"), readFileSync(join(dir, "partials", "letter.hbs"), "utf8").replace("<title>", "<title>{{letter.subtitle}}"));
    const e = errorOf(() => loadTemplateSet(dir).render(data));
    expect(e.code).toBe("TEMPLATE");
    expect(e.message).toContain('"subtitle"');
    expect(e.location.file).toBe(join(dir, "partials", "letter.hbs"));
    expect(e.location.line).toBe(1);
  });

  it("report template syntax errors with the file and line", () => {
    const dir = copyTemplates();
    writeFileSync(join(dir, "partials", "annex.hbs"), "<title>\n{{#if annex}}\n</title>\n");
    const e = errorOf(() => loadTemplateSet(dir));
    expect(e.message).toContain("syntax error");
    expect(e.location.file).toBe(join(dir, "partials", "annex.hbs"));
  });

  it("report unknown helpers and partials as such", () => {
    const dir = copyTemplates();
    writeFileSync(join(dir, "partials", "letter.hbs"), "<title>\n{{shout letter.from}}</title>");
    const helper = errorOf(() => loadTemplateSet(dir));
    expect(helper.message).toContain('unknown helper "shout"');
    expect(helper.location).toMatchObject({ file: join(dir, "partials", "letter.hbs"), line: 2 });
    const dir2 = copyTemplates();
    writeFileSync(join(dir2, "partials", "letter.hbs"), "<title/>\n  {{> nowhere}}");
    const partial = errorOf(() => loadTemplateSet(dir2));
    expect(partial.message).toContain('unknown partial "nowhere"');
    expect(partial.location).toMatchObject({ file: join(dir2, "partials", "letter.hbs"), line: 2, column: 3 });
  });

  it("report a missing locale string by key and file (in a complete set: base: none)", () => {
    const dir = copyTemplates();
    writeFileSync(join(dir, "template.yaml"), "base: none\n");
    const file = join(dir, "locales", "zh.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^ {2}signed: .*$/m, ""));
    const e = errorOf(() => loadTemplateSet(dir).render(data));
    expect(e.message).toContain('locale string "letter.signed" is missing');
    expect(e.location.file).toBe(file);
  });
});

describe("date helper", () => {
  it("formats dates per language", () => {
    expect(formatDate("2020-09-14", "zh")).toBe("2020年9月14日");
    expect(formatDate("2020-09-14", "en")).toBe("14 September 2020");
    expect(formatDate("2020-09-14", "fr")).toBe("14 septembre 2020");
    expect(formatDate("2020-09-14", "es")).toBe("14 de septiembre de 2020");
    expect(formatDate("2020-09-14", "ru")).toBe("14 сентября 2020 года");
    expect(formatDate("2020-09-01", "fr")).toBe("1er septembre 2020");
    expect(formatDate("2021-02-03", "es")).toBe("3 de febrero de 2021");
    expect(formatDate("2020-09-14", "ar")).toContain("2020");
    expect(() => formatDate("2020-02-30", "en")).toThrow(/not a calendar date/);
  });
});

describe("template folder boundary", () => {
  it("refuses a partial that is a link to a file outside the folder", async () => {
    const { symlinkSync, rmSync } = await import("node:fs");
    const dir = copyTemplates();
    const secret = join(mkdtempSync(join(tmpdir(), "undoc-secret-")), "secret.hbs");
    writeFileSync(secret, "<title>TOP SECRET</title>");
    rmSync(join(dir, "partials", "letter.hbs"));
    symlinkSync(secret, join(dir, "partials", "letter.hbs"));
    const e = errorOf(() => loadTemplateSet(dir));
    expect(e.message).toContain("points outside the template folder");
  });
});

describe("template syntax errors", () => {
  it("a block closed by the wrong name: the closing tag's line and column", () => {
    const dir = copyTemplates();
    const file = join(dir, "partials", "letter.hbs");
    writeFileSync(file, "<title>{{> letter-title}}</title>\n{{#each letter.paragraphs}}\n  {{/if}}\n");
    const e = errorOf(() => loadTemplateSet(dir));
    expect(e.message).toContain("{{/if}} closes the {{#each}} opened on line 2");
    expect(e.location).toMatchObject({ file, line: 3, column: 3 });
  });
});
