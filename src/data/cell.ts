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
export function exactTimeParser(format: string, fast = true): (text: string) => ExactTime {
  const parse = utcParse(format);
  const accepts = fast ? fastAcceptor(format) : undefined;
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
    // Most rows are times that exist: said so without writing them back (fastAcceptor), the rest checked below.
    if (accepts?.(text, date.getTime())) return { ok: true, date };
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

/** The names d3-time-format reads and writes (its default locale's), taken from d3 itself: 1 January 2017 was a Sunday. */
const NAMES: Record<string, string[]> = (() => {
  const list = (directive: string, n: number, at: (i: number) => number) =>
    Array.from({ length: n }, (_, i) => utcFormat(directive)(new Date(at(i))));
  const day = (i: number) => Date.UTC(2017, 0, 1 + i);
  const month = (i: number) => Date.UTC(2017, i, 1);
  return {
    a: list('%a', 7, day),
    A: list('%A', 7, day),
    b: list('%b', 12, month),
    B: list('%B', 12, month),
    p: list('%p', 2, (i) => Date.UTC(2017, 0, 1, 12 * i)),
  };
})();
/** The most digits d3-time-format's parser reads for each number directive fastAcceptor knows. */
const WIDTH: Record<string, number> = { Y: 4, y: 2, m: 2, d: 2, e: 2, H: 2, I: 2, M: 2, S: 2, L: 3 };
/** Directives that set the same field: a format with two of one set is left to the round trip. */
const SAME_FIELD = ['Yy', 'mbB', 'de', 'HI', 'aA'];
const DAY_MS = 86_400_000;
/** A name in any case, as d3 reads names ([Jj][Aa][Nn]), without a case-insensitive flag that would reach the literals. */
const anyCase = (name: string) => Array.from(name, (c) => `[${c.toUpperCase()}${c.toLowerCase()}]`).join('');
const escapeLiteral = (c: string) => c.replace(/[\\^$*+?.()|[\]{}/-]/g, '\\$&');
const ZONE_BEFORE = /Z|[+-]\d\d(?::?\d\d)?/g;
/**
 * A zone's runs of digits as numbers ("+05:30" → "5:30", "+0530" → "530", "-05" → "5", "Z" → ""): two zones whose
 * runs are these write back the same numbers, as the round trip compares them (numbersIn, Number).
 */
const zoneRuns = (zone: string) =>
  zone === 'Z' ? '' : zone[3] === ':' ? `${Number(zone.slice(1, 3))}:${Number(zone.slice(4))}` : String(Number(zone.slice(1)));

/**
 * A quick yes for a time `exactTimeParser`'s round trip would accept, for the formats most exports use, or
 * `undefined` for a format it does not know (then every row takes the round trip). Why: writing each row back with
 * d3's formatter, and trying each ±hh in the text as its zone (in "2026-01-05 08:13:22 +0530", "-01" and "-05" come
 * before "+0530"), took three quarters of the time a formatted file took to read.
 *
 * d3's parser stays the parser of record: the time given is d3's `Date`. This only says yes or "ask the round trip",
 * never no. It reads the text again with a regular expression compiled once from the format (number directives,
 * names, %Z, literals), then says yes only when
 * - every field is one a time has (month 1–12, a day in that month, hour ≤ 23, 1–12 for %I, minute and second ≤ 59),
 *   so the time written back has the text's very numbers;
 * - a day name is that date's, so the words written back are the text's (month names and AM/PM set the fields);
 * - the offset is one a zone has ({@link realOffset});
 * - the instant those fields make (Date.UTC, less the offset) is the one d3 read: a text d3 read otherwise (a number
 *   after spaces, which d3 allows) goes to the round trip;
 * - no ±hh before the zone could pass for it (same digits, another sign), which the round trip would try first.
 * For that, number directives are separated by a non-digit (so each is a run of digits of its own, as the round
 * trip compares them), %Z is not followed by a digit or ":", and formats with literal digits, %f, week, day-of-year,
 * quarter or epoch directives, two directives for one field, %p without %I or %I with %H are left to the round trip,
 * as are years before 100 (Date.UTC reads them as 19xx). tests/data/cell.test.ts compares the two over many times.
 */
export function fastAcceptor(format: string): ((text: string, time: number) => boolean) | undefined {
  let source = '';
  const groups: string[] = [];
  // What the last part ends with: a number directive's digits, a zone's (Z or digits), or something else.
  let last: 'digits' | 'zone' | 'other' = 'other';
  let signBeforeZone = false;
  for (let i = 0; i < format.length; i++) {
    const c = format[i] as string;
    if (c !== '%') {
      if (/\d/.test(c) || (last === 'zone' && c === ':')) return undefined;
      if (!groups.includes('Z') && (c === '+' || c === '-' || c === 'Z')) signBeforeZone = true;
      source += escapeLiteral(c);
      last = 'other';
      continue;
    }
    let d = format[++i];
    if (d !== undefined && '-_0'.includes(d)) d = format[++i];
    if (d === undefined || groups.includes(d)) return undefined;
    const width = WIDTH[d];
    const names = NAMES[d];
    if (width) {
      if (last !== 'other') return undefined;
      source += `(\\d{1,${width}})`;
      last = 'digits';
    } else if (names) {
      source += `(${names.map(anyCase).join('|')})`;
      last = 'other';
    } else if (d === 'Z') {
      // The text before the zone is captured too: its ±hh are what the round trip tries first.
      source = `(${source})(Z|[+-]\\d\\d(?::?\\d\\d)?)`;
      groups.unshift('before');
      last = 'zone';
    } else return undefined;
    groups.push(d);
  }
  if (SAME_FIELD.some((set) => groups.filter((g) => set.includes(g)).length > 1)) return undefined;
  if (groups.includes('p') && !groups.includes('I')) return undefined;
  const re = new RegExp(`^${source}$`);
  // Each directive's capture group (0: not in the format).
  type Directive = 'Y' | 'y' | 'm' | 'b' | 'B' | 'd' | 'e' | 'H' | 'I' | 'p' | 'M' | 'S' | 'L' | 'a' | 'A' | 'Z' | 'before';
  const group = Object.fromEntries([...'YymbBdeHIpMSLaAZ', 'before'].map((d) => [d, groups.indexOf(d) + 1])) as Record<Directive, number>;
  const {
    Y: iY,
    y: iy,
    m: im,
    b: ib,
    B: iB,
    d: id,
    e: ie,
    H: iH,
    I: iI,
    p: ip,
    M: iM,
    S: iS,
    L: iL,
    a: ia,
    A: iA,
    Z: iZ,
    before: iBefore,
  } = group;
  const lookup = (list: string[]) => new Map(list.map((name, i) => [name.toLowerCase(), i]));
  const [months, shortMonths, days, shortDays, periods] = [NAMES.B, NAMES.b, NAMES.A, NAMES.a, NAMES.p].map((l) =>
    lookup(l as string[]),
  ) as Map<string, number>[];
  const field = (m: RegExpExecArray, i: number, names?: Map<string, number>) =>
    names ? (names.get((m[i] as string).toLowerCase()) as number) : Number(m[i]);
  return (text, time) => {
    const m = re.exec(text);
    if (!m) return false;
    let year = 1900;
    if (iY) year = field(m, iY);
    else if (iy) {
      const y = field(m, iy);
      year = y + (y > 68 ? 1900 : 2000);
    }
    const month = im ? field(m, im) : ib ? field(m, ib, shortMonths) + 1 : iB ? field(m, iB, months) + 1 : 1;
    const day = id ? field(m, id) : ie ? field(m, ie) : 1;
    let hour = iH ? field(m, iH) : 0;
    if (iI) {
      const h = field(m, iI);
      if (h < 1 || h > 12) return false;
      hour = ip ? (h % 12) + 12 * field(m, ip, periods) : h;
    }
    const minute = iM ? field(m, iM) : 0;
    const second = iS ? field(m, iS) : 0;
    if (year < 100 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    if (day > (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number))) return false;
    const clock = Date.UTC(year, month - 1, day, hour, minute, second, iL ? field(m, iL) : 0);
    // 1 January 1970 was a Thursday (4).
    const weekday = (((Math.floor(clock / DAY_MS) + 4) % 7) + 7) % 7;
    if ((ia && field(m, ia, shortDays) !== weekday) || (iA && field(m, iA, days) !== weekday)) return false;
    if (!iZ) return clock === time;
    const zone = m[iZ] as string;
    if (!realOffset(zone) || clock - zoneMinutes(zone) * 60_000 !== time) return false;
    if (signBeforeZone) {
      const before = m[iBefore] as string;
      const runs = zoneRuns(zone);
      ZONE_BEFORE.lastIndex = 0;
      for (let z = ZONE_BEFORE.exec(before); z; z = ZONE_BEFORE.exec(before)) if (z[0] !== zone && zoneRuns(z[0]) === runs) return false;
    }
    return true;
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
