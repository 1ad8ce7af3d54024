import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadDataFile, parseData } from "../../src/input/load.js";
import { UndocError } from "../../src/errors.js";
import { errorOf, MINIMAL_YAML } from "../helpers.js";

const EXAMPLE = "examples/arria-belarus-2020.zh.yaml";


const minimal = MINIMAL_YAML;

describe("loadDataFile", () => {
  it("reads the bundled example", () => {
    const { data } = loadDataFile(EXAMPLE);
    expect(data.meta.symbol).toBe("S/2020/905");
    expect(data.letter.paragraphs).toHaveLength(2);
    expect(data.annex?.sections.map((s) => s.heading)).toEqual(["导言", "情况通报", "辩论", "结论", "会议的建议"]);
  });

  it("keeps paragraphs whole: no line breaks from the original print", () => {
    const { data } = loadDataFile(EXAMPLE);
    const all = [...data.letter.paragraphs, ...data.annex!.sections.flatMap((s) => s.content.flatMap((c) => (typeof c === "string" ? [c] : c.bullets)))];
    for (const p of all) expect(p).not.toMatch(/\n/);
  });

  it("accepts JSON as well as YAML", () => {
    const dir = mkdtempSync(join(tmpdir(), "undoc-"));
    const file = join(dir, "doc.json");
    writeFileSync(file, JSON.stringify(parseData(minimal)));
    expect(loadDataFile(file).data.letter.from).toBe("甲");
  });

  it("names the file when it cannot be read", () => {
    const e = errorOf(() => loadDataFile("no/such/file.yaml"));
    expect(e.code).toBe("INPUT_READ");
    expect(e.message).toContain("no/such/file.yaml");
  });
});

describe("schema errors name the field and the line", () => {
  it("a missing field", () => {
    const e = errorOf(() => parseData(minimal.replace("  organ: 安全理事会\n", ""), "doc.yaml"));
    expect(e.code).toBe("INPUT_SCHEMA");
    expect(e.location).toMatchObject({ file: "doc.yaml", line: 2, path: "meta.organ" });
    expect(e.message).toMatch(/^doc\.yaml:2:\d+: missing required field "organ"/);
  });

  it("a wrong type deep in a list", () => {
    const e = errorOf(() => parseData(minimal.replace("    - 第一段。", "    - 第一段。\n    - 42"), "doc.yaml"));
    expect(e.location).toMatchObject({ line: 15, path: "letter.paragraphs[1]" });
    expect(e.message).toContain("expected text");
  });

  it("an unknown field, at the key", () => {
    const e = errorOf(() => parseData(minimal.replace("  to: 乙\n", "  to: 乙\n  cc: 丙\n"), "doc.yaml"));
    expect(e.location).toMatchObject({ line: 13, path: "letter.cc" });
    expect(e.message).toContain('unknown field "cc"');
  });

  it("a bullet list with a typo inside a section", () => {
    const doc = `${minimal}annex:\n  title: 标题\n  sections:\n    - content:\n        - bullet: [a]\n`;
    const e = errorOf(() => parseData(doc, "doc.yaml"));
    expect(e.location.path).toBe("annex.sections[0].content[0].bullet");
    expect(e.location.line).toBe(22);
    expect(e.message).toContain('unknown field "bullet" (did you mean "bullets"?)');
  });

  it("a value of the wrong form", () => {
    const e = errorOf(() => parseData(minimal.replace('"20-11937"', '"2011937"'), "doc.yaml"));
    expect(e.location).toMatchObject({ line: 8, path: "meta.jobNumber" });
    expect(e.message).toContain("wrong form");
  });

  it("a YAML syntax error, with line and column", () => {
    const e = errorOf(() => parseData("meta: [unclosed\n", "bad.yaml"));
    expect(e.code).toBe("INPUT_SYNTAX");
    expect(e.location.file).toBe("bad.yaml");
    expect(e.location.line).toBeGreaterThanOrEqual(1);
  });

  it("an empty file", () => {
    const e = errorOf(() => parseData("", "empty.yaml"));
    expect(e.message).toContain("empty");
  });
});
