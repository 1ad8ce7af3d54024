import { defineConfig } from "vitest/config";

/** Only scripts/sample-documents.test.ts (see there). */
export default defineConfig({ test: { include: ["scripts/sample-documents.test.ts"], testTimeout: 300_000 } });
