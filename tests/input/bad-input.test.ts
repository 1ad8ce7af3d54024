/**
 * The catalogue of bad inputs, at the input stage: each one is refused with an UndocError that
 * names the file, the line (and column) and, for data problems, the field path. The same inputs
 * go through the command line in tests/robustness/catalogue.test.ts.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync } from "fflate";
import { findInData, loadDataFile, MAX_INPUT_BYTES, parseData, validateData } from "../../src/input/load.js";
import { badCharacter, decodeInput, firstInvalidUtf8, isCalendarDate, jsonSyntaxError } from "../../src/input/text.js";
import { UndocError } from "../../src/errors.js";
import { errorOf, MINIMAL_YAML } from "../helpers.js";

const EXAMPLE = "examples/arria-belarus-2020.zh.yaml";


const minimal = MINIMAL_YAML;
const minimalJson = () => JSON.parse(JSON.stringify(parseData(minimal))) as Record<string, unknown>;

function fileWith(name: string, bytes: Uint8Array | string): string {
  const dir = mkdtempSync(join(tmpdir(), "undoc-bad-"));
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

describe("files that are not YAML or JSON text", () => {
  it.each([
    ["a PNG image", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), /PNG image/],
    ["a PDF file", Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "latin1"), /PDF file/],
    ["a DOCX (zip) file", Buffer.from(zipSync({ "word/document.xml": new TextEncoder().encode("<w:document/>") })), /ZIP archive/],
  ])("%s is refused as binary, at line 1", (_, bytes, what) => {
    const file = fileWith("doc.yaml", bytes);
    const e = errorOf(() => loadDataFile(file));
    expect(e.code).toBe("INPUT_SYNTAX");
    expect(e.message).toMatch(what);
    expect(e.message).toMatch(/binary/);
    expect(e.location).toMatchObject({ file, line: 1, column: 1 });
  });

  it("a NUL byte makes the file binary, located at its line and column", () => {
    const file = fileWith("doc.yaml", minimal.replace("第一段。", "第一\0段。"));
    const e = errorOf(() => loadDataFile(file));
    expect(e.code).toBe("INPUT_SYNTAX");
    expect(e.message).toContain("NUL byte");
    expect(e.location).toMatchObject({ file, line: 14, column: 9 });
  });

  it("random bytes are refused, never parsed into a string", () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 251; // deterministic noise with NULs and invalid UTF-8
    const e = errorOf(() => loadDataFile(fileWith("doc.yaml", bytes)));
    expect(e.code).toBe("INPUT_SYNTAX");
    expect(e.message).toMatch(/binary|not UTF-8/);
  });

  it("Latin-1 or GBK text is not UTF-8: the first bad byte is located", () => {
    // Latin-1 cannot hold the Chinese of the minimal document: write a French one
    const text = minimal.replace("organ: 安全理事会", "organ: Conseil de sécurité").replace(/[^\x00-\xff]/g, "x");
    const latin1 = fileWith("doc.yaml", Buffer.from(text, "latin1"));
    const e = errorOf(() => loadDataFile(latin1));
    expect(e.code).toBe("INPUT_SYNTAX");
    expect(e.message).toContain("not UTF-8");
    expect(e.message).toContain("0xE9");
    expect(e.location).toMatchObject({ line: 3, column: 22 });
    const gbk = fileWith("doc.yaml", Buffer.concat([Buffer.from("meta:\n  organ: "), Buffer.from([0xb0, 0xb2, 0xc8, 0xab]), Buffer.from("\n")]));
    expect(errorOf(() => loadDataFile(gbk)).location).toMatchObject({ line: 2, column: 10 });
  });

  it("UTF-16 with a byte order mark is read (Windows editors save it)", () => {
    const text = readFileSync(EXAMPLE, "utf8");
    const le = fileWith("doc.yaml", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    expect(loadDataFile(le).data.meta.symbol).toBe("S/2020/905");
    const be = Buffer.from(text, "utf16le").swap16();
    expect(loadDataFile(fileWith("doc.yaml", Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).data.letter.from).toBe("爱沙尼亚常驻联合国代表");
  });

  it("a UTF-8 byte order mark is allowed", () => {
    expect(loadDataFile(fileWith("doc.yaml", `\ufeff${minimal}`)).data.letter.from).toBe("甲");
  });

  it("a folder is not a file", () => {
    const dir = mkdtempSync(join(tmpdir(), "undoc-bad-"));
    const e = errorOf(() => loadDataFile(dir));
    expect(e.code).toBe("INPUT_READ");
    expect(e.message).toContain("folder");
  });

  it("UTF-8 validation: overlong forms, surrogates and truncated sequences are invalid", () => {
    expect(firstInvalidUtf8(new TextEncoder().encode("中文 abc 😀"))).toBe(-1);
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0xc0, 0xaf]))).toBe(1); // overlong '/'
    expect(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0); // encoded surrogate
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0x62, 0xe4, 0xb8]))).toBe(2); // cut short
    expect(firstInvalidUtf8(Uint8Array.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // past U+10FFFF
    expect(() => decodeInput(Uint8Array.from([0xff, 0xfe, 0x00, 0x00]), "x.yaml")).toThrow(/UTF-32/);
  });
});

describe("syntax errors name the file, line and column", () => {
  it("invalid YAML", () => {
    const e = errorOf(() => parseData("meta:\n  symbol: [S/1\n  organ: x\n", "doc.yaml"));
    expect(e.code).toBe("INPUT_SYNTAX");
    expect(e.message).toMatch(/^doc\.yaml:\d+:\d+: YAML syntax error/);
  });

  it("invalid JSON", () => {
    const e = errorOf(() => parseData('{"meta": {"symbol": }', "doc.json"));
    expect(e.code).toBe("INPUT_SYNTAX");
    expect(e.message).toMatch(/^doc\.json:1:\d+: JSON syntax error/);
  });

  it.each([
    ["a missing value", '{"meta": {"symbol": }}', 1, 21, "expected a value, found '}'"],
    ["a trailing comma", '{\n  "meta": {\n    "symbol": "S/1",\n  }\n}', 4, 3, "a trailing comma before '}'"],
    ["a comment", '{\n  // the symbol\n  "meta": {}\n}', 2, 3, "expected a quoted key, found '/'"],
    ["single quotes", "{'meta': {}}", 1, 2, "expected a quoted key, found '''"],
    ["an unquoted key", "{meta: {}}", 1, 2, "expected a quoted key, found 'm'"],
    ["a raw tab in a string", '{"meta": "a\tb"}', 1, 12, "a control character must be escaped"],
    ["NaN", '{"meta": NaN}', 1, 10, "expected a value, found 'N'"],
    ["a number with a leading zero", '{"meta": 012}', 1, 11, "expected ',' or '}', found '1'"],
    ["text after the data", '{"meta": {}} x', 1, 14, "unexpected 'x' after the end of the data"],
    ["a bad escape", '{"meta": "\\x41"}', 1, 11, "bad escape \\x"],
    ["an unclosed string", '{"meta": "abc', 1, 14, "a string is not closed"],
  ])("strict JSON for .json files: %s", (_, text, line, column, message) => {
    const e = errorOf(() => parseData(text, "doc.json"));
    expect(e.code).toBe("INPUT_SYNTAX");
    expect(e.location).toMatchObject({ file: "doc.json", line, column });
    expect(e.message).toContain(`JSON syntax error: ${message}`);
  });

  it("valid JSON is read as before, whatever its layout", () => {
    const data = parseData(readFileSync(EXAMPLE, "utf8"));
    for (const text of [JSON.stringify(data), JSON.stringify(data, null, 2), JSON.stringify(data, null, "\t"), `\ufeff${JSON.stringify(data)}\r\n`]) {
      expect(parseData(text, "doc.json")).toEqual(data);
    }
    expect(jsonSyntaxError('{"a": [1, -2.5e+3, true, false, null, "\\u00e9\\n"], "b": {}}')).toBeUndefined();
  });

  it("a truncated JSON file", () => {
    const text = JSON.stringify(minimalJson(), null, 2);
    const e = errorOf(() => parseData(text.slice(0, text.length / 2), "doc.json"));
    expect(e.code).toBe("INPUT_SYNTAX");
    expect(e.location.line).toBeGreaterThan(1);
  });

  it("a duplicate key", () => {
    const e = errorOf(() => parseData(minimal.replace("  from: 甲\n", "  from: 甲\n  from: 丙\n"), "doc.yaml"));
    expect(e.code).toBe("INPUT_SYNTAX");
    expect(e.location.line).toBe(12);
  });

  it("two documents in one file", () => {
    const e = errorOf(() => parseData(`${minimal}---\n${minimal}`, "doc.yaml"));
    expect(e.message).toContain("more than one YAML document");
    expect(e.message).not.toContain("parseAllDocuments");
  });

  it("data nested too deeply (YAML and JSON): a located error, not a stack overflow", () => {
    let e = errorOf(() => parseData(`meta: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`, "deep.yaml"));
    expect(e.code).toBe("INPUT_SYNTAX");
    expect(e.message).toContain("nested too deeply");
    expect(e.location.line).toBe(1);
    e = errorOf(() => parseData(`{"meta": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`, "deep.json"));
    expect(e.code).toBe("INPUT_SYNTAX");
    expect(e.message).toContain("nesting too deep");
  });

  it("a file far too large for a document is refused before it is read", () => {
    const file = fileWith("huge.yaml", "");
    truncateSync(file, MAX_INPUT_BYTES + 1); // sparse: nothing is written
    const e = errorOf(() => loadDataFile(file));
    expect(e.code).toBe("INPUT_READ");
    expect(e.message).toContain("up to 64 MB");
  });

  it("an alias bomb (billion laughs) is refused, not expanded", () => {
    const rows = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (const [p, c] of [["a", "b"], ["b", "c"], ["c", "d"], ["d", "e"], ["e", "f"], ["f", "g"]]) {
      rows.push(`${c}: &${c} [${Array(9).fill(`*${p}`).join(", ")}]`);
    }
    const t0 = performance.now();
    const e = errorOf(() => parseData(rows.join("\n") + "\n", "bomb.yaml"));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(e.code).toBe("INPUT_SYNTAX");
    expect(e.message).toContain("aliases");
    expect(e.location).toMatchObject({ file: "bomb.yaml", line: 2 });
  });
});

describe("empty files and wrong shapes", () => {
  it.each([
    ["an empty file", ""],
    ["only white space", "  \n\n\t\n"],
    ["only comments", "# nothing here\n# yet\n"],
    ["an explicit null", "null\n"],
  ])("%s: the file is empty", (_, text) => {
    const e = errorOf(() => parseData(text, "empty.yaml"));
    expect(e.code).toBe("INPUT_SCHEMA");
    expect(e.message).toBe("empty.yaml:1: the file is empty\n  hint: start from examples/ or run `undoc schema`");
  });

  it.each([
    ["a top-level list", "- meta: {}\n- letter: {}\n", "found a list"],
    ["a top-level string", "hello\n", 'found "hello"'],
    ["a top-level number", "42\n", "found number 42"],
    ["a JSON array", "[1, 2]", "found a list"],
  ])("%s: expected a mapping at the document root", (_, text, found) => {
    const e = errorOf(() => parseData(text, "doc.yaml"));
    expect(e.code).toBe("INPUT_SCHEMA");
    expect(e.message).toContain("expected a mapping");
    expect(e.message).toContain(found);
    expect(e.location).toMatchObject({ line: 1, path: "(document root)" });
  });

  it.each([
    ["text where a list is", minimal.replace("titles: [大使]", "titles: 大使"), 16, "letter.signature.titles", 'expected a list (Title lines above the name), found "大使"'],
    ["a number where text is", minimal.replace("from: 甲", "from: 1e3"), 11, "letter.from", "found number 1000"],
    ["a list where text is", minimal.replace("to: 乙", "to: [乙]"), 12, "letter.to", "found a list"],
    ["a mapping where text is", minimal.replace("    - 第一段。", "    - {a: 1}"), 14, "letter.paragraphs[0]", "found a mapping"],
    ["a boolean where text is", minimal.replace("name: 某某", "name: true"), 17, "letter.signature.name", "found boolean true"],
    ["text where true/false is", minimal.replace("name: 某某", "name: 某某\n    signed: maybe"), 18, "letter.signature.signed", 'expected true or false, found "maybe"'],
    ["binary data (!!binary)", minimal.replace("from: 甲", "from: !!binary aGVsbG8="), 11, "letter.from", "found binary data"],
    ["an empty string", minimal.replace("from: 甲", 'from: ""'), 11, "letter.from", "must not be empty"],
    ["an empty list", minimal.replace("    - 第一段。", "    []").replace("paragraphs:\n    []", "paragraphs: []"), 13, "letter.paragraphs", "must not be empty"],
    ["an unknown language", minimal.replace("language: zh", "language: de"), 6, "meta.language", 'expected one of "ar", "zh", "en", "fr", "ru", "es", found "de"'],
    ["a date of the wrong form", minimal.replace("issued: 2020-09-16", "issued: 16/09/2020"), 5, "meta.issued", "wrong form"],
  ])("wrong type: %s", (_, text, line, path, message) => {
    const e = errorOf(() => parseData(text, "doc.yaml"));
    expect(e.code).toBe("INPUT_SCHEMA");
    expect(e.location).toMatchObject({ file: "doc.yaml", line, path });
    expect(e.message).toContain(message);
  });

  it("a date that is not in the calendar", () => {
    const e = errorOf(() => parseData(minimal.replace("date: 2020-09-14", "date: 2020-02-30"), "doc.yaml"));
    expect(e.code).toBe("INPUT_SCHEMA");
    expect(e.location).toMatchObject({ line: 10, column: 9, path: "letter.date" });
    expect(e.message).toContain('"2020-02-30" is not a calendar date');
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2023-02-29")).toBe(false);
    expect(isCalendarDate("2020-13-01")).toBe(false);
  });

  it("missing fields: every missing field is counted, the first is located", () => {
    const e = errorOf(() => parseData("meta:\n  symbol: S/1\nletter: {}\n", "doc.yaml"));
    expect(e.code).toBe("INPUT_SCHEMA");
    expect(e.message).toMatch(/missing required field "\w+".*\(and \d+ more problems\)/);
    expect(e.location.path).toMatch(/^(meta|letter)\./);
  });
});

describe("__proto__ and constructor keys: unknown fields, no pollution", () => {
  const cases: Array<[string, string, string, number | undefined]> = [
    ["__proto__ at the root (YAML)", `${minimal}__proto__:\n  polluted: yes\n`, "__proto__", 18],
    ["__proto__ in a mapping (YAML)", minimal.replace("  to: 乙\n", "  to: 乙\n  __proto__: {polluted: yes}\n"), "letter.__proto__", 13],
    ["constructor.prototype (YAML)", minimal.replace("  organ: 安全理事会\n", "  organ: 安全理事会\n  constructor: {prototype: {polluted: yes}}\n"), "meta.constructor", 4],
    ["__proto__ at the root (JSON)", JSON.stringify({ __proto__: null, ...minimalJson() }).replace(/^\{/, '{"__proto__": {"polluted": "yes"}, '), "__proto__", 1],
    ["__proto__ in a bullet list (JSON)", JSON.stringify({ ...minimalJson(), annex: { title: "t", sections: [{ content: [{ bullets: ["x"] }] }] } }).replace('{"bullets"', '{"__proto__": {"polluted": "yes"}, "bullets"'), "annex.sections[0].content[0].__proto__", 1],
    ["constructor in a section (JSON)", JSON.stringify({ ...minimalJson(), annex: { title: "t", sections: [{ constructor: { prototype: { polluted: "yes" } }, content: ["x"] }] } }), "annex.sections[0].constructor", 1],
  ];
  it.each(cases)("%s", (_, text, path, line) => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const e = errorOf(() => parseData(text, text.startsWith("{") ? "doc.json" : "doc.yaml"));
    expect(e.code).toBe("INPUT_SCHEMA");
    const key = path.split(".").pop()!;
    expect(e.message).toContain(`unknown field "${key}"`);
    expect(e.location).toMatchObject({ path, line });
    // nothing reached Object.prototype
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(Object.prototype.constructor).toBe(Object);
  });

  it("a key named like an Object.prototype member is just an unknown field, with no suggestion from Object's", () => {
    for (const key of ["toString", "hasOwnProperty", "valueOf", "isPrototypeOf"]) {
      const e = errorOf(() => parseData(minimal.replace("  to: 乙\n", `  to: 乙\n  ${key}: x\n`), "doc.yaml"));
      expect(e.location).toMatchObject({ path: `letter.${key}`, line: 13 });
      expect(e.message).toContain(`unknown field "${key}"`);
    }
  });
});

describe("characters no document may hold are refused where they are", () => {
  it.each([
    ["a raw control character (YAML)", minimal.replace("第一段。", "第一\x01段。"), "control character U+0001", 14, 9],
    ["an escaped control character (YAML)", minimal.replace("- 第一段。", '- "第一\\a段。"'), "control character U+0007", 14, 7],
    ["DEL", minimal.replace("第一段。", "第一\x7f段。"), "control character U+007F", 14, 9],
    ["a C1 control (NEL)", minimal.replace("- 第一段。", '- "第一\\N段。"'), "control character U+0085", 14, 7],
    ["an escape (ESC) in the signature", minimal.replace("name: 某某", "name: 某\x1b[31m某"), "control character U+001B", 17, 12],
    ["a lone high surrogate (YAML escape)", minimal.replace("- 第一段。", '- "第一\\uD83D段。"'), "unpaired surrogate U+D83D", 14, 7],
    ["a lone low surrogate (YAML escape)", minimal.replace("from: 甲", 'from: "\\uDE00甲"'), "unpaired surrogate U+DE00", 11, 9],
    ["a noncharacter", minimal.replace("to: 乙", 'to: "乙\\uFFFF"'), "noncharacter U+FFFF", 12, 7],
  ])("%s", (_, text, what, line, column) => {
    const e = errorOf(() => parseData(text, "doc.yaml"));
    expect(e.code).toBe("INPUT_SCHEMA");
    expect(e.message).toContain(`${what}`);
    expect(e.message).toContain("is not allowed in text");
    expect(e.location).toMatchObject({ file: "doc.yaml", line, column });
  });

  it("JSON escapes: a control character and a lone surrogate, with the field path", () => {
    const data = minimalJson() as { letter: { paragraphs: string[]; signature: { name: string } } };
    data.letter.paragraphs = ["ok", "a\u0000b"];
    let e = errorOf(() => parseData(JSON.stringify(data, null, 2), "doc.json"));
    expect(e.message).toContain("control character U+0000");
    expect(e.location.path).toBe("letter.paragraphs[1]");
    expect(e.location.line).toBe(JSON.stringify(data, null, 2).split("\n").findIndex((l) => l.includes("a\\u0000b")) + 1);
    data.letter.paragraphs = ["ok"];
    data.letter.signature.name = "某\ud800";
    e = errorOf(() => parseData(JSON.stringify(data, null, 2), "doc.json"));
    expect(e.message).toContain("unpaired surrogate U+D800");
    expect(e.location.path).toBe("letter.signature.name");
  });

  it("several bad characters: the first is located and the others counted", () => {
    const e = errorOf(() => parseData(minimal.replace("from: 甲", "from: 甲\x02").replace("第一段。", "\x03第一段。"), "doc.yaml"));
    expect(e.location).toMatchObject({ line: 11, path: "letter.from" });
    expect(e.message).toContain("(and 1 more problem)");
  });

  it("tabs, line breaks, bidi marks and other invisible format characters are accepted", () => {
    const data = parseData(
      minimal
        .replace("- 第一段。", '- "第一段，\\tTab\\r\\n新行。名字\\u200F\\u202B阿拉伯文\\u202C\\u2067x\\u2069\\u061C，co\\u00ADoperation，zero\\u200Bwidth\\u2060。"')
        .replace("name: 某某", 'name: "某\\u200E某"'),
      "doc.yaml",
    );
    expect(data.letter.paragraphs[0]).toContain("\u200F\u202B");
    expect(data.letter.signature.name).toBe("某\u200E某");
  });

  it("astral characters are whole characters, not surrogates: accepted here (the font check decides)", () => {
    expect(parseData(minimal.replace("第一段。", "第一段😀。"), "doc.yaml").letter.paragraphs[0]).toBe("第一段😀。");
    expect(badCharacter("😀𠀀")).toBeUndefined();
    expect(badCharacter("a\ud83d")).toMatchObject({ index: 1, codePoint: 0xd83d });
    expect(badCharacter("\udc00")).toMatchObject({ index: 0 });
    expect(badCharacter("\u{10FFFF}")).toMatchObject({ what: "noncharacter U+10FFFF" });
  });
});

describe("locating text in the data (for later stages)", () => {
  it("finds the field, line and column of a character in parsed data", () => {
    const data = parseData(minimal.replace("第一段。", "第一段😀。"), "doc.yaml");
    expect(findInData(data, "😀")).toEqual({ file: "doc.yaml", line: 14, column: 10, path: "letter.paragraphs[0]" });
    expect(findInData(data, "某")).toMatchObject({ line: 17, path: "letter.signature.name" });
    expect(findInData(data, "no such text")).toBeUndefined();
  });

  it("points at the value when the character is written as an escape", () => {
    const data = parseData(minimal.replace("- 第一段。", '- "第一段\\U0001F600。"'), "doc.yaml");
    expect(findInData(data, "😀")).toEqual({ file: "doc.yaml", line: 14, column: 7, path: "letter.paragraphs[0]" });
  });

  it("gives the path only for data that did not come from parseData", () => {
    const data = { ...parseData(minimal) };
    expect(findInData(data, "某")).toEqual({ path: "letter.signature.name" });
  });
});

describe("validateData: data given as an object (the library API)", () => {
  it("passes data from parseData without a second look, and valid objects", () => {
    const data = parseData(minimal);
    expect(validateData(data)).toBe(data);
    const copy = JSON.parse(JSON.stringify(data));
    expect(validateData(copy)).toBe(copy);
  });

  it.each([
    ["a language that names a path", (d: any) => (d.meta.language = "../../../../etc/x"), "meta.language"],
    ["an unknown field", (d: any) => (d.letter.cc = "x"), "letter.cc"],
    ["an own __proto__ key", (d: any) => Object.defineProperty(d.letter, "__proto__", { value: { polluted: 1 }, enumerable: true }), "letter.__proto__"],
    ["a control character", (d: any) => (d.letter.paragraphs = ["a\u0007b"]), "letter.paragraphs[0]"],
    ["a lone surrogate", (d: any) => (d.letter.signature.name = "\ud800"), "letter.signature.name"],
    ["a date not in the calendar", (d: any) => (d.letter.date = "2021-02-29"), "letter.date"],
    ["a number for text", (d: any) => (d.meta.organ = 1), "meta.organ"],
  ])("refuses %s, naming the field", (_, mutate, path) => {
    const d = JSON.parse(JSON.stringify(parseData(minimal)));
    mutate(d);
    const e = errorOf(() => validateData(d, "api"));
    expect(e.code).toBe("INPUT_SCHEMA");
    expect(e.location).toEqual({ file: "api", path });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses nothing at all", () => {
    expect(errorOf(() => validateData(undefined)).message).toContain("no data");
    expect(errorOf(() => validateData([])).location.path).toBe("(document root)");
  });
});
