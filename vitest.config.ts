import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Every temporary file in one folder a test file, removed when it ends; the run fails on leftovers.
    globalSetup: ["test/helpers/suite-temp.ts"],
    setupFiles: ["test/helpers/file-temp.ts"],
    // PDF and DOCX builds are CPU-bound; two workers match the 2-core machines CI runs on.
    maxWorkers: 2,
    // Sized for a shared machine three or more times slower than an idle one: a suite's slowest
    // test or hook (a LibreOffice conversion, a build of several months) takes about 10 s idle.
    // These only stop a hung test; no test asserts how long anything takes (npm run bench does).
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
