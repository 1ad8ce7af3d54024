/**
 * The line-start and line-end prohibitions of Chinese text: Word's own lists for Simplified
 * Chinese, as ECMA-376 Part 1 §17.3.1.16 (kinsoku) gives them. The typesetter applies them
 * (classify.ts mayStartLine, mayEndLine) and the DOCX writes the same lists into its settings
 * (w:noLineBreaksBefore/After, §17.15.1.58-59), so Word, LibreOffice and the PDF break lines by
 * one rule. They hold clreq §3.2's prohibitions and more: `……`, `％`, `℃` and `～` never start a
 * line; `·` neither starts nor ends one; `$`, `£`, `¥` never end one.
 */

/** Characters that never begin a line. */
export const NO_LINE_START = "!%),.:;>?]}¢¨°·ˇˉ―‖’”…‰′″›℃∶、。〃〉》」』】〕〗〞︶︺︾﹀﹄﹚﹜﹞！＂％＇），．：；？］｀｜｝～￠";

/** Characters that never end a line. */
export const NO_LINE_END = "$([{£¥·‘“〈《「『【〔〖〝﹙﹛﹝＄（．［｛￡￥";
