/**
 * templates/README.md documents the markup for template authors: this holds it to the code. Every
 * element of MARKUP_ELEMENTS has a section with exactly its attributes, every attribute is used in
 * the section's example, and every example goes through the markup parser and into the model.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseMarkup } from "../../src/markup/parse.js";
import { MARKUP_ELEMENTS, markupToModel } from "../../src/markup/to-model.js";

const README = readFileSync("templates/README.md", "utf8");

interface Section {
  name: string;
  attributes: string[];
  examples: string[];
}

/** "### `<name>`" sections: their attribute table's first column and their xml examples. */
function sections(text: string): Section[] {
  const parts = text.split(/^### /m).slice(1);
  return parts
    .filter((p) => p.startsWith("`<"))
    .map((p) => ({
      name: /^`<([\w-]+)/.exec(p)![1],
      attributes: [...p.matchAll(/^\| `([\w-]+)` \|/gm)].map((m) => m[1]),
      examples: [...p.matchAll(/```xml\n([\s\S]*?)```/g)].map((m) => m[1]),
    }));
}

const PARTS: Record<string, string> = {
  masthead: "<masthead><symbol>S/1</symbol></masthead>",
  "first-page-footer": '<first-page-footer job-label="1 (E)" barcode="1" qr="https://undocs.org/S/1"/>',
  running: '<running header="S/1" footer="1"/>',
  numbering: "",
};

/** An example as a whole document: a top-level part replaces the skeleton's; anything else goes in the body. */
function asDocument(example: string): string {
  const trimmed = example.trim();
  if (trimmed.startsWith("<document")) return trimmed;
  const top = /^<([\w-]+)/.exec(trimmed)?.[1] ?? "";
  const parts = { ...PARTS };
  let body = "<body><p>x</p></body>";
  if (top in parts) parts[top] = trimmed;
  else body = top === "body" ? trimmed : `<body>${trimmed}</body>`;
  return `<document lang="en" symbol="S/1" title="t" job="1">${Object.values(parts).join("")}${body}</document>`;
}

describe("templates/README.md: the markup for template authors", () => {
  const documented = sections(README);

  it("has one section per element of the code's vocabulary, in no other", () => {
    expect(documented.map((s) => s.name).sort()).toEqual(Object.keys(MARKUP_ELEMENTS).sort());
  });

  it("lists exactly each element's attributes, and marks the required ones", () => {
    for (const s of documented) {
      expect(s.attributes, s.name).toEqual([...MARKUP_ELEMENTS[s.name].attributes]);
      const section = README.split(/^### /m).find((p) => p.startsWith(`\`<${s.name}`))!;
      for (const a of MARKUP_ELEMENTS[s.name].required ?? []) expect(section, `${s.name} ${a}`).toMatch(new RegExp(`^\\| \`${a}\` \\|.*\\(required\\) \\|$`, "m"));
    }
  });

  it("gives an example of every element and attribute, and every example is valid markup", () => {
    for (const s of documented) {
      expect(s.examples.length, s.name).toBeGreaterThan(0);
      const all = s.examples.join("\n");
      expect(all, s.name).toMatch(new RegExp(`<${s.name}[\\s/>]`));
      for (const a of s.attributes) expect(all, `${s.name} ${a}`).toMatch(new RegExp(`<${s.name}\\b[^>]*\\s${a}="`));
      for (const ex of s.examples) {
        const markup = asDocument(ex);
        expect(() => markupToModel(parseMarkup(markup, "README"), "README"), `${s.name}: ${ex}`).not.toThrow();
      }
    }
  });

  it("the check can fail: an attribute the code does not take is refused", () => {
    expect(() => markupToModel(parseMarkup(asDocument('<p colour="red">x</p>'), "x"), "x")).toThrow(/<p> has no attribute "colour"/);
  });
});
