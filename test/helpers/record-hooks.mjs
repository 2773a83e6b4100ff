// The loader hook record-modules.mjs registers: runs on the loader thread for every import, static or dynamic.
import { appendFileSync } from "node:fs";

const log = process.env.KPI_MODULE_LOG;

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (log) appendFileSync(log, `esm ${result.url}\n`);
  return result;
}
