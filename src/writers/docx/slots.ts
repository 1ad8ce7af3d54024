/**
 * The face the typesetter sets a cluster in, so the DOCX names and embeds the same: labels in the
 * Latin face where it has them (units.ts spanSlot); quotes, dashes and the ellipsis in the Chinese
 * face in Chinese text and in the Latin face in Latin and Cyrillic text (word-items.ts,
 * classify.ts usesCjkFace); a character its face lacks in the other face of the same variant.
 */
import { isCjkLanguage, type ScriptFaces, type Span } from "../../typeset/index.js";
import { slotFor, spanSlot } from "../../typeset/units.js";

export function slotOf(cluster: string, set: ScriptFaces, span: Pick<Span, "preferLatin" | "lang">, docLang: string): "cjk" | "latin" {
  if (span.preferLatin) return spanSlot(cluster, set, span);
  return slotFor(cluster, set, isCjkLanguage(span.lang ?? docLang));
}
