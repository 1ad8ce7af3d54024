/**
 * word/theme/theme1.xml (ECMA-376 Part 1 §20.1.6): the Office theme Word 2013 and later start a
 * document with (its colours, fill, line and effect styles, the fonts it names for each script),
 * with the document's own faces as the theme's Latin and East Asian fonts: "+Body" and "+Headings"
 * in Word's font list are then the faces the styles use.
 */
import { escapeXml, STANDALONE } from "./xml.js";

export interface ThemeFonts {
  /** the headings' (major) and the body's (minor) faces */
  major: { latin: string; eastAsia: string };
  minor: { latin: string; eastAsia: string };
}

/** The theme's colour scheme and the start of its element list, as Office writes them. */
const BEFORE_FONTS =
  "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Office Theme\"><a:themeElements><a:clrScheme name=\"Office\"><a:dk1><a:sysClr val=\"windowText\" lastClr=\"000000\"/></a:dk1><a:lt1><a:sysClr val=\"window\" lastClr=\"FFFFFF\"/></a:lt1><a:dk2><a:srgbClr val=\"44546A\"/></a:dk2><a:lt2><a:srgbClr val=\"E7E6E6\"/></a:lt2><a:accent1><a:srgbClr val=\"4472C4\"/></a:accent1><a:accent2><a:srgbClr val=\"ED7D31\"/></a:accent2><a:accent3><a:srgbClr val=\"A5A5A5\"/></a:accent3><a:accent4><a:srgbClr val=\"FFC000\"/></a:accent4><a:accent5><a:srgbClr val=\"5B9BD5\"/></a:accent5><a:accent6><a:srgbClr val=\"70AD47\"/></a:accent6><a:hlink><a:srgbClr val=\"0563C1\"/></a:hlink><a:folHlink><a:srgbClr val=\"954F72\"/></a:folHlink></a:clrScheme>";

/** The format scheme (fills, lines, effects, backgrounds) and the end of the theme. */
const AFTER_FONTS =
  "<a:fmtScheme name=\"Office\"><a:fillStyleLst><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill><a:gradFill rotWithShape=\"true\"><a:gsLst><a:gs pos=\"0\"><a:schemeClr val=\"phClr\"><a:lumMod val=\"110000\"/><a:satMod val=\"105000\"/><a:tint val=\"67000\"/></a:schemeClr></a:gs><a:gs pos=\"50000\"><a:schemeClr val=\"phClr\"><a:lumMod val=\"105000\"/><a:satMod val=\"103000\"/><a:tint val=\"73000\"/></a:schemeClr></a:gs><a:gs pos=\"100000\"><a:schemeClr val=\"phClr\"><a:lumMod val=\"105000\"/><a:satMod val=\"109000\"/><a:tint val=\"81000\"/></a:schemeClr></a:gs></a:gsLst><a:lin ang=\"5400000\" scaled=\"false\"/></a:gradFill><a:gradFill rotWithShape=\"true\"><a:gsLst><a:gs pos=\"0\"><a:schemeClr val=\"phClr\"><a:satMod val=\"103000\"/><a:lumMod val=\"102000\"/><a:tint val=\"94000\"/></a:schemeClr></a:gs><a:gs pos=\"50000\"><a:schemeClr val=\"phClr\"><a:satMod val=\"110000\"/><a:lumMod val=\"100000\"/><a:shade val=\"100000\"/></a:schemeClr></a:gs><a:gs pos=\"100000\"><a:schemeClr val=\"phClr\"><a:lumMod val=\"99000\"/><a:satMod val=\"120000\"/><a:shade val=\"78000\"/></a:schemeClr></a:gs></a:gsLst><a:lin ang=\"5400000\" scaled=\"false\"/></a:gradFill></a:fillStyleLst><a:lnStyleLst><a:ln w=\"6350\" cap=\"flat\" cmpd=\"sng\" algn=\"ctr\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill><a:prstDash val=\"solid\"/><a:miter lim=\"800000\"/></a:ln><a:ln w=\"12700\" cap=\"flat\" cmpd=\"sng\" algn=\"ctr\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill><a:prstDash val=\"solid\"/><a:miter lim=\"800000\"/></a:ln><a:ln w=\"19050\" cap=\"flat\" cmpd=\"sng\" algn=\"ctr\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill><a:prstDash val=\"solid\"/><a:miter lim=\"800000\"/></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst><a:outerShdw blurRad=\"57150\" dist=\"19050\" dir=\"5400000\" algn=\"ctr\" rotWithShape=\"false\"><a:srgbClr val=\"000000\"><a:alpha val=\"63000\"/></a:srgbClr></a:outerShdw></a:effectLst></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill><a:solidFill><a:schemeClr val=\"phClr\"><a:tint val=\"95000\"/><a:satMod val=\"170000\"/></a:schemeClr></a:solidFill><a:gradFill rotWithShape=\"true\"><a:gsLst><a:gs pos=\"0\"><a:schemeClr val=\"phClr\"><a:tint val=\"93000\"/><a:satMod val=\"150000\"/><a:shade val=\"98000\"/><a:lumMod val=\"102000\"/></a:schemeClr></a:gs><a:gs pos=\"50000\"><a:schemeClr val=\"phClr\"><a:tint val=\"98000\"/><a:satMod val=\"130000\"/><a:shade val=\"90000\"/><a:lumMod val=\"103000\"/></a:schemeClr></a:gs><a:gs pos=\"100000\"><a:schemeClr val=\"phClr\"><a:shade val=\"63000\"/><a:satMod val=\"120000\"/></a:schemeClr></a:gs></a:gsLst><a:lin ang=\"5400000\" scaled=\"false\"/></a:gradFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>";

