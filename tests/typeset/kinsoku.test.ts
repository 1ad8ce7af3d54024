/** The line-start and line-end prohibitions: Word's zh-CN lists, the typesetter's and the DOCX's one rule. */
import { describe, expect, it } from "vitest";
import { mayEndLine, mayStartLine } from "../../src/typeset/classify.js";
import { NO_LINE_END, NO_LINE_START } from "../../src/typeset/kinsoku.js";

describe("kinsoku (ECMA-376 Part 1 §17.3.1.16, Chinese (Simplified))", () => {
  it("keeps Word's lists whole: no shorter set", () => {
    expect([...NO_LINE_START]).toHaveLength(63);
    expect([...NO_LINE_END]).toHaveLength(27);
    for (const ch of "，。、；：！？）”’》」』】〕〗") expect(NO_LINE_START).toContain(ch);
    for (const ch of "（“‘《「『【〔〖") expect(NO_LINE_END).toContain(ch);
  });

  it("is the typesetter's rule: …… ％ ℃ ～ never start a line, · never ends one (nor starts one)", () => {
    for (const ch of [..."…％℃～·、。"]) expect(mayStartLine(ch), ch).toBe(false);
    for (const ch of [..."·（“$￥"]) expect(mayEndLine(ch), ch).toBe(false);
    for (const ch of [..."中A1—"]) expect(mayStartLine(ch) && mayEndLine(ch), ch).toBe(true);
  });
});
