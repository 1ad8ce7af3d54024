/**
 * The marks read back with zbarimg (zbar-tools), a decoder independent of the default suite's
 * (jsQR and tests/helpers/barcode.ts): the PNGs src/marks draws, the example PDF's first page
 * rasterised by poppler's pdftoppm, and the PNGs in the example DOCX.
 */
import { beforeAll, describe, expect } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { code39, jobNumberBarcodeText } from "../../src/marks/code39.js";
import { drawingToPng } from "../../src/marks/drawing.js";
import { qrCode } from "../../src/marks/qr.js";
import type { Rendered } from "../../src/render/pipeline.js";
import { parts, renderedExample } from "../writers/docx/helpers.js";
import { check, run, willRun } from "./tools.js";

const URL = "https://undocs.org/zh/S/2020/905";
const dir = mkdtempSync(join(tmpdir(), "undoc-zbar-"));
let rendered: Rendered;

/** zbarimg's lines for a PNG (--raw: the texts only); none when it finds no symbol (its exit code 4). */
function zbar(png: Uint8Array, name: string, raw = true): string[] {
  const file = join(dir, name);
  writeFileSync(file, png);
  try {
    return execFileSync("zbarimg", [...(raw ? ["--raw"] : []), "-q", file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })
      .split("\n")
      .filter(Boolean);
  } catch (e) {
    if ((e as { status?: number }).status === 4) return [];
    throw e;
  }
}

beforeAll(async () => {
  if (willRun(["zbarimg"])) ({ rendered } = await renderedExample());
});

describe("QR code read back with zbarimg", () => {
  check("decodes the undocs.org link exactly", ["zbarimg"], () => {
    const d = qrCode(URL, { size: 60 });
    for (const ppp of [2, 3, 300 / 72]) expect(zbar(drawingToPng(d, ppp), "qr.png"), `ppp ${ppp}`).toEqual([URL]);
  });

  check("decodes from a transparent RGBA PNG too", ["zbarimg"], () => {
    expect(zbar(drawingToPng(qrCode(URL, { size: 60 }), 3, { background: "transparent" }), "qr-rgba.png")).toEqual([URL]);
  });
});

describe("Code 39 read back with zbarimg", () => {
  check("decodes the UN job number barcode as 2011937", ["zbarimg"], () => {
    const d = code39(jobNumberBarcodeText("20-11937"), { height: 24, narrow: 0.75 });
    for (const ppp of [3, 4, 300 / 72]) expect(zbar(drawingToPng(d, ppp), "code39.png"), `ppp ${ppp}`).toEqual(["2011937"]);
  });

  check("decodes every character of the symbology", ["zbarimg"], () => {
    for (const text of ["0123456789", "ABCDEFGHIJKLM", "NOPQRSTUVWXYZ", "A-B.C D$E/F+G%H"]) {
      expect(zbar(drawingToPng(code39(text, { height: 30, narrow: 1, ratio: 2.5 }), 3), "code39.png")).toEqual([text]);
    }
  });
});

describe("the example's marks read back with zbarimg", () => {
  check("the PDF's first page (pdftoppm at 300 dpi): CODE-39 2011937 and the QR address", ["zbarimg", "pdftoppm"], () => {
    const pdf = join(dir, "example.pdf");
    writeFileSync(pdf, rendered.pdf!);
    const png = join(dir, "page1");
    run("pdftoppm", ["-png", "-r", "300", "-f", "1", "-l", "1", "-singlefile", pdf, png]);
    const out = run("zbarimg", ["-q", `${png}.png`]);
    expect(out).toContain("CODE-39:2011937");
    expect(out).toContain(`QR-Code:${URL}`);
  });

  check("the DOCX's images: one Code 39 of the job number, one QR code of the address", ["zbarimg"], () => {
    const media = Object.entries(parts(rendered.docx!).bytes).filter(([name]) => /^word\/media\/.*\.png$/.test(name));
    const read = media.flatMap(([name, png]) => zbar(png, name.split("/").pop()!, false));
    expect(read.sort()).toEqual(["CODE-39:2011937", `QR-Code:${URL}`]);
  });
});
