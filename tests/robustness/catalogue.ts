/**
 * The catalogue of bad, hostile and huge inputs (input -> what it gets), shared by
 * catalogue.test.ts (through the CLI) and tests/conformance/ (qpdf and poppler on the documents
 * that render).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MINIMAL_YAML } from "../helpers.js";

const ROOT = process.cwd();
const EXAMPLE = readFileSync(join(ROOT, "examples", "arria-belarus-2020.zh.yaml"), "utf8");

const minimal = MINIMAL_YAML;
const json = (mutate: (d: Record<string, any>) => void = () => {}) => {
  const d: Record<string, any> = {
    meta: { symbol: "S/2020/905", organ: "安全理事会", distribution: "general", issued: "2020-09-16", language: "zh", original: "en", jobNumber: "20-11937" },
    letter: { date: "2020-09-14", from: "甲", to: "乙", paragraphs: ["第一段。"], signature: { titles: ["大使"], name: "某某" } },
  };
  mutate(d);
  return JSON.stringify(d, null, 2);
};
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

export const LONG = "A".repeat(2000);
const BIDI = "名字\u200F\u202Bxyz\u202C，\u2067abc\u2069，\u200Edef\u200E，\u061C结束。";

export interface Expected {
  code: string;
  line?: number;
  column?: number;
  path?: string;
  message: RegExp;
}
export interface Entry {
  name: string;
  file: string;
  content: string | Uint8Array;
  /** an error, or undefined for a correct document */
  error?: Expected;
  /** the error only once the pipeline calls checkCoverage (src/fonts/coverage.ts) */
  fontCheck?: boolean;
  /** texts the PDF must contain (white space removed) */
  pdfHas?: string[];
}

const nulText = minimal.replace("第一段。", "第一\0段。");
const latin1 = Buffer.from(minimal.replace("organ: 安全理事会", "organ: Conseil de sécurité").replace(/[^\x00-\xff]/g, "x"), "latin1");
const jsonTruncated = json().slice(0, 300);

