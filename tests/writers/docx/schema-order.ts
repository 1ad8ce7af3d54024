/**
 * Child order of WordprocessingML elements whose content model is a sequence (ECMA-376 Part 1,
 * the transitional schema wml.xsd): Word refuses a part whose property elements are out of order.
 * `orderProblems` lists every element of a part whose children break their sequence.
 */

const SEQ: Record<string, string[]> = {
  "w:pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange".split(" "),
  "w:rPr": "ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath".split(" "),
  "w:style": "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed qFormat locked personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr".split(" "),
  "w:lvl": "start numFmt lvlRestart pStyle isLgl suff lvlText lvlPicBulletId legacy lvlJc pPr rPr".split(" "),
  "w:abstractNum": "nsid multiLevelType tmpl name styleLink numStyleLink lvl".split(" "),
  "w:num": "abstractNumId lvlOverride".split(" "),
  "w:numbering": "numPicBullet abstractNum num numIdMacAtCleanup".split(" "),
  "w:font": "altName panose1 charset family notTrueType pitch sig embedRegular embedBold embedItalic embedBoldItalic".split(" "),
  "w:tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription".split(" "),
  "w:tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark".split(" "),
  "w:tcBorders": "top start left bottom end right insideH insideV tl2br tr2bl".split(" "),
  "w:tblBorders": "top start left bottom end right insideH insideV".split(" "),
  "w:pBdr": "top left bottom right between bar".split(" "),
  "w:sectPr": "headerReference|footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings sectPrChange".split(" "),
  "w:docDefaults": "rPrDefault pPrDefault".split(" "),
  "w:styles": "docDefaults latentStyles style".split(" "),
  "w:settings": (
    "writeProtection view zoom removePersonalInformation removeDateAndTime doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText " +
    "printFractionalCharacterWidth printFormsData embedTrueTypeFonts embedSystemFonts saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges " +
    "bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors hideGrammaticalErrors activeWritingStyle proofState formsDesign " +
    "attachedTemplate linkStyles stylePaneFormatFilter stylePaneSortMethod documentType mailMerge revisionView trackRevisions doNotTrackMoves " +
    "doNotTrackFormatting documentProtection autoFormatOverride styleLockTheme styleLockQFSet defaultTabStop autoHyphenation consecutiveHyphenLimit " +
    "hyphenationZone doNotHyphenateCaps showEnvelope summaryLength clickAndTypeStyle defaultTableStyle evenAndOddHeaders bookFoldRevPrinting " +
    "bookFoldPrinting bookFoldPrintingSheets drawingGridHorizontalSpacing drawingGridVerticalSpacing displayHorizontalDrawingGridEvery " +
    "displayVerticalDrawingGridEvery doNotUseMarginsForDrawingGridOrigin drawingGridHorizontalOrigin drawingGridVerticalOrigin doNotShadeFormData " +
    "noPunctuationKerning characterSpacingControl printTwoOnOne strictFirstAndLastChars noLineBreaksAfter noLineBreaksBefore savePreviewPicture " +
    "doNotValidateAgainstSchema saveInvalidXml ignoreMixedContent alwaysShowPlaceholderText doNotDemarcateInvalidXml saveXmlDataOnly useXSLTWhenSaving " +
    "saveThroughXslt showXMLTags alwaysMergeEmptyNamespace updateFields hdrShapeDefaults footnotePr endnotePr compat docVars rsids mathPr attachedSchema " +
    "themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats doNotAutoCompressPictures forceUpgrade captions readModeInkLockDown smartTagType " +
    "schemaLibrary shapeDefaults doNotEmbedSmartTags decimalSymbol listSeparator"
  ).split(" "),
};

interface Node {
  name: string;
  children: Node[];
}

/** Elements as a tree (text, comments and declarations left out). */
export function elementTree(xml: string): Node {
  const root: Node = { name: "#root", children: [] };
  const stack = [root];
  for (const m of xml.matchAll(/<(\/?)([A-Za-z_][\w.:-]*)([^>]*?)(\/?)>/g)) {
    const [, close, name, , self] = m;
    if (close) {
      stack.pop();
      continue;
    }
    const node: Node = { name, children: [] };
    stack[stack.length - 1].children.push(node);
    if (!self) stack.push(node);
  }
  return root;
}

const local = (name: string) => name.replace(/^w:/, "");

/** Elements whose children are out of their schema sequence, with where (a path of element names). */
export function orderProblems(xml: string): string[] {
  const out: string[] = [];
  const visit = (n: Node, path: string) => {
    const seq = SEQ[n.name];
    if (seq) {
      const index = (c: Node) => seq.findIndex((s) => s.split("|").includes(local(c.name)));
      let last = -1;
      for (const c of n.children) {
        const i = index(c);
        if (i < 0) {
          if (c.name.startsWith("w:")) out.push(`${path}/${n.name}: unknown child ${c.name}`);
          continue;
        }
        if (i < last) out.push(`${path}/${n.name}: ${c.name} after ${seq[last]}`);
        last = Math.max(last, i);
      }
    }
    for (const c of n.children) visit(c, `${path}/${n.name}`);
  };
  visit(elementTree(xml), "");
  return [...new Set(out)];
}
