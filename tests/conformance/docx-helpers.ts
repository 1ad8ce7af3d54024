/**
 * Helpers for the DOCX conformance tests: LibreOffice (the Word stand-in available here) and
 * poppler. These tests need outside programs, so they live in tests/conformance and skip, saying
 * why, on a machine without them.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

function has(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: "pipe", timeout: 60_000 });
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== "ENOENT";
  }
}

/** Why the LibreOffice tests cannot run here, or undefined when they can. */
export function missingTools(): string | undefined {
  const missing = [
    ...(has("soffice", ["--version"]) ? [] : ["soffice (Debian: libreoffice-writer-nogui)"]),
    ...(has("pdftotext", ["-v"]) ? [] : ["pdftotext, pdfinfo, pdffonts (Debian: poppler-utils)"]),
  ];
  return missing.length ? `skipped: needs ${missing.join(" and ")}` : undefined;
}

export interface Converted {
  file: string;
  dir: string;
  cleanup: () => void;
}

/**
 * A document converted by LibreOffice, in a private user profile (parallel runs do not share
 * one): to PDF by default, or to another filter (`docx:"MS Word 2007 XML"` for a round trip).
 * `fontconfig`: a fontconfig file that decides which fonts LibreOffice sees as installed.
 */
export function libreOffice(input: Uint8Array, o: { name?: string; to?: string; ext?: string; fontconfig?: string } = {}): Converted {
  const name = o.name ?? "doc";
  const dir = mkdtempSync(join(tmpdir(), "undoc-lo-"));
  const source = join(dir, "in");
  execFileSync("mkdir", ["-p", source]);
  writeFileSync(join(source, `${name}.docx`), input);
  execFileSync(
    "soffice",
    [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", o.to ?? "pdf", "--outdir", dir, join(source, `${name}.docx`)],
    { stdio: "pipe", timeout: 180_000, env: { ...process.env, ...(o.fontconfig && { FONTCONFIG_FILE: o.fontconfig }) } },
  );
  const file = join(dir, `${name}.${o.ext ?? "pdf"}`);
  readFileSync(file); // fails loudly when LibreOffice wrote nothing
  return { file, dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function poppler(cmd: "pdfinfo" | "pdftotext" | "pdffonts", args: string[]): string {
  return execFileSync(cmd, args, { encoding: "utf8", maxBuffer: 1 << 26, stdio: ["ignore", "pipe", "pipe"] });
}

export function pageCount(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(poppler("pdfinfo", [pdf]))?.[1]);
}

export function pageText(pdf: string, page: number): string {
  return poppler("pdftotext", ["-enc", "UTF-8", "-f", String(page), "-l", String(page), pdf, "-"]);
}

export const squash = (s: string) => s.replace(/\s+/g, "");
