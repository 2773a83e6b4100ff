import type { RawWorkbook } from "../read/raw-workbook.js";
import type { Contract } from "../schema/contract.js";
import type { Month, MonthlyReturn } from "../schema/return.js";
import {
  CONTRACT_COPY_SHEET,
  COUNCIL_MSR_SHEET,
  DETAIL_FIELDS,
  MAX_COMPLIMENTS_LENGTH,
  SHEETS,
} from "../schema/workbook-layout.js";
import { finding } from "../findings/catalogue.js";
import { lookAlikeNote } from "../text/look-alike.js";
import { hasErrors, type Finding } from "../findings/finding.js";
import { readDetails } from "./details-sheet.js";
import { readKpiSheet } from "./kpi-sheet.js";
import { checkCouncilSheet } from "./council-fields.js";
import { checkMonth, checkTerm, monthFromFileName, type ExpectedMonth, type MonthBounds } from "./month.js";
import { findSheets, sheetNamed } from "./sheets.js";
import { wrongKind } from "./wrong-kind.js";

export interface ValidationOptions {
  /** The month the caller expects (--month, or the month a data folder files it under); another month is an error. */
  month?: Month;
  /** Where `month` came from, for the mismatch message, e.g. "given by --month". */
  monthSource?: string;
  /** The file's name: when no month is given, a YYYY-MM in the name is the month expected. */
  fileName?: string;
  /** The months a file can be for (monthBounds(today)); a month outside is an error. Unchecked when absent. */
  bounds?: MonthBounds;
}

export interface ValidationResult {
  /** Present only when there are no error findings: a return with errors is never judged. */
  value?: MonthlyReturn;
  /** The month the file says it is for, when it could be read, even if other things are wrong. */
  month?: Month;
  findings: Finding[];
}

/**
 * Raw cells in, a typed return and every finding out. Never throws for bad data. The return is
 * the supplier's word alone: anything in it that only the council may say is refused, and the
 * typed return has no place to carry it.
 */
export function validateReturn(
  workbook: RawWorkbook,
  contract: Contract,
  options: ValidationOptions = {},
): ValidationResult {
  const other = wrongKind(workbook, "return");
  if (other) return { findings: [other] };
  const { sheets, findings } = findSheets(
    workbook,
    { details: SHEETS.details, kpis: SHEETS.kpis },
    { known: [SHEETS.instructions, CONTRACT_COPY_SHEET], checkedElsewhere: [COUNCIL_MSR_SHEET] },
  );
  const details = sheets.details ? readDetails(sheets.details) : undefined;
  if (details) findings.push(...details.findings);
  const month = details
    ? checkMonth(
        details.values.month,
        details.cells.month,
        expectedMonth(options),
        findings,
        SHEETS.details,
        options.bounds,
      )
    : undefined;
  if (month) checkTerm(month, details?.cells.month, contract.term, findings);
  if (details?.values.contract !== undefined && details.values.contract !== contract.id) {
    findings.push(
      finding(
        "contract-mismatch",
        `The return is for contract ${JSON.stringify(details.values.contract)}, not ${JSON.stringify(contract.id)}${lookAlikeSuffix(details.values.contract, contract.id)}.`,
        {
          sheet: SHEETS.details,
          cell: details.cells.contract,
          found: details.values.contract,
          expected: contract.id,
        },
      ),
    );
  }
  const compliments = details?.values.compliments;
  if (compliments !== undefined && compliments.length > MAX_COMPLIMENTS_LENGTH) {
    findings.push(
      finding(
        "text-too-long",
        `${DETAIL_FIELDS.compliments} in ${details!.cells.compliments} is ${compliments.length.toLocaleString("en-GB")} characters long; the limit is ${MAX_COMPLIMENTS_LENGTH.toLocaleString("en-GB")}, as they print on one line of the schedule.`,
        {
          sheet: SHEETS.details,
          cell: details!.cells.compliments,
          found: `${compliments.length} characters`,
          expected: `at most ${MAX_COMPLIMENTS_LENGTH}`,
        },
      ),
    );
  }
  findings.push(...activeContent(workbook));
  const kpis = sheets.kpis ? readKpiSheet(sheets.kpis, contract) : undefined;
  if (kpis) findings.push(...kpis.findings);
  const councilSheet = sheetNamed(workbook, COUNCIL_MSR_SHEET);
  if (councilSheet) findings.push(...checkCouncilSheet(councilSheet));

  const result: ValidationResult = { findings };
  if (month) result.month = month;
  if (hasErrors(findings) || !details || !kpis || !month) return result;
  const value: MonthlyReturn = { contract: contract.id, month, kpis: kpis.rows };
  if (details.values.supplier !== undefined) value.supplier = details.values.supplier;
  if (details.values.preparedBy !== undefined) value.preparedBy = details.values.preparedBy;
  if (details.values.compliments !== undefined) value.compliments = details.values.compliments;
  result.value = value;
  return result;
}

export function expectedMonth(options: ValidationOptions): ExpectedMonth | undefined {
  if (options.month !== undefined)
    return { month: options.month, source: options.monthSource ?? "the month expected" };
  const fromName = options.fileName === undefined ? undefined : monthFromFileName(options.fileName);
  return fromName === undefined ? undefined : { month: fromName, source: "named in the file name" };
}

/** "; it only looks like ...: character 3 is U+0435", when the id given is a look-alike of the contract's. */
export function lookAlikeSuffix(typed: string, meant: string): string {
  const note = lookAlikeNote(typed, meant);
  return note ? `; ${note}` : "";
}

/** Macros and links to other workbooks: never run or followed here, but whoever opens the file in Excel is told. */
export function activeContent(workbook: RawWorkbook): Finding[] {
  const findings: Finding[] = [];
  const { macros = [], externalLinks = [] } = workbook.active ?? {};
  if (macros.length) {
    findings.push(
      finding(
        "workbook-macros",
        `The file holds macros (a VBA project, ${macros.join(", ")}), which no return needs; they are not run here, but Excel may offer to run them when the file is opened.`,
        { found: macros.join(", "), expected: "no macros" },
      ),
    );
  }
  if (externalLinks.length) {
    findings.push(
      finding(
        "workbook-external-link",
        `The file links to ${externalLinks.length === 1 ? "another workbook" : `${externalLinks.length} other workbooks`} (${externalLinks.join(", ")}); its values are read as saved, but Excel may offer to update them from the linked files when it is opened.`,
        { found: externalLinks.join(", "), expected: "no links to other workbooks" },
      ),
    );
  }
  return findings;
}
