import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // PDF and DOCX builds are CPU-bound; two workers match the 2-core machines CI runs on.
    maxWorkers: 2,
    testTimeout: 60_000,
    // beforeAll hooks read every bundled return, render whole reports or start Chromium: on a
    // shared machine (load 15 on 2 cores has been seen) vitest's default 10 s is not enough.
    hookTimeout: 120_000,
  },
});
