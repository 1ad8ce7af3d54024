/**
 * Nothing leaked: data cannot make a template or a writer read a local file or fetch a URL,
 * template and partial names cannot leave the template folder, and Handlebars gives no access
 * to prototypes. A local HTTP server counts every request the renders make (there must be none).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { UndocError } from "../../src/errors.js";
import { face } from "../../src/fonts/registry.js";
import { parseData } from "../../src/input/load.js";
import { buildModel, DEFAULT_TEMPLATES, renderData } from "../../src/render/pipeline.js";
import { invalidateTemplates } from "../../src/templates/engine.js";
import { lookupString } from "../../src/templates/locale.js";
import { pdfFamily, pdfFonts, pdfmakeRuntime } from "../../src/writers/pdf/pdfmake-runtime.js";
import { MINIMAL_YAML } from "../helpers.js";

let server: Server;
let requests: string[] = [];
let base = "";
const dir = mkdtempSync(join(tmpdir(), "undoc-leaks-"));
const SECRET = "SECRET-4b1d7f";
const secretFile = join(dir, "secret.txt");
const secretPng = join(dir, "secret.png");
// a 1x1 PNG: if a writer embedded it, the PDF would hold an image
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC", "base64");

beforeAll(async () => {
  writeFileSync(secretFile, `${SECRET}\n`);
  writeFileSync(secretPng, PNG);
  server = createServer((req, res) => {
    requests.push(req.url ?? "");
    res.setHeader("content-type", "image/png");
    res.end(PNG);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const minimal = MINIMAL_YAML;

describe("pdfmake's access policies refuse every URL and local file", () => {
  const tryPdf = async (definition: Record<string, unknown>, fonts: Record<string, Record<string, string>> = pdfFonts()): Promise<Uint8Array | Error> => {
    const pdfmake = pdfmakeRuntime();
    const family = pdfFamily(face("latin"));
    pdfmake.setFonts(fonts);
    try {
      return new Uint8Array(await pdfmake.createPdf({ defaultStyle: { font: family }, ...definition }).getBuffer());
    } catch (e) {
      return e as Error;
    } finally {
      pdfmake.setFonts(pdfFonts());
    }
  };

  it.each([
    ["an image by local path", () => ({ content: [{ image: secretPng }] })],
    ["an image by file: URL", () => ({ content: [{ image: `file://${secretPng}` }] })],
    ["an image by http: URL", () => ({ content: [{ image: `${base}/inline.png` }] })],
    ["an image in the images dictionary", () => ({ images: { a: `${base}/dict.png` }, content: [{ image: "a" }] })],
    ["an image with url and headers", () => ({ images: { a: { url: `${base}/headers.png`, headers: { x: "1" } } }, content: [{ image: "a" }] })],
    ["an attached local file", () => ({ files: { a: { src: secretFile } }, content: ["x"] })],
    ["an attachment node", () => ({ content: [{ attachment: { src: secretFile } }] })],
  ])("%s", async (_, definition) => {
    requests = [];
    const r = await tryPdf(definition());
    expect(r).toBeInstanceOf(Error);
    expect((r as Error).message).toMatch(/denied by resource access policy|No attachment/);
    expect(requests).toEqual([]);
  });

  it.each([
    ["a font by local path", () => ({ evil: { normal: join(process.cwd(), "fonts", "LiberationSerif-Bold.ttf") } })],
    ["a font by URL", () => ({ evil: { normal: `${base}/font.ttf` } })],
  ])("%s", async (_, fonts) => {
    requests = [];
    const r = await tryPdf({ content: [{ text: "x", font: "evil" }] }, { ...pdfFonts(), ...fonts() });
    expect(r).toBeInstanceOf(Error);
    expect((r as Error).message).toMatch(/denied by resource access policy/);
    expect(requests).toEqual([]);
  });
});

describe("data that names files and URLs is only text", () => {
  const hostile = () =>
    parseData(
      minimal
        .replace("organ: 安全理事会", `organ: "${base}/organ.png"`)
        .replace("from: 甲", `from: "file://${secretFile}"`)
        .replace("to: 乙", `to: "${secretFile}"`)
        .replace("- 第一段。", `- "![x](${base}/md.png) <img src='${base}/img.png'> {{> ../../../${secretFile}}} \\\\\\\\127.0.0.1\\\\share"`)
        .replace("name: 某某", `name: "${secretPng}"`) + `$schema: "${base}/schema.json"\n`,
      "hostile.yaml",
    );

  it("renders the paths and URLs as text: no request, no image, no attachment, no secret", async () => {
    requests = [];
    const r = await renderData(hostile());
    expect(requests).toEqual([]);
    const pdf = Buffer.from(r.pdf!);
    expect(pdf.includes("/Subtype /Image")).toBe(false);
    expect(pdf.includes("/EmbeddedFile")).toBe(false);
    expect(pdf.includes(SECRET)).toBe(false);
    const files = unzipSync(r.docx!);
    for (const [name, bytes] of Object.entries(files)) {
      const text = new TextDecoder().decode(bytes);
      expect(text, name).not.toContain(SECRET);
      if (name.endsWith(".rels")) {
        // the only external targets a DOCX may have are hyperlinks (Word does not fetch them); never images, frames or templates
        for (const m of text.matchAll(/<Relationship [^>]*TargetMode="External"[^>]*>/g)) expect(m[0]).toMatch(/relationships\/hyperlink"/);
      }
    }
    // the DOCX's images are the writer's own marks, none of them the secret PNG
    for (const [name, bytes] of Object.entries(files)) if (name.startsWith("word/media/")) expect(Buffer.from(bytes).equals(PNG)).toBe(false);
    // and the text is in the document as typed
    expect(r.model.masthead.organ).toBe(`${base}/organ.png`);
  });
});

describe("templates: names stay in the template folder, no prototype access", () => {
  function templatesWith(files: Record<string, string>): string {
    const t = mkdtempSync(join(tmpdir(), "undoc-leaky-templates-"));
    cpSync(DEFAULT_TEMPLATES, t, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(t, name), text);
    invalidateTemplates();
    return t;
  }
  const templateError = (templates: string, data = parseData(minimal)): UndocError => {
    try {
      buildModel(data, templates);
    } catch (e) {
      if (e instanceof UndocError) return e;
      throw e;
    }
    throw new Error("expected a TEMPLATE error");
  };
  const documentWith = (inner: string) =>
    readFileSync(join(DEFAULT_TEMPLATES, "document.hbs"), "utf8").replace("{{> letter}}", `{{> letter}}\n<p>${inner}</p>`);

  it("a partial named by a path outside the folder is an unknown partial", () => {
    const e = templateError(templatesWith({ "document.hbs": documentWith(`{{> ../../../..${secretFile}}}`) }));
    expect(e.code).toBe("TEMPLATE");
    expect(e.message).not.toContain(SECRET);
  });

  it("a partial named by the data (a dynamic partial) cannot reach a file", () => {
    const templates = templatesWith({ "document.hbs": documentWith("{{> (concat meta.organ) }}") });
    for (const organ of [`../../../..${secretFile}`, secretFile, `file://${secretFile}`, "letter/../../secret", "__proto__", "constructor"]) {
      const data = parseData(minimal.replace("organ: 安全理事会", `organ: "${organ}"`));
      const e = templateError(templates, data);
      expect(e.code).toBe("TEMPLATE");
      expect(e.message).toMatch(/unknown partial|could not be found/);
      expect(e.message).not.toContain(SECRET);
    }
  });

  it.each([
    ["{{meta.constructor}}"],
    ["{{meta.constructor.name}}"],
    ["{{meta.__proto__}}"],
    ["{{lookup meta 'constructor'}}"],
    ["{{#with meta.__proto__}}{{toString}}{{/with}}"],
    ["{{#each meta.constructor}}x{{/each}}"],
    ["{{meta.__defineGetter__}}"],
  ])("no prototype access: %s", (expr) => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    let text = "";
    try {
      const model = buildModel(parseData(minimal), templatesWith({ "document.hbs": documentWith(expr) }));
      text = JSON.stringify(model);
    } catch (e) {
      expect(e).toBeInstanceOf(UndocError);
      expect((e as UndocError).code).toBe("TEMPLATE");
      text = (e as Error).message;
    }
    expect(text).not.toMatch(/function|native code|\[object/);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });

  it("locale keys are looked up as own properties only", () => {
    const locale = { letter: { signed: "(签名)" } };
    for (const key of ["constructor", "__proto__", "letter.constructor", "toString", "letter.signed.length"]) {
      expect(() => lookupString(locale, key, {}, "zh.yaml")).toThrow(/is missing/);
    }
    expect(() => lookupString({ a: "{constructor}" }, "a", {}, "zh.yaml")).toThrow(/passes no constructor=/);
  });

  it("data is escaped: markup in a value cannot add elements", () => {
    const model = buildModel(parseData(minimal.replace("- 第一段。", `- '</p><page-break/><p>x</p><!-- <b>bold</b> &amp;'`)));
    expect(model.body.filter((b) => b.type === "pageBreak")).toHaveLength(0);
    const para = model.body.find((b) => b.type === "paragraph");
    expect(para).toEqual({ type: "paragraph", children: [{ type: "text", value: "</p><page-break/><p>x</p><!-- <b>bold</b> &amp;" }] });
  });
});

describe("unchecked data through the library API (needs validateData in buildModel)", () => {
  it("a language that names a path is refused before any template file is looked up", () => {
    const data = JSON.parse(JSON.stringify(parseData(minimal)));
    data.meta.language = "../../../../tmp/whatever";
    let error: unknown;
    try {
      buildModel(data);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UndocError);
    expect((error as UndocError).code).toBe("INPUT_SCHEMA");
    expect((error as UndocError).location.path).toBe("meta.language");
  });
});
