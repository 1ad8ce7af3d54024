/**
 * docProps/core.xml (ECMA-376 Part 2 §11, Dublin Core): title, subject, author, language and the dates,
 * which are the document's date (options.date), never the time of the render: docx's own
 * CoreProperties stamps the current time, so the same input would give different bytes.
 */
import { el } from "./xml.js";

export interface CoreOptions {
  title: string;
  /** BCP 47 language of the document (dc:language: screen readers and search read it) */
  language: string;
  subject: string;
  creator: string;
  date: Date;
}

export function corePropertiesPart(o: CoreOptions) {
  const iso = o.date.toISOString().replace(/\.\d{3}Z$/, "Z");
  return el(
    "cp:coreProperties",
    {
      "xmlns:cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
      "xmlns:dc": "http://purl.org/dc/elements/1.1/",
      "xmlns:dcterms": "http://purl.org/dc/terms/",
      "xmlns:dcmitype": "http://purl.org/dc/dcmitype/",
      "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
    },
    [
      el("dc:title", {}, [o.title]),
      el("dc:subject", {}, [o.subject]),
      el("dc:creator", {}, [o.creator]),
      el("dc:language", {}, [o.language]),
      el("cp:lastModifiedBy", {}, [o.creator]),
      el("cp:revision", {}, ["1"]),
      el("dcterms:created", { "xsi:type": "dcterms:W3CDTF" }, [iso]),
      el("dcterms:modified", { "xsi:type": "dcterms:W3CDTF" }, [iso]),
    ],
  );
}
