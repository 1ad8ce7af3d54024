/**
 * The customisation path as a new user meets it (issue 18, items 5 to 7 and 14): a copy of the
 * templates (undoc init), one mistake in a locale file, the style or a template, then `undoc
 * render` as in the README. Each mistake gets exit 1 with one located error (the file, the line
 * where it is known, what is wrong), never exit 3 or a stack trace, and nothing is written.
 */
import { describe, expect, it } from "vitest";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_TEMPLATES } from "../../src/render/pipeline.js";
import { EXAMPLE, tmp, undoc } from "../cli/run.js";
import { MINIMAL_YAML } from "../helpers.js";

interface Case {
  name: string;
  /** changes the copied template folder */
  change: (tpl: string) => void;
  /** the data rendered (default: the minimal letter) */
  data?: string;
  code: string;
  /** the file the error names, relative to the template folder */
  file: string;
  /** the line it names, found as the first line of `file` holding this text after the change */
  lineOf?: string;
  message: RegExp;
}

const edit = (tpl: string, file: string, from: string | RegExp, to: string) => {
  const path = join(tpl, file);
  const text = readFileSync(path, "utf8");
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`${file} has no ${from}`);
  writeFileSync(path, changed);
};
const append = (tpl: string, file: string, text: string) => writeFileSync(join(tpl, file), readFileSync(join(tpl, file), "utf8") + text);
const EXAMPLE_DATA = readFileSync(EXAMPLE, "utf8");
const STYLE = "style.yaml";
const ZH = "locales/zh.yaml";

