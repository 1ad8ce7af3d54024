import { describe, it, expect } from "vitest";
import * as zlib from "node:zlib";
import { crc32, drawingToPng, drawingToSvg, parseColor, pngSize, type Drawing } from "../../src/marks/drawing.js";
import { createHash } from "node:crypto";
import { code39 } from "../../src/marks/code39.js";
import { qrCode } from "../../src/marks/qr.js";
import { decodePng, grey, pngChunks, PNG_SIGNATURE } from "./helpers.js";

const square: Drawing = {
  width: 10,
  height: 5,
  shapes: [{ kind: "rect", x: 2, y: 1, w: 3, h: 2, fill: "#000" }],
};

describe("crc32()", () => {
  it("matches the standard check value", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it("agrees with node:zlib's crc32 when available", () => {
    const z = zlib as unknown as { crc32?: (d: Uint8Array) => number };
    if (typeof z.crc32 !== "function") return; // Node < 20.15: covered by the check value above
    const data = new Uint8Array(1000).map((_, i) => (i * 7919) & 0xff);
    expect(crc32(data)).toBe(z.crc32(data));
  });
});

describe("drawingToPng()", () => {
  it("writes a valid PNG: signature, IHDR, pHYs, IDAT, IEND and correct CRCs", () => {
    const png = drawingToPng(square, 2);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const chunks = pngChunks(png);
    expect(chunks.map((c) => c.type)).toEqual(["IHDR", "pHYs", "IDAT", "IEND"]);
    for (const c of chunks) expect(c.crc, c.type).toBe(crc32(c.crcInput));
    const ihdr = new DataView(chunks[0]!.data.buffer, chunks[0]!.data.byteOffset, 13);
    expect(ihdr.getUint32(0)).toBe(20);
    expect(ihdr.getUint32(4)).toBe(10);
    expect([...chunks[0]!.data.subarray(8)]).toEqual([8, 0, 0, 0, 0]); // 8-bit greyscale
    const phys = new DataView(chunks[1]!.data.buffer, chunks[1]!.data.byteOffset, 9);
    expect(phys.getUint32(0)).toBe(Math.round(144 / 0.0254)); // 144 dpi
    expect(chunks[3]!.data.length).toBe(0);
  });

  it("inflates to height × (1 + width) bytes and paints pixel-aligned rects exactly", () => {
    const img = decodePng(drawingToPng(square, 2));
    expect([img.width, img.height, img.channels]).toEqual([20, 10, 1]);
    for (let y = 0; y < 10; y++) {
      for (let x = 0; x < 20; x++) {
        const inside = x >= 4 && x < 10 && y >= 2 && y < 6;
        expect(grey(img, x, y), `${x},${y}`).toBe(inside ? 0 : 255);
      }
    }
  });

  it("anti-aliases fractional edges", () => {
    const img = decodePng(drawingToPng({ width: 4, height: 1, shapes: [{ kind: "rect", x: 0, y: 0, w: 1.5, h: 1, fill: "black" }] }, 1));
    expect([grey(img, 0, 0), grey(img, 1, 0), grey(img, 2, 0)]).toEqual([0, 128, 255]);
  });

  it("leaves no seam between abutting same-coloured shapes at fractional pixel positions", () => {
    const d: Drawing = {
      width: 3,
      height: 3,
      shapes: [
        { kind: "rect", x: 0, y: 0, w: 1.5, h: 1.25, fill: "#000" },
        { kind: "rect", x: 1.5, y: 0, w: 1.5, h: 1.25, fill: "#000" },
        { kind: "rect", x: 0, y: 1.25, w: 3, h: 1.75, fill: "#000" },
      ],
    };
    const img = decodePng(drawingToPng(d, 1));
    for (let i = 0; i < 9; i++) expect(img.pixels[i]).toBe(0);
  });

  it("fills discs and rings with sensible coverage", () => {
    const d: Drawing = {
      width: 40,
      height: 20,
      shapes: [
        { kind: "disc", cx: 10, cy: 10, r: 8, fill: "#000" },
        { kind: "ring", cx: 30, cy: 10, r: 7, width: 2, stroke: "#000" },
      ],
    };
    const img = decodePng(drawingToPng(d, 4));
    let ink = 0;
    for (const v of img.pixels) ink += (255 - v) / 255;
    const expected = (Math.PI * 8 * 8 + Math.PI * (8 * 8 - 6 * 6)) * 16;
    expect(Math.abs(ink - expected) / expected).toBeLessThan(0.005);
    expect(grey(img, 40, 40)).toBe(0); // disc centre
    expect(grey(img, 120, 40)).toBe(255); // ring hole
    expect(grey(img, 120, 40 - 28)).toBe(0); // on the ring
  });

  it("writes RGB when a colour is not grey, and RGBA for a transparent background", () => {
    const red: Drawing = { ...square, shapes: [{ kind: "rect", x: 2, y: 1, w: 3, h: 2, fill: "#ff0000" }] };
    const rgb = decodePng(drawingToPng(red, 1));
    expect(rgb.colorType).toBe(2);
    expect([...rgb.pixels.subarray((1 * 10 + 2) * 3, (1 * 10 + 2) * 3 + 3)]).toEqual([255, 0, 0]);
    const rgba = decodePng(drawingToPng(square, 1, { background: "transparent" }));
    expect(rgba.colorType).toBe(6);
    expect([...rgba.pixels.subarray(0, 4)]).toEqual([255, 255, 255, 0]);
    expect([...rgba.pixels.subarray((1 * 10 + 2) * 4, (1 * 10 + 2) * 4 + 4)]).toEqual([0, 0, 0, 255]);
    const onGrey = decodePng(drawingToPng(square, 1, { background: "#cccccc" }));
    expect(onGrey.colorType).toBe(0);
    expect(grey(onGrey, 0, 0)).toBe(0xcc);
  });

  it("is deterministic and sizes the image as ceil(size × ppp)", () => {
    expect(drawingToPng(square, 3.3)).toEqual(drawingToPng(square, 3.3));
    expect(pngSize(square, 3.3)).toEqual({ width: 33, height: 17 });
    const img = decodePng(drawingToPng(square, 3.3));
    expect([img.width, img.height]).toEqual([33, 17]);
  });

  it("rejects bad input", () => {
    expect(() => drawingToPng(square, 0)).toThrow(/pixelsPerPoint/);
    expect(() => drawingToPng({ ...square, width: 0 }, 1)).toThrow(/size/);
    expect(() => drawingToPng({ ...square, shapes: [{ kind: "rect", x: 0, y: 0, w: 1, h: 1, fill: "red" }] }, 1)).toThrow(
      /colour "red"/,
    );
    expect(() => drawingToPng({ ...square, shapes: [{ kind: "polygon", points: [[0, 0], [1, 1]], fill: "#000" }] }, 1)).toThrow(
      /3 points/,
    );
    expect(() => drawingToPng({ width: 1e5, height: 1e5, shapes: [] }, 1)).toThrow(/too large/);
  });
});

describe("drawingToSvg()", () => {
  it("is compact, rounds to 3 decimals and has a viewBox", () => {
    const d: Drawing = {
      width: 10.12345,
      height: 5,
      shapes: [
        { kind: "rect", x: 1 / 3, y: -0.0001, w: 2, h: 2.5, fill: "#000000" },
        { kind: "polygon", points: [[0, 0], [1.00049, 0], [0, 1]], fill: "#123456" },
        { kind: "ring", cx: 5, cy: 2.5, r: 2, width: 0.5, stroke: "white" },
        { kind: "disc", cx: 5, cy: 2.5, r: 1, fill: "#FFF" },
      ],
    };
    expect(drawingToSvg(d)).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10.123pt" height="5pt" viewBox="0 0 10.123 5">' +
        '<rect x="0.333" y="0" width="2" height="2.5" fill="#000"/>' +
        '<polygon points="0,0 1,0 0,1" fill="#123456"/>' +
        '<circle cx="5" cy="2.5" r="2" fill="none" stroke="#fff" stroke-width="0.5"/>' +
        '<circle cx="5" cy="2.5" r="1" fill="#fff"/>' +
        "</svg>",
    );
  });

  it("refuses colours it cannot vouch for (no injection into attributes)", () => {
    expect(() => drawingToSvg({ ...square, shapes: [{ kind: "rect", x: 0, y: 0, w: 1, h: 1, fill: '"/><script/>' }] })).toThrow(
      /colour/,
    );
    expect(parseColor(" #AbC ")).toEqual([0xaa, 0xbb, 0xcc]);
  });
});

describe("drawingToPng's bytes", () => {
  it("are the same on every machine: rows filtered Up, run-length deflate (no hash), held to stored bytes", () => {
    // a QR code and a barcode as the DOCX embeds them (4 px per point); the IDATs are what canonical
    // zlib 1.2.13 writes for the same rows (checked with Python's zlib, Z_RLE, level 9, memLevel 8)
    const qr = drawingToPng(qrCode("https://undocs.org/S/2020/1044", { size: 60 }), 4);
    const bar = drawingToPng(code39("2013706", { height: 20, narrow: 0.75 } as Parameters<typeof code39>[1]), 4);
    const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
    expect([qr.length, sha(qr)]).toEqual([3209, "1e916323c00ae68d8c6060310db2c5bbb62ca0b0330d0a4f5e8d6d5cb96ffb29"]);
    expect([bar.length, sha(bar)]).toEqual([354, "64006c318fec1ebf71d0c0d3b1c1c13ff4dfa4439fe1e7f7c938a78acf8270be"]);
    expect(decodePng(qr).filterTypes.every((f) => f === 2)).toBe(true);
  });
});
