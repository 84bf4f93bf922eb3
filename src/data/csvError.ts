import type { CsvError } from 'csv-parse';

/** Says what is wrong with a CSV row, in words an analyst can act on (rows of the wrong length, and a quote never closed: streamRecords.ts). */
export function describeCsvError(err: CsvError): string {
  switch (err.code) {
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE': // "say" hi: a space, then text
      return 'A quoted field has text after its closing quote (a quote inside a quoted field must be doubled: "").';
    case 'INVALID_OPENING_QUOTE':
      return 'A field that does not start with a quote has one inside it: put the whole field in quotes and double each quote inside it (He said "hi" there → "He said ""hi"" there").';
    default:
      return err.message;
  }
}
