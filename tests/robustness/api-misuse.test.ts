/**
 * The library API used wrongly (issue 18, item 12), as a new user of `import { render } from
 * "undoc"` would: each mistake is an UndocError (USAGE, or INPUT_SCHEMA for data) whose message
 * says what was expected, never a TypeError from inside a writer and never a silent empty result.
 */
import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { buildModel, isUndocError, parseData, render, renderData, renderFile, type UndocError } from "../../src/index.js";
import { tmp } from "../cli/run.js";
import { MINIMAL_YAML } from "../helpers.js";

const data = () => parseData(MINIMAL_YAML, "doc.yaml");

async function rejected(p: () => Promise<unknown> | unknown): Promise<UndocError> {
  let e: unknown;
  try {
    await p();
  } catch (err) {
    e = err;
  }
  expect(isUndocError(e), `expected an UndocError, got ${e}`).toBe(true);
  return e as UndocError;
}

const cyclic = (): Record<string, unknown> => {
  const d = JSON.parse(JSON.stringify(data())) as Record<string, unknown>;
  (d.letter as Record<string, unknown>).self = d;
  return d;
};

describe("library misuse: an UndocError saying what was expected", () => {
  it.each([
    ["render(cyclic data)", () => render(cyclic()), "USAGE", /the data contains itself \(a cycle of objects\)/],
    ["render(undefined)", () => render(undefined as never), "USAGE", /render takes a file path or the document's data as an object, not undefined/],
    ["render(null)", () => render(null as never), "USAGE", /not null/],
    ["render(42)", () => render(42 as never), "USAGE", /not number/],
    ["render([])", () => render([] as never), "USAGE", /not a list/],
    ["render(data with a BigInt)", () => render({ meta: { n: 1n } } as never), "USAGE", /cannot be read as JSON/],
    ["render(path, null options)", () => render("examples/arria-belarus-2020.zh.yaml", null as never), "USAGE", /options must be an object, not null/],
    ["formats: ['exe']", () => render(data() as never, { formats: ["exe" as never] }), "USAGE", /unknown format "exe" in options\.formats/],
    ["formats: []", () => render(data() as never, { formats: [] }), "USAGE", /options\.formats must be a list of formats/],
    ["formats: 'pdf'", () => renderData(data(), { formats: "pdf" as never }), "USAGE", /options\.formats must be a list/],
    ["an Invalid Date", () => renderData(data(), { date: new Date("nonsense") }), "USAGE", /options\.date is an Invalid Date/],
    ["a date a ZIP cannot hold", () => renderData(data(), { date: new Date(0) }), "USAGE", /must lie between 1980-01-01 and 2107-12-31/],
    ["a date that is a string", () => renderData(data(), { date: "2020-01-01" as never }), "USAGE", /options\.date must be a Date/],
    ["an unknown option", () => renderData(data(), { format: ["pdf"] } as never), "USAGE", /unknown option "format"/],
    ["docx.systemFonts incomplete", () => renderData(data(), { docx: { systemFonts: { cjk: "SimSun" } as never } }), "USAGE", /name three fonts/],
    ["templates: 42", () => renderData(data(), { templates: 42 as never }), "USAGE", /options\.templates must be the path of a template folder/],
    ["renderData(undefined)", () => renderData(undefined as never), "INPUT_SCHEMA", /no data/],
    ["buildModel(data, 42)", () => buildModel(data(), 42 as never), "USAGE", /path of a template folder/],
    ["renderFile(path) without a folder", () => renderFile("examples/arria-belarus-2020.zh.yaml", undefined as never), "USAGE", /needs the output folder/],
    ["renderFile(undefined, folder)", () => renderFile(undefined as never, tmp()), "USAGE", /named by its path/],
    ["renderFile with outName '../x'", () => renderFile("examples/arria-belarus-2020.zh.yaml", tmp(), { outName: "../x" }), "USAGE", /options\.outName must be a relative name/],
  ])("%s", async (_, call, code, message) => {
    const e = await rejected(call);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });

  it("SOURCE_DATE_EPOCH that is not a date: USAGE from renderData, naming the variable", async () => {
    const saved = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = "abc";
    try {
      const e = await rejected(() => renderData(data(), { formats: ["pdf"] }));
      expect(e.code).toBe("USAGE");
      expect(e.message).toMatch(/SOURCE_DATE_EPOCH must be a whole number of seconds, not "abc"/);
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });

  it("renderFile writes nothing when it refuses", async () => {
    const out = join(tmp(), "out");
    await rejected(() => renderFile("examples/arria-belarus-2020.zh.yaml", out, { formats: ["exe" as never] }));
    expect(existsSync(out)).toBe(false);
  });
});
