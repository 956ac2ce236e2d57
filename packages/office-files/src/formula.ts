// Formula injection (ASVS 1.2.10): a cell a spreadsheet would run as a formula is written with a
// leading apostrophe, in CSV and XLSX alike, and read back without it.

const FORMULA_START = /^[=+\-@\t\r\0]/;
const ESCAPED_FORMULA = /^'[=+\-@\t\r\0]/;

/** A cell that a spreadsheet would run as a formula gets a leading apostrophe. */
export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The import's inverse of escapeFormula: a file we exported comes back as it was. */
export function unescapeFormula(value: string): string {
  return ESCAPED_FORMULA.test(value) ? value.slice(1) : value;
}
