/**
 * LibreOffice, the Word stand-in available here, for the DOCX conformance checks: a document
 * converted in a private user profile (parallel runs do not share one), to PDF or through another
 * filter (`docx:MS Word 2007 XML` for a round trip), optionally with a fontconfig file that
 * decides which fonts LibreOffice sees as installed.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pageSize, type Style } from "../../src/style/style.js";
import { run } from "./tools.js";

export interface Converted {
  file: string;
  dir: string;
  cleanup: () => void;
}

export function libreOffice(input: Uint8Array, o: { name?: string; to?: string; ext?: string; fontconfig?: string } = {}): Converted {
  const name = o.name ?? "doc";
  const dir = mkdtempSync(join(tmpdir(), "undoc-lo-"));
  const source = join(dir, "in");
  mkdirSync(source);
  writeFileSync(join(source, `${name}.docx`), input);
  execFileSync(
    "soffice",
    [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", o.to ?? "pdf", "--outdir", dir, join(source, `${name}.docx`)],
    { stdio: "pipe", timeout: 240_000, env: { ...process.env, ...(o.fontconfig && { FONTCONFIG_FILE: o.fontconfig }) } },
  );
  const file = join(dir, `${name}.${o.ext ?? "pdf"}`);
  readFileSync(file); // fails loudly when LibreOffice wrote nothing
  return { file, dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const pageCount = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [pdf]))?.[1]);
export const pageText = (pdf: string, page: number) => run("pdftotext", ["-enc", "UTF-8", "-f", String(page), "-l", String(page), pdf, "-"]);

/**
 * pdftotext's text of each page's text block (between the style's top and bottom margins, 8 pt
 * more at the top: Word and LibreOffice set an exact-height line's baseline a little higher).
 */
export function textBlockPages(file: string, style: Style): string[] {
  const { top, bottom } = style.page.margin;
  const { width, height } = pageSize(style);
  return Array.from({ length: pageCount(file) }, (_, i) =>
    run("pdftotext", ["-enc", "UTF-8", "-f", String(i + 1), "-l", String(i + 1), "-x", "0", "-y", String(top - 8), "-W", String(width), "-H", String(height - bottom - top + 8), file, "-"]),
  );
}
