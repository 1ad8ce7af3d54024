/**
 * The compiled-template cache's keys must not depend on what was compiled before in the process:
 * Handlebars writes into the options it compiles with, and a key made from mutated options missed
 * the disk cache for a template or two in every new process.
 */
import { describe, expect, it } from "vitest";
import Handlebars from "handlebars";
import { compileOnce } from "../../src/templates/compile-cache.js";

describe("compileOnce", () => {
  it("leaves the options it is given as they were", () => {
    const options = { strict: true, knownHelpers: { upper: true, log: false }, knownHelpersOnly: true };
    const before = JSON.stringify(options);
    const hb = Handlebars.create();
    hb.registerHelper("upper", (s: string) => s.toUpperCase());
    const a = compileOnce(hb, "{{upper x}}", "a.hbs", options, () => null);
    const b = compileOnce(hb, "<{{x}}>", "b.hbs", options, () => null);
    expect(JSON.stringify(options)).toBe(before);
    expect(a.template({ x: "q" })).toBe("Q");
    expect(b.template({ x: "q" })).toBe("<q>");
  });
});
