/**
 * OOXML measures. WordprocessingML counts lengths in twips (1/20 pt, ST_TwipsMeasure), text sizes
 * in half-points (w:sz), border widths in eighths of a point (w:bdr/@w:sz) and drawings in EMU.
 */
export const twip = (pt: number): number => Math.round(pt * 20);
export const halfPoints = (pt: number): number => Math.round(pt * 2);
export const eighths = (pt: number): number => Math.round(pt * 8);
export const emu = (pt: number): number => Math.round(pt * 12700);
/** CSS pixels (96 per inch): a picture's size in EMU is its size in these times 9525, as Word rounds it. */
export const cssPixels = (pt: number): number => (pt * 96) / 72;
/** w:ind *Chars attributes count hundredths of a character (100 = one character of the text size). */
export const hundredthsOfChar = (em: number): number => Math.round(em * 100);

/**
 * Language tags for w:lang: a bare language gets the region Word expects (zh -> zh-CN); English is
 * British, as UN spelling is Oxford's (and the PDF hyphenates with the British patterns).
 */
const REGIONS: Record<string, string> = { zh: "zh-CN", en: "en-GB", fr: "fr-FR", es: "es-ES", ru: "ru-RU", ar: "ar-SA" };
export function wordLang(lang: string): string {
  return lang.includes("-") ? lang : (REGIONS[lang] ?? lang);
}
