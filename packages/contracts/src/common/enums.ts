// Plain value lists shared by every app's downloads: no zod here, so a web screen that only offers the
// choices does not pull zod into its chunk (as hr/enums.ts for the HR lists).

/** A CSV download's encoding: UTF-8 with BOM, or Shift_JIS (CP932) for older Excel. */
export const CSV_ENCODINGS = ['utf8', 'cp932'] as const;
export type TCsvEncoding = (typeof CSV_ENCODINGS)[number];

/** A download as CSV (UTF-8 with BOM, or Shift_JIS) or as an Excel workbook. */
export const FILE_FORMATS = [...CSV_ENCODINGS, 'xlsx'] as const;
export type TFileFormat = (typeof FILE_FORMATS)[number];
