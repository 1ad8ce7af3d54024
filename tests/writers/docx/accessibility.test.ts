/**
 * The accessible DOCX (issue 16): headings that Word's navigation and screen readers see as
 * outline levels, alternative text on every image, the title and language in the core
 * properties, table header rows marked as such.
 */
import { describe, expect, it } from "vitest";
import { parts, renderedFile, REPORT } from "./helpers.js";

describe("the DOCX for assistive technology", () => {
  it("gives headings outline levels, images alternative text, and the document its title and language", async () => {
    const { rendered } = await renderedFile(REPORT);
    const { xml } = parts(rendered.docx!);
    // heading 1-4 carry outline levels 0-3 (Word's navigation pane, screen readers' heading lists)
    for (let level = 1; level <= 4; level++) {
      const style = new RegExp(`<w:style [^>]*w:styleId="Heading${level}"[\\s\\S]*?</w:style>`).exec(xml["word/styles.xml"])?.[0] ?? "";
      expect(style, `Heading${level}`).toContain(`<w:outlineLvl w:val="${level - 1}"/>`);
    }
    // every drawing has a description (alternative text)
    const drawings = Object.entries(xml).flatMap(([, x]) => x.match(/<wp:docPr [^>]*>/g) ?? []);
    expect(drawings.length).toBeGreaterThanOrEqual(3);
    for (const d of drawings) expect(/descr="([^"]+)"/.exec(d)?.[1], d).toBeTruthy();
    expect(drawings.some((d) => d.includes("https://undocs.org/zh/"))).toBe(true);
    // core properties: the title and the language
    const core = xml["docProps/core.xml"];
    expect(core).toContain(`<dc:title>${rendered.model.meta.title}</dc:title>`);
    expect(core).toContain("<dc:language>zh-CN</dc:language>");
    // every table's header rows are marked, so Word repeats them and readers announce them
    const tables = xml["word/document.xml"].match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    const bodyTables = rendered.model.body.filter((b) => b.type === "table");
    expect(tables.length).toBe(bodyTables.length);
    tables.forEach((t, i) => {
      const table = bodyTables[i];
      if (table.type !== "table") return;
      expect((t.match(/<w:tblHeader\/>/g) ?? []).length).toBe(table.header.length);
    });
  });
});
