import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // tests that start LibreOffice or render whole documents are heavy: two workers on two cores
    maxWorkers: 2,
  },
});
