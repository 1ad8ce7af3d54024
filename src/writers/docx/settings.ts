/**
 * word/settings.xml (ECMA-376 Part 1 §17.15.1): the East Asian document settings
 * (w:characterSpacingControl, w:noLineBreaksBefore/After, w:themeFontLang), the footnote
 * separators' list, Word 2013 compatibility. The children follow CT_Settings' sequence.
 */
import { el, onOff, STANDALONE, val } from "./xml.js";
import { twip } from "./units.js";

export interface SettingsOptions {
  /** fonts are embedded (w:embedTrueTypeFonts); subsets asked for when Word saves (w:saveSubsetFonts) */
  embedFonts: boolean;
  saveSubsetFonts: boolean;
  /** points */
  defaultTabStop: number;
  /** Word's automatic hyphenation (style.text.hyphenation; zone in points) */
  hyphenation?: { auto: boolean; zone?: number; maxConsecutive?: number };
  evenAndOddHeaders: boolean;
  /** compress full-width punctuation (clreq §3.1.6) */
  compressPunctuation: boolean;
  /** the line-start and line-end prohibitions for East Asian text of `lang` (§17.15.1.58-59) */
  kinsoku?: { lang: string; noLineBreaksAfter: string; noLineBreaksBefore: string };
  /** w:themeFontLang: the languages of the theme's fonts */
  lang: { val: string; eastAsia: string };
}

const NS = {
  "xmlns:r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "xmlns:w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
};

export function settingsPart(o: SettingsOptions): string {
  return STANDALONE + el("w:settings", NS, [
    onOff("w:embedTrueTypeFonts", o.embedFonts || undefined),
    onOff("w:saveSubsetFonts", o.saveSubsetFonts || undefined),
    val("w:defaultTabStop", twip(o.defaultTabStop)),
    o.hyphenation && onOff("w:autoHyphenation", o.hyphenation.auto),
    o.hyphenation?.maxConsecutive !== undefined && val("w:consecutiveHyphenLimit", o.hyphenation.maxConsecutive),
    o.hyphenation?.zone !== undefined && val("w:hyphenationZone", twip(o.hyphenation.zone)),
    onOff("w:evenAndOddHeaders", o.evenAndOddHeaders || undefined),
    o.compressPunctuation && val("w:characterSpacingControl", "compressPunctuation"),
    o.kinsoku && el("w:noLineBreaksAfter", { "w:lang": o.kinsoku.lang, "w:val": o.kinsoku.noLineBreaksAfter }),
    o.kinsoku && el("w:noLineBreaksBefore", { "w:lang": o.kinsoku.lang, "w:val": o.kinsoku.noLineBreaksBefore }),
    // the separator and continuation separator of word/footnotes.xml (ids -1 and 0), as Word lists them
    el("w:footnotePr", {}, [el("w:footnote", { "w:id": -1 }), el("w:footnote", { "w:id": 0 })]),
    el("w:endnotePr", {}, [el("w:endnote", { "w:id": -1 }), el("w:endnote", { "w:id": 0 })]),
    el("w:compat", {}, [el("w:compatSetting", { "w:name": "compatibilityMode", "w:uri": "http://schemas.microsoft.com/office/word", "w:val": "15" })]),
    el("w:themeFontLang", { "w:val": o.lang.val, "w:eastAsia": o.lang.eastAsia }),
  ]);
}
