import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // PDF and DOCX builds are CPU-bound; two workers match the 2-core machines CI runs on.
    maxWorkers: 2,
    testTimeout: 60_000,
  },
});
