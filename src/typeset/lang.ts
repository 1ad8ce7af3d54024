/**
 * Languages as the typesetter sees them: which composer a paragraph takes, which punctuation is
 * set full width, which hyphenation patterns apply. Languages are BCP 47 tags ("en", "fr-CA",
 * "zh-Hans"); only the primary subtag decides, except for English spelling variants.
 */

/** The primary language subtag, lower case: "en-GB" -> "en". */
export function primaryLanguage(lang: string): string {
  const dash = lang.indexOf("-");
  return (dash < 0 ? lang : lang.slice(0, dash)).toLowerCase();
}

/** Chinese, Japanese and Korean: text set by the CJK rules (clreq), quotes and dashes full width. */
export function isCjkLanguage(lang: string | undefined): boolean {
  if (lang === undefined) return false;
  const p = primaryLanguage(lang);
  return p === "zh" || p === "ja" || p === "ko";
}

/**
 * Does a paragraph in this language take the Latin/Cyrillic composer (word spaces, hyphenation,
 * optimum fit)? A paragraph without a language keeps the CJK composer, exactly as before
 * languages were known: Chinese output must not change.
 */
export function usesWordComposer(lang: string | undefined): boolean {
  return lang !== undefined && lang !== "" && !isCjkLanguage(lang);
}
