// Writes docs/findings.md from the built catalogue (npm run docs:findings builds first).
// test/validate/findings-docs.test.ts fails when the committed page and the code differ.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { findingsMarkdown } from "../dist/render/findings-docs.js";

const target = fileURLToPath(new URL("../docs/findings.md", import.meta.url));
writeFileSync(target, findingsMarkdown());
console.log(`wrote ${target}`);
