// The part of the `hyphen` package (Liang's algorithm over the TeX hyph-utf8 pattern sets) that
// undoc uses: one module per language, e.g. hyphen/en-gb, hyphen/fr. The package ships no typings.
declare module "hyphen" {
  export interface HyphenateOptions {
    /** the character inserted at each hyphenation point (default U+00AD) */
    hyphenChar?: string;
    /** words shorter than this are left alone (default 5) */
    minWordLength?: number;
  }
  export interface LanguageHyphenator {
    hyphenateSync(text: string, options?: HyphenateOptions): string;
  }
}
