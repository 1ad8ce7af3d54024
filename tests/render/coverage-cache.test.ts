/**
 * checkCoverage's caches (src/render/coverage.ts): spans found covered are skipped later, and a
 * span of characters that each pass alone is passed by a table lookup; neither may hide a problem.
 */
import { describe, expect, it } from "vitest";
import { UndocError } from "../../src/errors.js";
import { faceSetFor } from "../../src/fonts/face-set.js";
import { parseData } from "../../src/input/load.js";
import { checkCoverage } from "../../src/render/coverage.js";
import { buildModel, DEFAULT_TEMPLATES, styleOf } from "../../src/render/pipeline.js";
import { MINIMAL_YAML } from "../helpers.js";

const style = styleOf(DEFAULT_TEMPLATES);

function check(yaml: string): UndocError | undefined {
  const data = parseData(yaml, "doc.yaml");
  try {
    // a new face set per call, as each render makes: the caches must hold across them
    checkCoverage(buildModel(data), style, faceSetFor(style), { data });
  } catch (e) {
    if (e instanceof UndocError) return e;
    throw e;
  }
  return undefined;
}

describe("coverage caches", () => {
  it("a paragraph that passed passes again; the same paragraph with a missing character fails, every time", () => {
    expect(check(MINIMAL_YAML)).toBeUndefined();
    expect(check(MINIMAL_YAML)).toBeUndefined();
    const bad = MINIMAL_YAML.replace("第一段。", "第一段😀。");
    for (let i = 0; i < 3; i++) expect(check(bad)?.detail).toContain('U+1F600 "😀"');
    expect(check(MINIMAL_YAML)).toBeUndefined();
  });

  it("a character seen in a span with another problem is still reported in a span of its own", () => {
    // Thai has no face: reported once in the first span, then again where it is alone
    const both = MINIMAL_YAML.replace("第一段。", "第一段\u0E01😀。");
    expect(check(both)?.detail).toContain("U+0E01");
    const alone = MINIMAL_YAML.replace("第一段。", "第一段\u0E01。");
    expect(check(alone)?.detail).toContain("U+0E01");
    expect(check(alone)?.detail).toContain("U+0E01");
  });

  it("a letter with a combining mark takes the cluster check, the same result as before the table", () => {
    const marked = MINIMAL_YAML.replace("第一段。", "第一段 Cafe\u0301。");
    expect(check(marked)).toBeUndefined();
    expect(check(marked)).toBeUndefined();
  });
});
