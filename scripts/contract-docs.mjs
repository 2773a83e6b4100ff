// Writes docs/contract.schema.json and the key tables of docs/contract.md from the built schema
// (npm run docs:schema builds first). test/read/contract-docs.test.ts fails when they and the code differ.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { contractJsonSchema, withKeys } from "../dist/schema/contract-docs.js";

const docs = fileURLToPath(new URL("../docs/", import.meta.url));
writeFileSync(`${docs}contract.schema.json`, `${JSON.stringify(contractJsonSchema(), null, 2)}\n`);
writeFileSync(`${docs}contract.md`, withKeys(readFileSync(`${docs}contract.md`, "utf8")));
console.log(`wrote ${docs}contract.schema.json and ${docs}contract.md`);
