/** The XML well-formedness check the DOCX properties rely on catches what it must. */
import { describe, expect, it } from "vitest";
import { xmlProblems } from "./xml.js";

describe("xmlProblems", () => {
  it("accepts well-formed parts", () => {
    expect(xmlProblems('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="urn:x"><w:t xml:space="preserve">a &amp; b &#x4E2D; &gt; ></w:t><!-- c --><![CDATA[<x>]]></w:document>')).toEqual([]);
  });

  it.each([
    ["a control character", "<a>x\u0001y</a>", /U\+0001/],
    ["a lone surrogate", "<a>x\ud800y</a>", /U\+D800/],
    ["U+FFFF", "<a>\uffff</a>", /U\+FFFF/],
    ["a control character by reference", "<a>&#1;</a>", /character reference/],
    ["a bare ampersand", "<a>R&D</a>", /bare '&'/],
    ["an unknown entity", "<a>&nbsp;</a>", /undefined entity/],
    ["unbalanced tags", "<a><b></a></b>", /closes/],
    ["an unclosed element", "<a><b></b>", /never closed/],
    ["two roots", "<a/><b/>", /2 root elements/],
    ["a duplicate attribute", '<a x="1" x="2"/>', /given twice/],
    ["an unquoted attribute", "<a x=1/>", /malformed attributes/],
    ["'<' in an attribute", '<a x="<"/>', /'<' in an attribute/],
    ["a DOCTYPE", "<!DOCTYPE a [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><a>&e;</a>", /DOCTYPE/],
    ["text outside the root", "<a/>x", /outside the root/],
  ])("refuses %s", (_, xml, problem) => {
    expect(xmlProblems(xml).join("\n")).toMatch(problem);
  });
});
