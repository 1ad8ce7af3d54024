export { composeParagraph, lineBox, type ComposedParagraph, type ParagraphGeometry, type ComposeOptions } from "./compose.js";
export type { ComposedLine, GlyphRun, LineAlign } from "./place-line.js";
export type { FaceSet, Span, Weight } from "./units.js";
export { spansOf } from "./text-spans.js";
