import * as z from "zod";
import { ResultsJsonSchema } from "./results-json.js";

/** docs/results.schema.json, made from the zod schema so the two cannot differ (`npm run docs:results` writes it; a test compares). */
export function resultsJsonSchema(): string {
  const schema = z.toJSONSchema(ResultsJsonSchema, { target: "draft-2020-12" });
  return `${JSON.stringify({ ...schema, $id: "https://github.com/kpi-report/kpi-report/docs/results.schema.json", title: "kpi-report results JSON, version 2" }, null, 2)}\n`;
}
