import { describe, expect, it } from "vitest";
import { closest, editDistance, parseOptions, type OptionSpec } from "../../src/cli/args.js";
import { errorOf } from "../helpers.js";

const SPECS: OptionSpec[] = [
  { name: "out", short: "o", value: "DIR", help: "" },
  { name: "format", short: "f", value: "LIST", help: "" },
  { name: "jobs", short: "j", value: "N", help: "" },
  { name: "json", help: "" },
  { name: "quiet", short: "q", help: "" },
  { name: "watch", short: "w", help: "" },
];
const parse = (args: string[]) => parseOptions("render", args, SPECS, new Map([["force", "init"]]));

describe("edit distance and suggestions", () => {
  it("counts insertions, deletions, substitutions and swaps of neighbours", () => {
    expect(editDistance("format", "format")).toBe(0);
    expect(editDistance("formats", "format")).toBe(1);
    expect(editDistance("fromat", "format")).toBe(1);
    expect(editDistance("templte", "templates")).toBe(2);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("suggests only what is close enough, or the one name a prefix starts", () => {
    expect(closest("--formats", ["--format", "--out"])).toBe("--format");
    expect(closest("rendr", ["render", "validate"])).toBe("render");
    expect(closest("valdate", ["render", "validate"])).toBe("validate");
    expect(closest("xyz", ["render", "validate"])).toBeUndefined();
    expect(closest("--temp", ["--templates", "--json"])).toBe("--templates");
  });
});

describe("parseOptions", () => {
  it("reads long and short options, values attached or next, flags together, and -- as the end of options", () => {
    expect(parse(["a.yaml", "--out", "o", "--format=pdf", "-j2", "-qw", "b.yaml", "--", "--json"])).toEqual({
      values: { out: "o", format: "pdf", jobs: "2", quiet: true, watch: true },
      positionals: ["a.yaml", "b.yaml", "--json"],
    });
    expect(parse(["-o", "dir", "-j", "3"]).values).toEqual({ out: "dir", jobs: "3" });
  });

  it("names an unknown option with the likely one, and points at the command's help", () => {
    expect(errorOf(() => parse(["--formats", "pdf"])).message).toBe("unknown option --formats for undoc render (did you mean --format?); see undoc render --help");
    expect(errorOf(() => parse(["--jsn"])).message).toContain("(did you mean --json?)");
    expect(errorOf(() => parse(["-x"])).message).toBe("unknown option -x for undoc render; see undoc render --help");
    expect(errorOf(() => parse(["--force"])).message).toBe("undoc render has no --force (it is an option of undoc init); see undoc render --help");
    expect(errorOf(() => parse(["-out", "x"])).message).toContain("unknown option -out for undoc render (did you mean --out?)");
  });

  it("refuses a missing value, a value for a flag, and an option given twice", () => {
    expect(errorOf(() => parse(["--out"])).message).toBe("--out needs a value (--out DIR); see undoc render --help");
    expect(errorOf(() => parse(["--out", "--json"])).message).toContain("--out needs a value");
    expect(errorOf(() => parse(["--out="])).message).toContain("--out needs a value");
    expect(errorOf(() => parse(["--json=yes"])).message).toBe("--json takes no value; see undoc render --help");
    expect(errorOf(() => parse(["--out", "a", "-o", "b"])).message).toBe("-o is given twice; see undoc render --help");
    for (const args of [["--formats"], ["--out"], ["--json=1"]]) expect(errorOf(() => parse(args)).code).toBe("USAGE");
  });
});
