/**
 * The namespaces the WordprocessingML parts declare on their root elements, by prefix. A part
 * declares more than it uses, as Word's own parts do (Word ignores the ones it does not need,
 * and keeps the prefixes readers look for); mc:Ignorable lists the Office 2010+ ones an older
 * reader may skip (ECMA-376 Part 3, §10.2.1).
 */
import { attributes } from "./xml.js";

const URI: Record<string, string> = {
  wpc: "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
  mc: "http://schemas.openxmlformats.org/markup-compatibility/2006",
  o: "urn:schemas-microsoft-com:office:office",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  m: "http://schemas.openxmlformats.org/officeDocument/2006/math",
  v: "urn:schemas-microsoft-com:vml",
  wp14: "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
  wp: "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
  w10: "urn:schemas-microsoft-com:office:word",
  w: "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  w14: "http://schemas.microsoft.com/office/word/2010/wordml",
  w15: "http://schemas.microsoft.com/office/word/2012/wordml",
  wpg: "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
  wpi: "http://schemas.microsoft.com/office/word/2010/wordprocessingInk",
  wne: "http://schemas.microsoft.com/office/word/2006/wordml",
  wps: "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
  cx: "http://schemas.microsoft.com/office/drawing/2014/chartex",
  cx1: "http://schemas.microsoft.com/office/drawing/2015/9/8/chartex",
  cx2: "http://schemas.microsoft.com/office/drawing/2015/10/21/chartex",
  cx3: "http://schemas.microsoft.com/office/drawing/2016/5/9/chartex",
  cx4: "http://schemas.microsoft.com/office/drawing/2016/5/10/chartex",
  cx5: "http://schemas.microsoft.com/office/drawing/2016/5/11/chartex",
  cx6: "http://schemas.microsoft.com/office/drawing/2016/5/12/chartex",
  cx7: "http://schemas.microsoft.com/office/drawing/2016/5/13/chartex",
  cx8: "http://schemas.microsoft.com/office/drawing/2016/5/14/chartex",
  aink: "http://schemas.microsoft.com/office/drawing/2016/ink",
  am3d: "http://schemas.microsoft.com/office/drawing/2017/model3d",
  w16cex: "http://schemas.microsoft.com/office/word/2018/wordml/cex",
  w16cid: "http://schemas.microsoft.com/office/word/2016/wordml/cid",
  w16: "http://schemas.microsoft.com/office/word/2018/wordml",
  w16sdtdh: "http://schemas.microsoft.com/office/word/2020/wordml/sdtdatahash",
  w16se: "http://schemas.microsoft.com/office/word/2015/wordml/symex",
};

/** The Office 2007-2010 set every WordprocessingML part here declares. */
const WORD_2010 = ["wpc", "mc", "o", "r", "m", "v", "wp14", "wp", "w10", "w", "w14", "w15", "wpg", "wpi", "wne", "wps"];
const CHARTEX = ["cx", "cx1", "cx2", "cx3", "cx4", "cx5", "cx6", "cx7", "cx8"];

const declare = (prefixes: string[]) => attributes(Object.fromEntries(prefixes.map((p) => [`xmlns:${p}`, URI[p]])));
const IGNORABLE = ' mc:Ignorable="w14 w15 wp14"';

/** The root elements' open tags, with their declarations, by part. */
export const ROOTS = {
  document: `<w:document${IGNORABLE}${declare([...WORD_2010, ...CHARTEX, "aink", "am3d", "w16cex", "w16cid", "w16", "w16sdtdh", "w16se"])}>`,
  header: `<w:hdr${declare([...WORD_2010, ...CHARTEX, "w16cid", "w16se"])}>`,
  footer: `<w:ftr${declare(WORD_2010)}>`,
  footnotes: `<w:footnotes${declare(WORD_2010)}${IGNORABLE}>`,
  endnotes: `<w:endnotes${declare(WORD_2010)}${IGNORABLE}>`,
  numbering: `<w:numbering${IGNORABLE}${declare(WORD_2010)}>`,
};
