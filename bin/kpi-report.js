#!/usr/bin/env node
// The esbuild bundle of src/cli.ts (scripts/bundle.mjs); dist/cli.js is the same code unbundled.
import "../dist/bundle/cli.js";
