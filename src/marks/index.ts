export type { Drawing, Shape, PngOptions } from "./drawing.js";
export { drawingToSvg, drawingToPng, pngSize, parseColor, crc32 } from "./drawing.js";
export type { Code39Options } from "./code39.js";
export { code39, code39Width, jobNumberBarcodeText, CODE39_PATTERNS } from "./code39.js";
export type { QrOptions } from "./qr.js";
export { qrCode, qrMatrix } from "./qr.js";
export { recyclingMark } from "./recycle.js";
export { placeholderEmblem } from "./emblem.js";
