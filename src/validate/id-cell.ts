import { compareIds, type Id, ID_TEXT, idKey } from "../schema/id.js";

/** What a cell of a KPI or MSR column names: one of the contract's ids, an id it lacks, or no id at all. */
export type CellId = { id: Id } | { unknown: string } | { invalid: true };

/**
 * Ids of one kind (KPI or MSR) as a return's column is matched to them: as people type them ("7",
 * "7.0", "KPI 7", "kpi 3a", " PI-07 "), whatever the case and leading zeros (idKey), so a
 * General cell that turned "07" into 7 still finds KPI 07.
 */
export class IdColumn {
  readonly #byKey: ReadonlyMap<string, Id>;
  readonly #prefix: RegExp;
  readonly ids: readonly Id[];

  constructor(
    readonly what: "KPI" | "MSR",
    ids: readonly Id[],
  ) {
    this.ids = [...ids].sort(compareIds);
    this.#byKey = new Map(this.ids.map((id) => [idKey(id), id]));
    this.#prefix = new RegExp(`^${what}\\s*`, "i");
  }

  read(cellText: string): CellId {
    const text = cellText.trim();
    const bare = text.replace(this.#prefix, "").replace(/^(\d+)\.0+$/, "$1");
    for (const typed of [text, bare]) {
      const id = this.#byKey.get(idKey(typed));
      if (id !== undefined) return { id };
    }
    // Ids carry a digit ("3a", "PI-07"); a word such as "Total" is a row that is not a KPI's.
    return ID_TEXT.test(bare) && /\d/.test(bare) && bare.length <= 20 ? { unknown: bare } : { invalid: true };
  }

  /** What a cell should hold, for a finding: "a KPI from 1 to 27", or "no MSR: the contract has none". */
  range(): string {
    const [first, last] = [this.ids[0], this.ids[this.ids.length - 1]];
    if (first === undefined) return `no ${this.what}: the contract has none`;
    return first === last
      ? `${this.what} ${first}`
      : `${this.what === "KPI" ? "a" : "an"} ${this.what} from ${first} to ${last}`;
  }

  /** An example id for a finding's "e.g.". */
  example(): Id {
    return this.ids[0] ?? 1;
  }
}
