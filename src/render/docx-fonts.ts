/**
 * The DOCX font modes (--docx-fonts), here so the command line and the options can name them
 * without loading the DOCX writer (writers/docx/fonts.ts says what each does).
 */
export const DOCX_FONT_MODES = ["editable", "full", "subset", "none"] as const;
export type DocxFontMode = (typeof DOCX_FONT_MODES)[number];
