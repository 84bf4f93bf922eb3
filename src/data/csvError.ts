import type { CsvError } from 'csv-parse';
import { isDecimalComma } from './cell.ts';

/** A quoted field that ran over line ends: the line its quote opened on, and the last line it took in. */
export interface QuoteSpan {
  opened: number;
  last: number;
}

/**
 * Says what is wrong with a CSV row, in words an analyst can act on (rows of the wrong length, and a quote never
 * closed: streamRecords.ts). `span`: a quoted field the row's error came after, which ran over line ends.
 */
export function describeCsvError(err: CsvError, span?: QuoteSpan): string {
  return `${reason(err)}${spanSaid(span)}`;
}

function reason(err: CsvError): string {
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

/**
 * " The quote opened on line 2 runs on to line 4: lines 3–4 were read as part of one field (a stray quote on line
 * 2?)." A quote left open at a line's end takes in the lines after it, which look like rows and are not read as rows:
 * the message names them, since the row's own line does not show them. Nothing without a span.
 */
export function spanSaid(span: QuoteSpan | undefined): string {
  if (span === undefined) return '';
  const { opened, last } = span;
  const taken = opened + 1 === last ? `line ${last} was` : `lines ${opened + 1}–${last} were`;
  return ` The quote opened on line ${opened} runs on to line ${last}: ${taken} read as part of one field (a stray quote on line ${opened}?).`;
}

/**
 * " Fields 3 and 4 ("0" and "62") may be one number written with a decimal comma, 0,62: …" For a row of a
 * comma-separated file with more fields than its header, two neighbouring fields that read as one number with a
 * decimal comma (cell.ts, isDecimalComma: 0,62, 12,5, not 1,234, which may be a thousands separator) when joined: a
 * spreadsheet in French, German or Spanish settings writes numbers so, and unquoted they split in two. A question, not
 * a finding: two number columns side by side can look the same. Nothing for another delimiter or no such pair.
 */
export function decimalCommaSaid(fields: readonly string[], columns: number, delimiter: string): string {
  if (delimiter !== ',' || fields.length <= columns) return '';
  for (let i = 0; i + 1 < fields.length; i++) {
    const [a, b] = [fields[i] as string, fields[i + 1] as string];
    if (/^[-+]?\d+$/.test(a) && /^\d+$/.test(b) && isDecimalComma(`${a},${b}`))
      return ` Fields ${i + 1} and ${i + 2} ("${a}" and "${b}") may be one number written with a decimal comma, ${a},${b}, as a spreadsheet writes numbers in French, German or Spanish settings: unquoted, it splits in two. Soundings reads only a decimal point (a comma also separates thousands): export the file again with "." as the decimal separator, or replace such commas with points.`;
  }
  return '';
}

/**
 * The span of a row csv-parse read whole (its `fields`, from line `first` to line `last`) that ran over line ends: its
 * first field holding a line break opened its quote on the row's first line, since no field before it holds one.
 * Undefined for a row on one line. Only on a row already refused.
 */
export function rowQuoteSpan(fields: readonly string[], first: number, last: number): QuoteSpan | undefined {
  return last > first && fields.some((field) => /[\r\n]/.test(field)) ? { opened: first, last } : undefined;
}
