/** The DOCX's marks are PNG images (word/media): the barcode and the QR code read back from their pixels. */
import { beforeAll, describe, expect, it } from "vitest";
import type { Rendered } from "../../../src/render/pipeline.js";
import { decodeCode39, decodeQr, pngPixels } from "../../helpers/barcode.js";
import { parts, renderedExample } from "./helpers.js";

let rendered: Rendered;
let media: Array<[string, Uint8Array]>;

beforeAll(async () => {
  ({ rendered } = await renderedExample());
  media = Object.entries(parts(rendered.docx!).bytes).filter(([name]) => /^word\/media\/.*\.png$/.test(name));
});

describe("DOCX marks", () => {
  it("holds a Code 39 barcode of the job number and a QR code of the address, both readable", () => {
    const qr = media.map(([name, png]) => [name, decodeQr(pngPixels(png))]).filter(([, text]) => text !== undefined);
    const barcodes = media.map(([name, png]) => [name, [...decodeCode39(pngPixels(png)).keys()]] as const).filter(([, texts]) => texts.length > 0);
    expect(qr.map(([, text]) => text)).toEqual([rendered.model.firstPageFooter.qr]);
    expect(qr[0][1]).toBe("https://undocs.org/zh/S/2020/905");
    expect(barcodes.map(([, texts]) => texts)).toEqual([["2011937"]]);
  });

  it("draws them in the first-page footer", () => {
    const { xml } = parts(rendered.docx!);
    const id = /<w:footerReference w:type="first" r:id="([^"]+)"/.exec(xml["word/document.xml"])?.[1];
    const target = new RegExp(`<Relationship[^>]*Id="${id}"[^>]*/>`).exec(xml["word/_rels/document.xml.rels"])?.[0].match(/Target="([^"]+)"/)?.[1];
    const rels = xml[`word/_rels/${target}.rels`] ?? "";
    const referenced = [...rels.matchAll(/Target="(media\/[^"]+\.png)"/g)].map((m) => `word/${m[1]}`);
    const marks = media.filter(([, png]) => decodeQr(pngPixels(png)) !== undefined || decodeCode39(pngPixels(png)).size > 0).map(([name]) => name);
    expect(marks).toHaveLength(2);
    for (const name of marks) expect(referenced, `${name} in ${target}`).toContain(name);
  });
});
