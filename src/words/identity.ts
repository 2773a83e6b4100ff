import type { Contract } from "../schema/contract.js";
import type { Month } from "../schema/return.js";
import { monthLabel } from "./months.js";

/**
 * Who and what the document is about, in words taken from the contract alone: the council, the
 * supplier, the contract and the month, and the committee when the contract names one. It opens
 * the first page (whichever section that is) and each appendix, so a page lifted into an agenda
 * pack still says whose figures these are. Nothing here assumes what kind of service is bought.
 */
export function identityLine(contract: Contract, month: Month): string {
  return [
    `Council: ${contract.council}.`,
    `Supplier: ${contract.supplier}.`,
    `Contract: ${contract.title}.`,
    `Month reported: ${monthLabel(month)}.`,
    ...(contract.committee ? [`For the ${contract.committee}.`] : []),
  ].join(" ");
}
