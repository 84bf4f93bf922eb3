/**
 * Typed cells: turns a raw value from a data file into the type the manifest
 * declares, or says what was expected. Dates and times are always UTC; a time
 * without a timezone is refused, because its meaning would depend on the
 * machine that builds the site.
 */
import { isoParse, utcFormat, utcParse } from 'd3-time-format';
import type { ColumnType } from './manifest.ts';
import type { Cell } from './types.ts';
import { zonedTime } from './zone.ts';

/**
 * `notIso`: a time (read without a format) that is not ISO 8601 at all, such as "07/03/2024 12:00"; `notFormat`: a
 * time that a manifest's format does not read at all (not one it reads that does not exist); `rolledOver`: one the
 * format reads that does not exist (30 February, which d3 would roll over to 1 March) or whose day or month names
 * disagree with its numbers.
 */
export type CellResult =
  | { ok: true; value: Cell }
  | { ok: false; expected: string; inexact?: true; notIso?: true; notFormat?: true; rolledOver?: true };

/** A whole number past 2^53 − 1: JSON and Number() round it as they read it, so two ids can become one. */
const inexact = (n: number) => Number.isInteger(n) && !Number.isSafeInteger(n);

/** A whole number: digits, or digits and a decimal point with only zeros after it (2503.0, as pandas writes an integer column with blanks). */
const INTEGER = /^[-+]?\d+(?:\.0*)?$/;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
/** A number with a decimal comma, digits grouped or not by points or spaces: 0,62, 12,5, 1.234,5, 1 234,5. */
const DECIMAL_COMMA = /^[-+]?(?:\d+|\d{1,3}(?:([. \u00a0\u202f])\d{3})(?:\1\d{3})*),\d+$/;
/** What reads as a thousands separator as well: 1,234 and 123,456 are a decimal comma or an English grouping. */
const THOUSANDS = /^[-+]?[1-9]\d{0,2},\d{3}$/;

/**
 * Whether a number cell that failed is written with a decimal comma, as spreadsheets write numbers in French, German,
 * Spanish… settings. Decided: such a cell is refused, not read, since a comma is a thousands separator in English
 * ("1,234" is 1234 there and 1.234 in Germany) and the file cannot say which its author meant; only the shapes that
 * cannot be a grouping (0,62; 12,5; 1,2345; 1.234,5) are said to be a decimal comma, so that the message's advice is
 * right. Run on a refused cell only, never per row.
 */
export const isDecimalComma = (text: string): boolean => {
  const t = text.trim();
  return DECIMAL_COMMA.test(t) && !THOUSANDS.test(t);
};
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const NAME_THE_ZONE =
  'an ISO date-time with a timezone (e.g. 2016-07-12T18:04:31Z; for times written without one, name their zone in the manifest: time: { column: …, zone: Europe/London })';
/** What a `datetime` column's time without a zone should have been: such a column has no `zone` to name. */
const COLUMN_TIME_WITH_ZONE =
  'an ISO date-time with a timezone (e.g. 2016-07-12T18:04:31Z; a datetime column has no zone to name in the manifest, so write each time\'s in: "Z" after it if the times are UTC, else its offset, such as +01:00; or declare the column string)';
/** An ISO date-time without a zone: read in a manifest's `zone` only. */
const LOCAL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(:\d{2}(\.\d+)?)?$/;
/**
 * What a social export's time without a zone should have been. Not {@link NAME_THE_ZONE}: a social export has no
 * field mapping to name a zone in, and needs none, since the platforms' APIs (Mastodon's, Bluesky's, X's v2) always
 * write "Z" or an offset: a time without one was not written by the API.
 */
export const EXPORT_TIME_WITH_ZONE =
  'an ISO date-time with a timezone (e.g. 2024-07-01T10:00:00.000Z; the platform\'s API always writes "Z" or an offset, so a time without one was edited, or written by a tool other than the API, such as a spreadsheet saving the file again: export it again from the API, or if its times are UTC, add "Z" to each)';

