import { defineConfig } from "vitest/config";

/**
 * `npm run test:conformance`: undoc's output cross-checked with outside programs (qpdf --check,
 * poppler's pdftotext/pdffonts/pdfinfo/pdftoppm, zbarimg, LibreOffice, unzip). A check whose
 * program is missing is skipped with the reason and the install command; with CI=true it fails.
 */
export default defineConfig({
  test: {
    include: ["tests/conformance/**/*.test.ts"],
    env: { UNDOC_CONFORMANCE: "1" },
    testTimeout: 120_000,
    hookTimeout: 300_000,
    maxWorkers: 2,
    reporters: ["default", "./tests/conformance/summary-reporter.ts"],
  },
});
