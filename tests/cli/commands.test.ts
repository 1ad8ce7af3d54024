import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { jsonSchema } from "../../src/input/schema.js";
import { pdfDate, pdfInfo, pdfText as readPdfText, squash, textOf } from "../helpers/pdf.js";

const ROOT = process.cwd();
const EXAMPLE = join(ROOT, "examples", "arria-belarus-2020.zh.yaml");

function undoc(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, "dist", "cli.js"), ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));
const pdfText = async (file: string) => squash(textOf(await readPdfText(readFileSync(file))));
const docxXml = (file: string) => strFromU8(unzipSync(readFileSync(file))["word/document.xml"]);

describe("undoc validate", () => {
  it("checks data without rendering", () => {
    const out = tmp("undoc-v-");
    const r = undoc(["validate", EXAMPLE]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`ok ${EXAMPLE}`);
    expect(existsSync(join(out, "arria-belarus-2020.zh.pdf"))).toBe(false);
  });

  it("exits 1 naming the file and line on bad data, and reports every input", () => {
    const dir = tmp("undoc-v-");
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, readFileSync(EXAMPLE, "utf8").replace("jobNumber: \"20-11937\"", "jobNumber: 2011937"));
    const r = undoc(["validate", bad, EXAMPLE, "--json"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ ok: false, documents: 2, valid: 1, failed: 1 });
    expect(report.results[0].errors[0]).toMatchObject({ code: "INPUT_SCHEMA", file: bad, path: "meta.jobNumber" });
    expect(report.results[0].errors[0].line).toBe(readFileSync(bad, "utf8").split("\n").findIndex((l) => l.includes("jobNumber")) + 1);
  });
});

describe("undoc schema", () => {
  it("matches the committed schema/document.schema.json that the example points editors to", () => {
    expect(JSON.parse(readFileSync(join(ROOT, "schema", "document.schema.json"), "utf8"))).toEqual(jsonSchema());
    expect(readFileSync(EXAMPLE, "utf8").split("\n")[0]).toBe("# yaml-language-server: $schema=../schema/document.schema.json");
  });
});

