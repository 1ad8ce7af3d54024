/**
 * docProps/core.xml (ECMA-376 Part 2 §11, Dublin Core): title, subject, author, language and the dates,
 * which are the document's date (options.date), never the time of the render: the same input gives
 * the same bytes.
 */
import { el, STANDALONE, textEl } from "./xml.js";

export interface CoreOptions {
  title: string;
  /** BCP 47 language of the document (dc:language: screen readers and search read it) */
  language: string;
  subject: string;
  creator: string;
  date: Date;
}

export function corePropertiesPart(o: CoreOptions): string {
  const iso = o.date.toISOString().replace(/\.\d{3}Z$/, "Z");
  return STANDALONE + el(
    "cp:coreProperties",
    {
      "xmlns:cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
      "xmlns:dc": "http://purl.org/dc/elements/1.1/",
      "xmlns:dcterms": "http://purl.org/dc/terms/",
      "xmlns:dcmitype": "http://purl.org/dc/dcmitype/",
      "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
    },
    [
      textEl("dc:title", {}, o.title),
      textEl("dc:subject", {}, o.subject),
      textEl("dc:creator", {}, o.creator),
      textEl("dc:language", {}, o.language),
      textEl("cp:lastModifiedBy", {}, o.creator),
      textEl("cp:revision", {}, "1"),
      textEl("dcterms:created", { "xsi:type": "dcterms:W3CDTF" }, iso),
      textEl("dcterms:modified", { "xsi:type": "dcterms:W3CDTF" }, iso),
    ],
  );
}
