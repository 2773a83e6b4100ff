/** How a command's own line is marked on the terminal: stops and warnings are named as kpi-report's. */
export const stopLine = (text: string) => `kpi-report: ${text}`;
export const warningLine = (text: string) => `kpi-report: warning: ${text}`;
/** "Wrote out/x.pdf": a file written. */
export const wroteLine = (path: string) => `Wrote ${path}`;
/** " --data data2" when the data folder was given by --data, so a suggested command works as printed. */
export const dataFlag = (given: boolean, dir: string) => (given ? ` --data ${dir}` : "");
/** "the return" or "the returns", "file" or "files": a noun for one or several. */
export const plural = (count: number, one: string) => `${one}${count > 1 ? "s" : ""}`;