/** The faces Office names for other scripts, by ISO 15924 code: the headings'. */
const MAJOR_SCRIPTS: Record<string, string> = { Jpan: "游ゴシック Light", Hang: "맑은 고딕", Hans: "等线 Light", Hant: "新細明體", Arab: "Times New Roman", Hebr: "Times New Roman", Thai: "Angsana New", Ethi: "Nyala", Beng: "Vrinda", Gujr: "Shruti", Khmr: "MoolBoran", Knda: "Tunga", Guru: "Raavi", Cans: "Euphemia", Cher: "Plantagenet Cherokee", Yiii: "Microsoft Yi Baiti", Tibt: "Microsoft Himalaya", Thaa: "MV Boli", Deva: "Mangal", Telu: "Gautami", Taml: "Latha", Syrc: "Estrangelo Edessa", Orya: "Kalinga", Mlym: "Kartika", Laoo: "DokChampa", Sinh: "Iskoola Pota", Mong: "Mongolian Baiti", Viet: "Times New Roman", Uigh: "Microsoft Uighur", Geor: "Sylfaen", Armn: "Arial", Bugi: "Leelawadee UI", Bopo: "Microsoft JhengHei", Java: "Javanese Text", Lisu: "Segoe UI", Mymr: "Myanmar Text", Nkoo: "Ebrima", Olck: "Nirmala UI", Osma: "Ebrima", Phag: "Phagspa", Syrn: "Estrangelo Edessa", Syrj: "Estrangelo Edessa", Syre: "Estrangelo Edessa", Sora: "Nirmala UI", Tale: "Microsoft Tai Le", Talu: "Microsoft New Tai Lue", Tfng: "Ebrima" };
/** The body's, where they differ from the headings'. */
const MINOR_SCRIPTS: Record<string, string> = { ...MAJOR_SCRIPTS, Jpan: "游明朝", Hans: "等线", Arab: "Arial", Hebr: "Arial", Thai: "Cordia New", Khmr: "DaunPenh", Viet: "Arial" };

function fontList(tag: string, fonts: { latin: string; eastAsia: string }, scripts: Record<string, string>): string {
  let xml = `<a:${tag}><a:latin typeface="${escapeXml(fonts.latin)}"/><a:ea typeface="${escapeXml(fonts.eastAsia)}"/><a:cs typeface=""/>`;
  for (const script in scripts) xml += `<a:font script="${script}" typeface="${scripts[script]}"/>`;
  return `${xml}</a:${tag}>`;
}

export function themePart(fonts: ThemeFonts): string {
  return `${STANDALONE}${BEFORE_FONTS}<a:fontScheme name="Office Theme">${fontList("majorFont", fonts.major, MAJOR_SCRIPTS)}${fontList("minorFont", fonts.minor, MINOR_SCRIPTS)}</a:fontScheme>${AFTER_FONTS}`;
}
