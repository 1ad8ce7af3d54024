import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { bestMask } from "../../src/marks/qr-mask.js";

const require = createRequire(import.meta.url);
const MaskPattern = require("qrcode/lib/core/mask-pattern.js");
const QRCode = require("qrcode");

describe("bestMask", () => {
  it("chooses the mask qrcode's getBestMask chooses", () => {
    const original = MaskPattern.getBestMask;
    const texts = ["A", "https://undocs.org/S/2020/1234", "https://undocs.org/zh/A/HRC/45/L.12/Rev.1", "0123456789".repeat(7), "é€ 中文 тест", "x".repeat(300)];
    for (let i = 0; i < 60; i++) texts.push(`https://undocs.org/${"ABCDEFGHIJ"[i % 10]}/${1990 + i}/${(i * 7919) % 10007}${"?x=".repeat(i % 4)}`);
    const seen = new Set<number>();
    try {
      for (const text of texts) {
        let mine = -1;
        let theirs = -1;
        MaskPattern.getBestMask = (data: never, setup: (p: number) => void) => {
          mine = bestMask(data, setup);
          theirs = original(data, setup);
          return theirs;
        };
        QRCode.create(text, { errorCorrectionLevel: "M" });
        expect(mine, text).toBe(theirs);
        seen.add(theirs);
      }
    } finally {
      MaskPattern.getBestMask = original;
    }
    expect(seen.size).toBeGreaterThan(4);
  });
});
