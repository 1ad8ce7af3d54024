import { defineConfig } from "vitest/config";

/**
 * `npm test`: everything that runs with Node alone. The conformance checks (tests/conformance/,
 * which need poppler, qpdf, zbar, LibreOffice) are listed as skipped here and run with
 * `npm run test:conformance` (vitest.conformance.config.ts); the last line says how many.
 */
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // tests that render whole documents are heavy: two workers on two cores
    maxWorkers: 2,
    reporters: ["default", "./tests/conformance/summary-reporter.ts"],
  },
});