/** Whether `raw` is an ISO date-time without a zone (2024-07-01T10:00:00), which only a manifest's `zone` reads. */
export const isZonelessTime = (raw: string): boolean => LOCAL_DATETIME.test(raw.trim());

const EXPECTED: Record<ColumnType, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  date: 'an ISO date (YYYY-MM-DD)',
  datetime: 'an ISO date-time with a timezone (e.g. 2016-07-12T18:04:31Z)',
  boolean: 'true or false',
};

export function expectedFor(type: ColumnType): string {
  return EXPECTED[type];
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether year-month-day exists in the proleptic Gregorian calendar (arithmetic only: this runs for every row). */
function validCalendarDay(year: string, month: string, day: string): boolean {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : (DAYS_IN_MONTH[m - 1] as number));
}

/** For a value shaped like a date whose day is not in the calendar (2025-02-30): say that, not the format. */
const noSuchDay = (year: string, month: string, day: string) =>
  ({ ok: false, expected: `a day that exists in the calendar (there is no ${year}-${month}-${day})` }) as const;

const isEmpty = (raw: unknown) => raw === null || raw === undefined || raw === '';

/** Parses a raw value as `type`. Empty input gives `null`; the caller decides whether that is allowed. */
export function parseCell(raw: unknown, type: ColumnType): CellResult {
  if (isEmpty(raw)) return { ok: true, value: null };
  const fail = { ok: false, expected: EXPECTED[type] } as const;
  switch (type) {
    case 'string':
      if (typeof raw === 'number' && inexact(raw)) return { ...fail, inexact: true };
      return typeof raw === 'object' ? fail : { ok: true, value: String(raw) };
    case 'integer': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && INTEGER.test(raw.trim()) ? Number(raw) : Number.NaN;
      if (inexact(n)) return { ...fail, inexact: true };
      return Number.isInteger(n) ? { ok: true, value: n } : fail;
    }
    case 'number':
      if (typeof raw === 'number') return Number.isFinite(raw) ? { ok: true, value: raw } : fail;
      return typeof raw === 'string' && NUMBER.test(raw.trim()) ? { ok: true, value: Number(raw) } : fail;
    case 'boolean':
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      if (typeof raw === 'string' && /^(true|false)$/i.test(raw.trim())) {
        return { ok: true, value: raw.trim().toLowerCase() === 'true' };
      }
      return fail;
    case 'date': {
      const m = typeof raw === 'string' ? DATE.exec(raw.trim()) : null;
      if (!m) return fail;
      if (!validCalendarDay(m[1] as string, m[2] as string, m[3] as string))
        return noSuchDay(m[1] as string, m[2] as string, m[3] as string);
      return { ok: true, value: new Date(`${m[0]}T00:00:00Z`) };
    }
    case 'datetime': {
      // A typed column has no `zone` to name (only a posts dataset's `time` does): the times need theirs written in.
      const parsed = parseTime(raw);
      return !parsed.ok && parsed.expected === NAME_THE_ZONE ? { ok: false, expected: COLUMN_TIME_WITH_ZONE } : parsed;
    }
  }
}

/**
 * What {@link exactTimeParser} gives: the time, or, for a time that does not exist, what it would roll over to, or
 * (`offset`) the offset no zone has that it was written with.
 */
export type ExactTime = { ok: true; date: Date } | { ok: false; rolledTo?: string; misnamed?: true; offset?: string };

// A zone as d3-time-format's %Z reads it: Z, ±hh, ±hhmm or ±hh:mm.
const ZONE = /Z|[+-]\d\d(?::?\d\d)?/g;
const DIGITS = /\d+/g;