const CASES: Case[] = [
  // 5. locale files: parsed like data
  { name: "the README's worked example with the closing quote missing", change: (t) => edit(t, ZH, 'signed: "(签名)"', 'signed: "(签字)'), code: "TEMPLATE", file: ZH, message: /YAML syntax error: Missing closing "quote/ },
  { name: "a tab as indentation in a locale file", change: (t) => append(t, ZH, "letter2:\n\tsigned: x\n"), code: "TEMPLATE", file: ZH, lineOf: "\tsigned: x", message: /YAML syntax error: Tabs are not allowed/ },
  { name: "a duplicate key in a locale file", change: (t) => append(t, ZH, "masthead: {}\n"), code: "TEMPLATE", file: ZH, lineOf: "masthead: {}", message: /Map keys must be unique: "masthead" appears twice/ },
  { name: "an alias bomb in a locale file", change: (t) => append(t, ZH, `a: &a "lol"\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n`), code: "TEMPLATE", file: ZH, lineOf: "b: &b", message: /must be text|is an alias/ },
  { name: "a control character in a locale string", change: (t) => edit(t, ZH, 'signed: "(签名)"', 'signed: "(签\\a名)"'), code: "TEMPLATE", file: ZH, lineOf: "signed:", message: /control character U\+0007 is not allowed in "letter.signed"/ },
  // 6. style values the schema accepts but the page cannot hold
  { name: "qrSize: 0", change: (t) => edit(t, STYLE, "qrSize: 48", "qrSize: 0"), code: "STYLE", file: STYLE, lineOf: "qrSize: 0", message: /QR code of 0 pt cannot be scanned.* at firstPageFooter\.qrSize/ },
  { name: "barcodeNarrow: 0", change: (t) => edit(t, STYLE, "barcodeNarrow: 0.9", "barcodeNarrow: 0"), code: "STYLE", file: STYLE, lineOf: "barcodeNarrow: 0", message: /narrow bar of 0 pt cannot be scanned/ },
  { name: "emblemSize: 2000", change: (t) => edit(t, STYLE, "emblemSize: 34", "emblemSize: 2000"), code: "STYLE", file: STYLE, lineOf: "emblemSize: 2000", message: /emblem \(2000 pt\) is wider than half the text block/ },
  { name: "margins wider than the page", change: (t) => edit(t, STYLE, "left: 96, right: 96", "left: 400, right: 400"), code: "STYLE", file: STYLE, lineOf: "left: 400", message: /margins leave -188 pt across the page/ },
  { name: "size: 2000 (no body text would fit)", change: (t) => edit(t, STYLE, "  size: 12\n", "  size: 2000\n"), code: "STYLE", file: STYLE, lineOf: "size: 2000", message: /text size of 2000 pt .* at text\.size/ },
  { name: "size: 0 (invisible text)", change: (t) => edit(t, STYLE, "  size: 12\n", "  size: 0\n"), code: "STYLE", file: STYLE, lineOf: "size: 0", message: /text size of 0 pt/ },
  { name: "leftIndentEm: -20 (text off the page)", change: (t) => edit(t, STYLE, "body:      {", "body:      { leftIndentEm: -20,"), code: "STYLE", file: STYLE, lineOf: "leftIndentEm: -20", message: /leftIndentEm is negative.* at paragraphs\.body\.leftIndentEm/ },
  { name: "an unknown face name", change: (t) => edit(t, STYLE, "cjk: serif-sc", "cjk: serif-xx"), code: "STYLE", file: STYLE, lineOf: "serif-xx", message: /no font face "serif-xx" in fonts\/manifest\.json .* at fonts\.regular\.cjk/ },
  { name: "a YAML error in a language's style override", change: (t) => append(t, "style.en.yaml", "text: [\n"), data: MINIMAL_YAML.replace("language: zh", "language: en"), code: "STYLE", file: "style.en.yaml", message: /YAML syntax error/ },
  // the bullet: a locale string, checked like data (characters, fonts) wherever it is used
  { name: "an emoji bullet (no font has it)", change: (t) => edit(t, ZH, 'bullet: "•"', 'bullet: "😀"'), code: "FONT", file: ZH, lineOf: "bullet:", message: /U\+1F600 "😀"/ },
  { name: "an emoji bullet in a document with bullets", change: (t) => edit(t, ZH, 'bullet: "•"', 'bullet: "😀"'), data: EXAMPLE_DATA, code: "FONT", file: ZH, lineOf: "bullet:", message: /U\+1F600 "😀"/ },
  { name: "a control character as the bullet", change: (t) => edit(t, ZH, 'bullet: "•"', 'bullet: "\\x1b"'), code: "TEMPLATE", file: ZH, lineOf: "bullet:", message: /control character U\+001B is not allowed in "numbering\.bullet"/ },
  // 7. template folders
  { name: "a folder named like a partial", change: (t) => mkdirSync(join(t, "partials", "x.hbs")), code: "TEMPLATE", file: "partials/x.hbs", message: /this is not a regular file|it is a folder/ },
  { name: "a dangling symbolic link as a partial", change: (t) => symlinkSync(join(t, "nowhere.hbs"), join(t, "partials", "y.hbs")), code: "TEMPLATE", file: "partials/y.hbs", message: /it is a link to nothing/ },
  { name: "a partial that includes itself", change: (t) => (writeFileSync(join(t, "partials", "loop.hbs"), "x{{> loop}}\n"), edit(t, "document.hbs", "{{> letter}}", "{{> letter}}{{> loop}}")), code: "TEMPLATE", file: "partials/loop.hbs", lineOf: "{{> loop}}", message: /partial "loop" includes itself more than 200 levels deep/ },
  { name: "6,000 nested <b>", change: (t) => edit(t, "document.hbs", "{{> letter}}", `{{> letter}}<p>${"<b>".repeat(6000)}x${"</b>".repeat(6000)}</p>`), code: "MARKUP", file: "document.hbs", lineOf: "<b><b>", message: /inline elements nest more than 32 deep/ },
  { name: "a partial that is not UTF-8", change: (t) => writeFileSync(join(t, "partials", "letter.hbs"), Buffer.concat([readFileSync(join(t, "partials", "letter.hbs")), Buffer.from([0xe9, 0x0a])])), code: "TEMPLATE", file: "partials/letter.hbs", message: /not UTF-8 text: byte 0xE9/ },
  { name: "{{log}} (would write to stdout)", change: (t) => edit(t, "document.hbs", "{{> letter}}", '{{> letter}}{{log "hi"}}'), code: "TEMPLATE", file: "document.hbs", lineOf: "{{log", message: /unknown helper "log"/ },
  { name: "a locale file that is a device", change: (t) => (rmSync(join(t, ZH)), symlinkSync("/dev/zero", join(t, ZH))), code: "TEMPLATE", file: ZH, message: /outside the template folder|not a regular file/ },
  // 14. languages: the message names those that exist
  { name: "a language the templates have no strings for", change: (t) => (writeFileSync(join(t, "template.yaml"), "base: none\n"), rmSync(join(t, "locales", "ar.yaml"))), data: MINIMAL_YAML.replace("language: zh", "language: ar"), code: "TEMPLATE", file: "", message: /no locale strings for language "ar" \(they have: en, es, fr, ru, zh\)/ },
];

const lineIn = (file: string, needle: string) => readFileSync(file).toString("utf8").split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("a mistake in the templates, locale strings or style: exit 1, one located error, nothing written", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const dir = tmp("undoc-custom-");
      const tpl = join(dir, "my-templates");
      cpSync(DEFAULT_TEMPLATES, tpl, { recursive: true });
      c.change(tpl);
      const input = join(dir, "doc.zh.yaml");
      writeFileSync(input, c.data ?? MINIMAL_YAML);
      const out = join(dir, "out");
      const r = undoc(["render", input, "--templates", tpl, "--out", out, "--json"]);
      const report = JSON.parse(r.out);
      const error = report.results[0].error;
      expect(r.code, r.err).toBe(1);
      expect(error.code).toBe(c.code);
      expect(error.message).toMatch(c.message);
      if (c.file) {
        expect(error.file).toBe(join(tpl, c.file));
        expect(error.message.startsWith(`${join(tpl, c.file)}:`)).toBe(true);
      } else expect(error.file).toBe(input); // at the data's line
      if (c.lineOf) expect(error.line).toBe(lineIn(join(tpl, c.file), c.lineOf));
      expect(r.err).not.toMatch(/internal error|\n\s+at /);
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    });
  }
});

describe("undoc init onto something that is not a folder", () => {
  it.each([
    ["a file", (d: string) => (writeFileSync(join(d, "afile"), "x"), join(d, "afile")), /exists and is not a folder \(it is a file\)/],
    ["/dev/null", () => "/dev/null", /exists and is not a folder \(it is a device, a pipe or a socket\)/],
  ])("%s: exit 2, one line saying what is in the way", (_, target, message) => {
    const dir = tmp("undoc-init-");
    const r = undoc(["init", target(dir)]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/internal error|\n\s+at /);
  });
});
