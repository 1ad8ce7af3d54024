export { composeParagraph, lineBox, type ComposedParagraph, type ParagraphGeometry, type ComposeOptions } from "./compose.js";
export type { ComposedLine, GlyphRun, LineAlign } from "./place-line.js";
export { variantOf, VARIANTS, SUPERSCRIPT, type FaceSet, type ScriptFaces, type Span, type Variant, type Weight } from "./units.js";
export { WORD_DEFAULTS, type WordComposeOptions } from "./compose.js";
export { isCjkLanguage, usesWordComposer } from "./lang.js";
export { hyphenationPoints, hyphenationLimits, type HyphenationLimits } from "./hyphenate.js";
