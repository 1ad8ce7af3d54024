/** The DOCX's zip through Info-ZIP's `unzip -t`, a reader independent of fflate (the default suite's). */
import { expect } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipEntries } from "../../src/writers/docx/zip.js";
import { renderedExample } from "../writers/docx/helpers.js";
import { check, run } from "./tools.js";

const dir = mkdtempSync(join(tmpdir(), "undoc-unzip-"));

check("unzip -t accepts the zip writer's output and the example's DOCX", ["unzip"], async () => {
  const zip = zipEntries(
    [
      { name: "[Content_Types].xml", data: new TextEncoder().encode("<Types/>".repeat(50)) },
      { name: "word/media/a.png", data: Uint8Array.from({ length: 100 }, (_, i) => (i * 7919) % 256) },
    ],
    new Date("1970-01-01T00:00:00Z"),
  );
  const small = join(dir, "t.zip");
  writeFileSync(small, zip);
  expect(run("unzip", ["-t", small])).toMatch(/No errors detected/);
  const docx = join(dir, "example.docx");
  writeFileSync(docx, (await renderedExample()).rendered.docx!);
  expect(run("unzip", ["-t", docx])).toMatch(/No errors detected/);
});