export const CATALOGUE: Entry[] = [
  { name: "invalid YAML", file: "invalid.yaml", content: "meta:\n  symbol: [S/1\n  organ: x\n", error: { code: "INPUT_SYNTAX", line: 3, message: /YAML syntax error/ } },
  { name: "invalid JSON", file: "invalid-json.json", content: '{"meta": {"symbol": }}\n', error: { code: "INPUT_SYNTAX", line: 1, column: 21, message: /JSON syntax error/ } },
  { name: "truncated JSON", file: "truncated.json", content: jsonTruncated, error: { code: "INPUT_SYNTAX", message: /JSON syntax error/ } },
  { name: "binary file (a PNG)", file: "image.yaml", content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), error: { code: "INPUT_SYNTAX", line: 1, column: 1, message: /binary \(it looks like a PNG image\)/ } },
  { name: "binary file (a NUL byte)", file: "nul.yaml", content: nulText, error: { code: "INPUT_SYNTAX", line: 14, column: 9, message: /binary \(it holds a NUL byte\)/ } },
  { name: "not UTF-8 (Latin-1)", file: "latin1.yaml", content: latin1, error: { code: "INPUT_SYNTAX", line: 3, column: 22, message: /not UTF-8 text: byte 0xE9/ } },
  { name: "empty file", file: "empty.yaml", content: "", error: { code: "INPUT_SCHEMA", line: 1, message: /the file is empty/ } },
  { name: "top-level list", file: "list.yaml", content: "- meta: {}\n- letter: {}\n", error: { code: "INPUT_SCHEMA", line: 1, path: "(document root)", message: /expected a mapping .*found a list/ } },
  { name: "wrong type", file: "wrong-type.yaml", content: minimal.replace("organ: 安全理事会", "organ: 42"), error: { code: "INPUT_SCHEMA", line: 3, column: 10, path: "meta.organ", message: /expected text .*found number 42/ } },
  { name: "missing field", file: "missing.yaml", content: minimal.replace("  to: 乙\n", ""), error: { code: "INPUT_SCHEMA", line: 10, path: "letter.to", message: /missing required field "to"/ } },
  { name: "unknown field", file: "unknown.yaml", content: minimal.replace("  to: 乙\n", "  to: 乙\n  cc: 丙\n"), error: { code: "INPUT_SCHEMA", line: 13, path: "letter.cc", message: /unknown field "cc"/ } },
  { name: "__proto__ key (YAML)", file: "proto.yaml", content: minimal.replace("  to: 乙\n", "  to: 乙\n  __proto__:\n    polluted: yes\n"), error: { code: "INPUT_SCHEMA", line: 13, path: "letter.__proto__", message: /unknown field "__proto__"/ } },
  { name: "__proto__ key (JSON)", file: "proto-json.json", content: json().replace('"meta": {', '"__proto__": {"polluted": "yes"},\n  "meta": {'), error: { code: "INPUT_SCHEMA", line: 2, path: "__proto__", message: /unknown field "__proto__"/ } },
  { name: "constructor key", file: "constructor.yaml", content: minimal.replace("  organ: 安全理事会\n", "  organ: 安全理事会\n  constructor:\n    prototype: {polluted: yes}\n"), error: { code: "INPUT_SCHEMA", line: 4, path: "meta.constructor", message: /unknown field "constructor"/ } },
  { name: "control character (raw BEL)", file: "control.yaml", content: minimal.replace("第一段。", "第一\x07段。"), error: { code: "INPUT_SCHEMA", line: 14, column: 9, path: "letter.paragraphs[0]", message: /control character U\+0007 is not allowed in text/ } },
  { name: "control character (JSON escape ESC)", file: "control-json.json", content: json((d) => (d.letter.signature.name = "某\u001b[31m某")), error: { code: "INPUT_SCHEMA", line: lineOf(json((d) => (d.letter.signature.name = "某\u001b[31m某")), "\\u001b"), path: "letter.signature.name", message: /control character U\+001B/ } },
  { name: "unpaired surrogate (JSON escape)", file: "surrogate-json.json", content: json((d) => (d.letter.from = "甲\ud800")), error: { code: "INPUT_SCHEMA", line: lineOf(json(), '"from"'), path: "letter.from", message: /unpaired surrogate U\+D800/ } },
  { name: "unpaired surrogate (YAML escape)", file: "surrogate.yaml", content: minimal.replace("- 第一段。", '- "第一段\\uDC00。"'), error: { code: "INPUT_SCHEMA", line: 14, path: "letter.paragraphs[0]", message: /unpaired surrogate U\+DC00/ } },
  { name: "date not in the calendar", file: "date.yaml", content: minimal.replace("issued: 2020-09-16", "issued: 2020-02-30"), error: { code: "INPUT_SCHEMA", line: 5, path: "meta.issued", message: /"2020-02-30" is not a calendar date/ } },
  {
    name: "alias bomb (billion laughs)",
    file: "bomb.yaml",
    content: `${minimal}x: &a [l, l, l, l, l, l, l, l, l]\ny: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nz: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nw: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`,
    error: { code: "INPUT_SYNTAX", line: 19, message: /aliases/ },
  },
  { name: "character no font has (emoji)", file: "emoji.yaml", content: minimal.replace("第一段。", "第一段😀。"), fontCheck: true, error: { code: "FONT", line: 14, column: 10, path: "letter.paragraphs[0]", message: /U\+1F600 "😀"/ } },
  { name: "right-to-left letters (Hebrew)", file: "hebrew.yaml", content: minimal.replace("name: 某某", "name: שלום"), fontCheck: true, error: { code: "FONT", line: 17, message: /right-to-left/ } },
  // correct documents
  { name: "the bundled example", file: "example.zh.yaml", content: EXAMPLE, pdfHas: ["谨随函转递2020年9月4日举行的"] },
  { name: "UTF-16 with a byte order mark", file: "utf16.yaml", content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(minimal.replace("第一段。", "UTF-16第一段。"), "utf16le")]), pdfHas: ["UTF-16第一段。"] },
  { name: "bidi control marks", file: "bidi.yaml", content: minimal.replace("- 第一段。", `- ${JSON.stringify(BIDI)}`), pdfHas: ["名字xyz，abc，def，结束。"] },
  { name: "unbreakable 2,000-letter string", file: "long.yaml", content: minimal.replace("第一段。", `开头${LONG}结尾。`), pdfHas: [`开头${LONG}结尾。`] },
  { name: "no-break, ideographic and other spaces, CRLF", file: "spaces.yaml", content: minimal.replace("第一段。", '"10\\u00A0000 件；\\u3000全角空格；\\ttab。"').replace(/\n/g, "\r\n"), pdfHas: ["10000件；全角空格；tab。"] },
  { name: "characters only the other face has (① ★)", file: "fallback.yaml", content: minimal.replace("第一段。", "第①条和第②条★。Article ① applies."), pdfHas: ["第①条和第②条★。Article①applies."] },
  { name: "markup and template syntax in the data", file: "inject.yaml", content: minimal.replace("- 第一段。", `- '</p><page-break/><b>x</b> &amp; {{meta.symbol}} <!-- c -->'`), pdfHas: ["</p><page-break/><b>x</b>&amp;{{meta.symbol}}<!--c-->"] },
];

/** A document with 2,000-letter strings in every field that is set as one block (title, heading, signature). */
export const LONG_FIELDS = `${minimal.replace("from: 甲", `from: 甲${LONG}`).replace("name: 某某", `name: 某${LONG}`).replace("titles: [大使]", `titles: [${Array.from({ length: 60 }, (_, i) => `衔${i}`).join(", ")}]`)}annex:\n  title: 附件${LONG}\n  sections:\n    - heading: 标题${LONG}\n      content:\n        - 正文。\n`;