function zoneMinutes(zone: string): number {
  if (zone === 'Z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
}

/**
 * Whether an offset (Z, ±hh, ±hhmm or ±hh:mm) is one a time zone has: -12:00 to +14:00, with minutes under 60.
 * Decided: that range, not the ±23:59 that ISO 8601 and RFC 3339 can write (nor the ±99:99 d3's %Z reads, +2500 and
 * +0099 included): no zone's clock in Node's time zone database has been outside it since 1900 (-12:00 is
 * Etc/GMT+12, and was Kwajalein's until 1993; +14:00 is Kiribati's Line Islands'), so a time written +18:00 or
 * +25:00 was mistyped or mangled, and read as written it would be hours off without a word. The same range for ISO
 * times and a format's %Z.
 */
function realOffset(zone: string): boolean {
  if (zone === 'Z') return true;
  const minutes = zoneMinutes(zone);
  return Number(zone.slice(1).replace(':', '').slice(2) || 0) < 60 && minutes >= -12 * 60 && minutes <= 14 * 60;
}

/** For a time whose offset no time zone has ({@link realOffset}): say so, and the range read. */
export const noSuchOffset = (zone: string) =>
  `a time whose offset from UTC is one a time zone has, from -12:00 to +14:00 (there is no ${zone})`;

/** The numbers written in a time, in order: what must survive a round trip. */
const numbersIn = (text: string) => Array.from(text.matchAll(DIGITS), (m) => m[0]);
const WORDS = /[a-z]+/gi;
/** The words written in a time (day and month names, AM/PM, literals), in order and lower case. */
const wordsIn = (text: string) => Array.from(text.matchAll(WORDS), (m) => m[0].toLowerCase()).join(' ');

/**
 * A parser for times in a d3-time-format `format` that refuses times not in the
 * calendar. d3's parser is lenient: with "%d/%m/%Y %H:%M", "30/02/2016 10:00"
 * is 1 March and "12/06/2016 25:30" is 13 June 01:30. So the parsed time is
 * written back in the same format (in the zone the text gave, when the format
 * has %Z) and its numbers must be the numbers the text holds ("1/7/2016" and
 * "01/07/2016" are the same day; "%f"'s microseconds keep only milliseconds).
 * A format with names (%a, %A, %b, %B, %p) must also write back the text's
 * words, apart from case: d3 reads "Tue Jul 13 2016" as 13 July and ignores
 * that it was a Wednesday, so one of the two is wrong and the row is refused
 * (`misnamed`) rather than guessed.
 */
export function exactTimeParser(format: string): (text: string) => ExactTime {
  const parse = utcParse(format);
  const micro = format.includes('%f');
  const sameNumber = (a: string, b: string) =>
    Number(a) === Number(b) || (micro && a.length === 6 && b.length === 6 && a.slice(0, 3) === b.slice(0, 3));
  const sameNumbers = (text: string, written: string) => {
    const a = numbersIn(text);
    const b = numbersIn(written);
    return a.length === b.length && a.every((x, i) => sameNumber(x, b[i] as string));
  };
  const named = /%[aAbBp]/.test(format);
  const sameWords = (text: string, written: string) => !named || wordsIn(text) === wordsIn(written);
  const plain = format.includes('%Z') ? undefined : utcFormat(format);
  // The format with a zone written in, compiled once per zone a file uses (not once per row).
  const zoned = new Map<string, (date: Date) => string>();
  const writeIn = (zone: string) => {
    let write = zoned.get(zone);
    if (!write) {
      write = utcFormat(format.replaceAll('%Z', zone));
      zoned.set(zone, write);
    }
    return write;
  };
  return (text) => {
    const date = parse(text);
    if (!date) return { ok: false };
    if (plain) {
      const written = plain(date);
      if (!sameNumbers(text, written)) return { ok: false, rolledTo: written };
      return sameWords(text, written) ? { ok: true, date } : { ok: false, rolledTo: written, misnamed: true };
    }
    // The text's own zone: the one whose local time writes back the text's numbers.
    let written = '';
    for (const [zone] of text.matchAll(ZONE)) {
      written = writeIn(zone)(new Date(date.getTime() + zoneMinutes(zone) * 60_000));
      if (!sameNumbers(text, written)) continue;
      if (!realOffset(zone)) return { ok: false, offset: zone };
      return sameWords(text, written) ? { ok: true, date } : { ok: false, rolledTo: written, misnamed: true };
    }
    return written ? { ok: false, rolledTo: written } : { ok: false };
  };
}

// One parser per format: a manifest's time format is parsed once, not once per row.
const parsers = new Map<string, (text: string) => ExactTime>();
const parserFor = (format: string) => {
  let parser = parsers.get(format);
  if (!parser) {
    parser = exactTimeParser(format);
    parsers.set(format, parser);
  }
  return parser;
};

/** For a time in `format` that does not exist: say so, and what it would have become; or, `misnamed`, that its names disagree with its numbers. */
export const noSuchTime = (format: string, rolledTo: string, text = '', misnamed = false) =>
  misnamed
    ? `a time in the format "${format}" whose day and month names agree with its numbers (by its numbers it is "${rolledTo}")`
    : `a time in the format "${format}" that exists in the calendar (read leniently, this one would roll over to "${rolledTo}"${
        // d3's %f reads up to six digits as microseconds: ".123" is 123 µs, not 123 ms. Said when the text's fraction
        // is not six digits, the likely cause; not for a 30 February.
        format.includes('%f') && !/[.,]\d{6}(?!\d)/.test(text) ? '; "%f" reads microseconds, six digits: for milliseconds, use "%L"' : ''
      })`;

/** `format` with its day (%d or %e) and month (%m) the other way round, or undefined when it has not both. */
export function dayMonthSwapped(format: string): string | undefined {
  if (!/%[de]/.test(format) || !format.includes('%m')) return undefined;
  return format.replace(/%([dem])/g, (_, c: string) => (c === 'm' ? '%d' : '%m'));
}

/**
 * A time written in `format`, for a message to show what its directives read by example: Friday 15 July 2016,
 * 16:04:05.006, at +01:00 where it has %Z (written with the colon, as most exports write offsets). Its numbers all
 * differ, so which is the day, the month or the hour can be told.
 */
export const timeInFormat = (format: string): string =>
  utcFormat(format.replaceAll('%Z', '+01:00'))(new Date(Date.UTC(2016, 6, 15, 16, 4, 5, 6)));

/**
 * Parses an ISO 8601 date-time that carries a timezone (Z or ±hh:mm), or a time in `format` (d3-time-format). With
 * `zone` (an IANA name), a time without an offset is the clock time there ({@link zonedTime}); an ISO time that
 * carries its own offset keeps it.
 */
export function parseTime(raw: unknown, format?: string, zone?: string): CellResult {
  if (typeof raw !== 'string') return { ok: false, expected: format ? `a time like "${format}"` : EXPECTED.datetime };
  const text = raw.trim();
  if (format) {
    const parsed = parserFor(format)(text);
    if (parsed.ok) return zone ? inZone(parsed.date.getTime(), zone) : { ok: true, value: parsed.date };
    if (parsed.offset) return { ok: false, expected: noSuchOffset(parsed.offset) };
    if (parsed.rolledTo) return { ok: false, expected: noSuchTime(format, parsed.rolledTo, text, parsed.misnamed), rolledOver: true };
    return { ok: false, expected: `a time in the format "${format}"`, notFormat: true };
  }
  const local = zone ? LOCAL_DATETIME.exec(text) : null;
  const m = local ?? DATETIME.exec(text);
  if (!m) {
    if (zone) return { ok: false, expected: `an ISO date-time (e.g. 2016-07-12 18:04:31), read in ${zone}`, notIso: true };
    // A time without a zone is refused (its meaning would depend on the building machine), but the fix is one line.
    return LOCAL_DATETIME.test(text) ? { ok: false, expected: NAME_THE_ZONE } : { ok: false, expected: EXPECTED.datetime, notIso: true };
  }
  if (!validCalendarDay(m[1] as string, m[2] as string, m[3] as string)) return noSuchDay(m[1] as string, m[2] as string, m[3] as string);
  // JavaScript reads 24:00 as the next day's midnight, and 10:60 as 11:00: a clock time past 23:59:59 is refused.
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]?.slice(1, 3) ?? 0) > 59)
    return { ok: false, expected: `a time of day from 00:00:00 to 23:59:59 (there is no ${m[4]}:${m[5]}${m[6]?.slice(0, 3) ?? ''})` };
  // An offset no zone has (+25:00) is refused as that: the time has a timezone, and is ISO 8601 (Date refuses past ±23:59).
  if (!local && !realOffset(m[8] as string)) return { ok: false, expected: noSuchOffset(m[8] as string) };
  const date = isoInstant(m, local !== null) ?? isoParse(local ? `${text.replace(' ', 'T')}Z` : text.replace(' ', 'T'));
  if (!date || Number.isNaN(date.getTime())) return { ok: false, expected: EXPECTED.datetime };
  return local && zone ? inZone(date.getTime(), zone) : { ok: true, value: date };
}

