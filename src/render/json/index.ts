/** The results view as the documented JSON: two-space indented, as `status --format json` prints and `build` writes. */
export function renderJson(view: Record<string, unknown>): string {
  return JSON.stringify(view, null, 2);
}
