import type { CsvError } from 'csv-parse';

/** Says what is wrong with a CSV row, in words an analyst can act on. */
export function describeCsvError(err: CsvError, header: readonly string[] | undefined): string {
  switch (err.code) {
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const got = Array.isArray(err.record) ? err.record.length : undefined;
      return `This row has ${got ?? 'a different number of'} fields, but the header has ${header?.length ?? 'another number'}.`;
    }
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'A quoted field has text after its closing quote (a quote inside a quoted field must be doubled: "").';
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'A quoted field is opened but never closed.';
    default:
      return err.message;
  }
}