/**
 * The instant of an ISO date-time that DATETIME (or, `local`, LOCAL_DATETIME, read as UTC) matched and whose day and
 * clock time were checked, from its parts by Date.UTC rather than by reading its text a second time with `isoParse`
 * (the platform's Date parser, the largest part of the time a streamed post takes to type): the same instant, its fraction
 * cut to milliseconds as that parser cuts it (tests/data/cell.test.ts compares the two over many times), its offset
 * one {@link realOffset} allows. `undefined` for what is left to isoParse: years before 100, which Date.UTC reads as 19xx.
 */
function isoInstant(m: RegExpExecArray, local: boolean): Date | undefined {
  const year = Number(m[1]);
  if (year < 100) return undefined;
  const offset = local ? 0 : zoneMinutes(m[8] as string);
  const seconds = m[6] === undefined ? 0 : Number(m[6].slice(1, 3));
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(1, 4).padEnd(3, '0'));
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), seconds, ms) - offset * 60_000);
}

const DAY_MONTH_YEAR = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:([ T])\d{1,2}:\d{2}(:\d{2})?)?$/;

/**
 * Whether text that is not ISO 8601 still looks like a time written some other way ("07/03/2024 12:00",
 * "Wed Aug 27 13:08:45 +0000 2008", "7 March 2024"): letters, digits, spaces and a date's punctuation only, with
 * at least two runs of digits. A word or a stray cell ("yesterday", a pasted escape sequence) does not.
 */