describe("undoc init and --templates", () => {
  it("copies the templates; a changed string, style value and partial show in both PDF and DOCX", async () => {
    const dir = join(tmp("undoc-init-"), "tpl");
    const r = undoc(["init", dir]);
    expect(r.code).toBe(0);
    for (const f of ["document.hbs", "style.yaml", "locales/zh.yaml", "partials/letter.hbs"]) expect(existsSync(join(dir, f))).toBe(true);
    // a locale string, a style value and a partial
    const locale = join(dir, "locales", "zh.yaml");
    writeFileSync(locale, readFileSync(locale, "utf8").replace('signed: "(签名)"', 'signed: "(签字盖章)"'));
    const style = join(dir, "style.yaml");
    writeFileSync(style, readFileSync(style, "utf8").replace("size: letter", "size: a4"));
    const letter = join(dir, "partials", "letter.hbs");
    writeFileSync(letter, readFileSync(letter, "utf8").replace("</signature>", "</signature>\n<p indent=\"none\">附言：此函另送各理事国。</p>"));
    const out = tmp("undoc-init-out-");
    const rr = undoc(["render", EXAMPLE, "--templates", dir, "--out", out]);
    expect(rr.err).toBe("");
    expect(rr.code).toBe(0);
    const pdf = join(out, "arria-belarus-2020.zh.pdf");
    const docx = join(out, "arria-belarus-2020.zh.docx");
    expect(await pdfText(pdf)).toContain("(签字盖章)");
    expect(await pdfText(pdf)).toContain("附言：此函另送各理事国。");
    expect((await pdfInfo(readFileSync(pdf))).sizes[0]).toEqual({ width: 595.28, height: 841.89 }); // A4
    const xml = docxXml(docx);
    expect(xml).toContain("(签字盖章)");
    expect(xml).toContain("附言：此函另送各理事国。");
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/); // A4 in twentieths of a point
  });

  it("refuses to overwrite a non-empty folder without --force", () => {
    const dir = tmp("undoc-init-");
    writeFileSync(join(dir, "keep.txt"), "x");
    const r = undoc(["init", dir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--force");
    expect(undoc(["init", dir, "--force"]).code).toBe(0);
  });

  it("reports a markup error at the template file and line that wrote it", () => {
    const dir = join(tmp("undoc-init-"), "tpl");
    undoc(["init", dir]);
    const annex = join(dir, "partials", "section.hbs");
    writeFileSync(annex, readFileSync(annex, "utf8").replace("<heading level=", "<subheading level=").replace("</heading>", "</subheading>"));
    const r = undoc(["render", EXAMPLE, "--templates", dir, "--out", tmp("undoc-o-"), "--format", "pdf"]);
    expect(r.code).toBe(1);
    const line = readFileSync(annex, "utf8").split("\n").findIndex((l) => l.includes("<subheading")) + 1;
    expect(r.err).toContain(`${annex}:${line}:1: <subheading> is not a block element`);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe("batch rendering", () => {
  it("renders many inputs and globs on a worker pool; a failing input is reported and the rest render", () => {
    const dir = tmp("undoc-batch-");
    const text = readFileSync(EXAMPLE, "utf8");
    for (const n of [1, 2, 3]) writeFileSync(join(dir, `doc${n}.zh.yaml`), text.replace("20-11937", `20-1193${n}`));
    writeFileSync(join(dir, "doc4.zh.yaml"), text.replace("organ: 安全理事会", "organ: [1, 2]"));
    const out = join(dir, "out");
    const r = undoc(["render", join(dir, "*.yaml"), "--out", out, "--jobs", "2", "--json", "--format", "pdf"]);
    expect(r.code).toBe(1);
    const s = JSON.parse(r.out);
    expect(s).toMatchObject({ ok: false, documents: 4, rendered: 3, failed: 1 });
    expect(s.results.map((d: { input: string }) => d.input.split("/").pop())).toEqual(["doc1.zh.yaml", "doc2.zh.yaml", "doc3.zh.yaml", "doc4.zh.yaml"]);
    expect(s.results[3].error).toMatchObject({ code: "INPUT_SCHEMA", path: "meta.organ" });
    for (const n of [1, 2, 3]) expect(existsSync(join(out, `doc${n}.zh.pdf`))).toBe(true);
    expect(existsSync(join(out, "doc4.zh.pdf"))).toBe(false);
  });

  it("prints plain lines when not on a terminal", () => {
    const out = tmp("undoc-batch-");
    const r = undoc(["render", EXAMPLE, "--out", out, "--format", "pdf"]);
    expect(r.out).toMatch(/^ok .*arria-belarus-2020\.zh\.pdf \(\d+ KB\)\n$/);
  });

  it("rejects a bad --jobs and a glob matching nothing", () => {
    expect(undoc(["render", EXAMPLE, "--jobs", "0"]).code).toBe(2);
    const r = undoc(["render", "nowhere/*.yaml"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no input matches "nowhere/*.yaml"');
  });
});

describe("deterministic output", () => {
  it("gives byte-identical PDF and DOCX on two renders, and honours SOURCE_DATE_EPOCH", async () => {
    const a = tmp("undoc-det-");
    const b = tmp("undoc-det-");
    const c = tmp("undoc-det-");
    expect(undoc(["render", EXAMPLE, "--out", a]).code).toBe(0);
    expect(undoc(["render", EXAMPLE, "--out", b]).code).toBe(0);
    expect(undoc(["render", EXAMPLE, "--out", c], { SOURCE_DATE_EPOCH: "1700000000" }).code).toBe(0);
    for (const ext of ["pdf", "docx"]) {
      const name = `arria-belarus-2020.zh.${ext}`;
      expect(readFileSync(join(a, name)).equals(readFileSync(join(b, name)))).toBe(true);
      expect(readFileSync(join(a, name)).equals(readFileSync(join(c, name)))).toBe(false);
    }
    const { info } = await pdfInfo(readFileSync(join(c, "arria-belarus-2020.zh.pdf")));
    expect(pdfDate(info.CreationDate)).toBe("2023-11-14T22:13:20");
    const core = strFromU8(unzipSync(readFileSync(join(c, "arria-belarus-2020.zh.docx")))["docProps/core.xml"]);
    expect(core).toContain("2023-11-14T22:13:20Z");
  });
});

describe("batch safety", () => {
  it("refuses two inputs that would write the same output files (x.yaml and x.json in one folder), writing nothing", () => {
    const dir = tmp("undoc-dup-");
    const text = readFileSync(EXAMPLE, "utf8");
    writeFileSync(join(dir, "x.zh.yaml"), text);
    writeFileSync(join(dir, "x.zh.json"), "{}");
    const r = undoc(["render", join(dir, "x.zh.yaml"), join(dir, "x.zh.json"), "--out", join(dir, "out")]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`error: ${join(dir, "x.zh.yaml")} and ${join(dir, "x.zh.json")} would both write ${join(dir, "out", "x.zh.*")}: rename one of them, or render them in separate runs with different --out\n`);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });
});

describe("--docx-fonts", () => {
  const table = (out: string) => strFromU8(unzipSync(readFileSync(join(out, "arria-belarus-2020.zh.docx")))["word/fontTable.xml"]);

  it("none (or its older spelling --system-fonts) embeds no font and names SimSun, SimHei and Times New Roman", () => {
    for (const flags of [["--docx-fonts", "none"], ["--system-fonts"]]) {
      const out = tmp("undoc-sys-");
      expect(undoc(["render", EXAMPLE, "--out", out, "--format", "docx", ...flags]).code).toBe(0);
      const files = unzipSync(readFileSync(join(out, "arria-belarus-2020.zh.docx")));
      expect(Object.keys(files).filter((n) => n.startsWith("word/fonts/"))).toEqual([]);
      for (const name of ["SimSun", "SimHei", "Times New Roman"]) expect(table(out)).toContain(`w:name="${name}"`);
      expect(table(out)).not.toContain("w:embedRegular");
    }
  });

  it("subset embeds every face as a renamed subset", () => {
    const out = tmp("undoc-subset-");
    expect(undoc(["render", EXAMPLE, "--out", out, "--format", "docx", "--docx-fonts", "subset"]).code).toBe(0);
    expect(table(out)).toMatch(/w:name="undoc latin [0-9A-F]{6}"/);
  });

  it("refuses an unknown mode, and --system-fonts with another mode", () => {
    expect(undoc(["render", EXAMPLE, "--docx-fonts", "ful"]).err).toBe('error: unknown --docx-fonts mode "ful" (did you mean full?); modes: editable, full, subset, none\n');
    const r = undoc(["render", EXAMPLE, "--docx-fonts", "full", "--system-fonts"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("error: --system-fonts means --docx-fonts none, not full: give one of them\n");
  });
});
