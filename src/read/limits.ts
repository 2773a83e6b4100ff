/**
 * How much of a file is read before it is refused. A return is a 20-50 KB workbook of about
 * 30 rows and 14 columns; every limit is far above that and far below what would hurt the
 * machine, so an honest return never meets one and a hostile file is stopped early.
 */
export const LIMITS = {
  /** Size on disk. */
  maxFileBytes: 20 * 1024 * 1024,
  /** Parts in the zip: a return has 10-20, a workbook with pictures a few dozen. */
  maxZipEntries: 1000,
  /** Bytes produced by inflating every part, counted as they come out, never taken from the zip's headers. */
  maxInflatedBytes: 32 * 1024 * 1024,
  /**
   * XML elements across all parts, about 4 per filled cell, counted before any part is parsed:
   * it bounds the parsing time and the shared strings held (the cells held are bounded by the
   * scanned rows and columns below).
   */
  maxXmlElements: 1_000_000,
  /**
   * How deep XML elements nest in one part. Excel's deepest (rich text in a cell, extension lists)
   * is about 10; the parser's cost grows with the square of the depth, so it is checked tag by tag.
   */
  maxXmlDepth: 100,
  /** Sheets in the workbook: a return has 3-4; each is a part read in full. */
  maxSheets: 100,
  /**
   * Characters of one cell's text: Excel's own limit. Longer text (which no spreadsheet program
   * writes) is kept only by its start and its length, so a 14-million-character string shared by
   * thousands of cells costs its bytes once, not once a cell.
   */
  maxCellText: 32_767,
  /** Merged ranges on one sheet: the validator checks each against the columns it reads. */
  maxMerges: 2000,
  /** Cells covered by merged ranges on one sheet, after cutting them to the scanned area. */
  maxMergedCells: 50_000,
  /** Rows and columns of a sheet that are scanned; data beyond them is reported, not read. */
  maxRows: 2000,
  maxColumns: 100,
} as const;

/** The largest row and column a spreadsheet can have (Excel's own limits). */
export const SHEET_BOUNDS = { rows: 1_048_576, columns: 16_384 } as const;