export const looksLikeTime = (text: string): boolean => /^[\p{L}\d\s/:.,+-]+$/u.test(text.trim()) && /\d\D+\d/.test(text);

/**
 * The d3-time-format specifier a spreadsheet's day/month/year time ("07/03/2024 12:00") is written in, for a
 * message to offer: day first unless the day cannot be (a first number over 12), with `monthFirst` too when either
 * could be, since the text cannot say which (07/03 is 7 March in Britain and July 3 in the United States).
 * `undefined` for other shapes, whose format is not guessed.
 */
export function timeFormatLike(text: string): { format: string; monthFirst?: string } | undefined {
  const m = DAY_MONTH_YEAR.exec(text.trim());
  if (!m) return undefined;
  const [, first, sep, second, year, t, seconds] = m as unknown as string[];
  const date = (a: string, b: string) =>
    `${a}${sep}${b}${sep}${year?.length === 4 ? '%Y' : '%y'}${t === undefined ? '' : `${t}%H:%M${seconds === undefined ? '' : ':%S'}`}`;
  if (Number(first) > 12) return { format: date('%d', '%m') };
  if (Number(second) > 12) return { format: date('%m', '%d') };
  return { format: date('%d', '%m'), monthFirst: date('%m', '%d') };
}

/** A clock time read (coded as UTC) as the time it is in `zone`, or the hour the clocks skipped there. */
function inZone(reading: number, zone: string): CellResult {
  const zoned = zonedTime(reading, zone);
  if (zoned.ok) return { ok: true, value: new Date(zoned.time) };
  return { ok: false, expected: `a time that exists in ${zone} (the clocks went forward over this one)` };
}
