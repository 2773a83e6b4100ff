// Writes docs/results.schema.json from the built zod schema (npm run docs:results builds first).
// test/model/results-json.test.ts fails when the committed schema and the code differ.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { resultsJsonSchema } from "../dist/schema/results-json-schema.js";

const target = fileURLToPath(new URL("../docs/results.schema.json", import.meta.url));
writeFileSync(target, resultsJsonSchema());
console.log(`wrote ${target}`);
