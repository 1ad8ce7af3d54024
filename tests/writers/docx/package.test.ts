/** The package: zipped once and reproducibly, every part reachable, the property elements in schema order. */
import { beforeAll, describe, expect, it } from "vitest";
import { unzipSync } from "fflate";
import { zipEntries } from "../../../src/writers/docx/zip.js";
import { parts, REPORT_EN, REPORT_ZH, renderedExample, renderedFile } from "./helpers.js";
import { orderProblems } from "./schema-order.js";

describe("zip", () => {
  const entries = [
    { name: "[Content_Types].xml", data: new TextEncoder().encode("<Types/>".repeat(50)) },
    { name: "word/media/a.png", data: Uint8Array.from({ length: 100 }, (_, i) => (i * 7919) % 256) },
  ];

  it("writes the same bytes whatever the time zone, dated from the date's UTC fields", () => {
    const date = new Date("2020-09-16T23:30:10Z");
    const tz = process.env.TZ;
    try {
      process.env.TZ = "Asia/Shanghai";
      const a = zipEntries(entries, date);
      process.env.TZ = "America/New_York";
      const b = zipEntries(entries, date);
      expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
      const dv = new DataView(a.buffer);
      expect(dv.getUint16(12, true)).toBe(((2020 - 1980) << 9) | (9 << 5) | 16);
      expect(dv.getUint16(10, true)).toBe((23 << 11) | (30 << 5) | 5);
    } finally {
      process.env.TZ = tz;
    }
  });

  it("is a valid zip, entries in the given order", () => {
    const zip = zipEntries(entries, new Date("1970-01-01T00:00:00Z"));
    const back = unzipSync(zip);
    expect(Object.keys(back)).toEqual(entries.map((e) => e.name));
    expect([...back["word/media/a.png"]]).toEqual([...entries[1].data]);
    // Info-ZIP's unzip -t reads it too: tests/conformance/zip.test.ts
  });

  it("deflates the same large content once, whichever array holds it", () => {
    const big = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 31) % 251);
    const a = zipEntries([{ name: "f", data: big }], new Date(0));
    const b = zipEntries([{ name: "f", data: big.slice() }], new Date(0));
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  });
});

describe("the package's parts", () => {
  let packages: { name: string; xml: Record<string, string>; names: string[] }[];

  beforeAll(async () => {
    packages = [];
    for (const [name, get] of [["example", renderedExample], ["report.zh", () => renderedFile(REPORT_ZH)], ["report.en", () => renderedFile(REPORT_EN)]] as const) {
      const p = parts((await get()).rendered.docx!);
      packages.push({ name, xml: p.xml, names: Object.keys(p.bytes) });
    }
  }, 60_000);

  it("writes the property elements of every part in the schema's order", () => {
    for (const p of packages) for (const [part, xml] of Object.entries(p.xml)) expect(orderProblems(xml), `${p.name} ${part}`).toEqual([]);
  });

  it("catches an element out of order (the check itself)", () => {
    expect(orderProblems("<w:pPr><w:jc w:val='left'/><w:spacing/></w:pPr>")).toEqual(["/#root/w:pPr: w:spacing after jc"]);
  });

  it("has no unused part: every part has a content type and a relationship to it, every relationship a part", () => {
    for (const p of packages) {
      const types = p.xml["[Content_Types].xml"];
      const defaults = new Set([...types.matchAll(/<Default [^>]*Extension="([^"]+)"/g)].map((m) => m[1]));
      const overrides = new Set([...types.matchAll(/<Override [^>]*PartName="\/([^"]+)"/g)].map((m) => m[1]));
      for (const o of overrides) expect(p.names, `${p.name}: override ${o}`).toContain(o);
      const targets = new Set<string>();
      for (const [rels, xml] of Object.entries(p.xml).filter(([n]) => n.endsWith(".rels"))) {
        const base = rels.replace(/_rels\/[^/]*\.rels$/, "");
        for (const m of xml.matchAll(/<Relationship [^>]*Target="([^"]+)"[^>]*\/>/g)) {
          if (/TargetMode="External"/.test(m[0])) continue;
          const target = m[1].startsWith("/") ? m[1].slice(1) : `${base}${m[1]}`;
          expect(p.names, `${p.name}: ${rels} -> ${m[1]}`).toContain(target);
          targets.add(target);
        }
      }
      for (const name of p.names) {
        if (name === "[Content_Types].xml" || name.endsWith(".rels")) continue;
        expect(targets.has(name), `${p.name}: nothing refers to ${name}`).toBe(true);
        expect(overrides.has(name) || defaults.has(name.split(".").pop()!), `${p.name}: ${name} has no content type`).toBe(true);
      }
    }
  });
});
