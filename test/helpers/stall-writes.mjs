// Preloaded into a CLI run by interrupt.test.ts (node --import): the first time the run puts one of its
// temporary files in place (a rename or hard link of a .kpi-tmp file), it writes the file named by
// KPI_STALL_MARK and waits there for good, so the test can stop it at a moment when its temporary files
// are surely on disk, without guessing at times. Node's builtin modules' named exports follow the
// module object once syncBuiltinESMExports is called, so the bundle's imports see the wrapped calls.
import { writeFileSync } from "node:fs";
import fsp from "node:fs/promises";
import { syncBuiltinESMExports } from "node:module";

const mark = process.env.KPI_STALL_MARK;
for (const name of ["rename", "link"]) {
  const original = fsp[name];
  fsp[name] = async (from, to) => {
    if (mark && String(from).endsWith(".kpi-tmp")) {
      writeFileSync(mark, `${name} ${from}\n`);
      await new Promise(() => setInterval(() => undefined, 60_000));
    }
    return original(from, to);
  };
}
syncBuiltinESMExports();
