/**
 * The house number formats. Every figure a post prints goes through here, so
 * the site writes "79.4%", "78,412", "more than 78,000", "629k" and "38×" the
 * same way everywhere. Formatting is delegated to d3-format / d3-time-format;
 * this file only chooses specifiers and rounding rules.
 */
import { min } from 'd3-array';
import { format as d3format, formatSpecifier, precisionFixed } from 'd3-format';
import { utcFormat } from 'd3-time-format';

export const HOUSE_FORMATS = [
  'percent',
  'thousands',
  'more-than',
  'compact',
  'ratio',
  'points',
  'abs-points',
  'decimal',
  'number',
  'date',
  'text',
] as const;
export type HouseFormat = (typeof HOUSE_FORMATS)[number];

export type Formattable = number | Date | string;

const percent = d3format('.1%');
const thousands = d3format(',');
const number = d3format(',.6~f');
const oneDecimal = d3format(',.1~f');
const twoSignificant = d3format('.2~r');
const threeSignificantSi = d3format('.3~s');
const points = d3format('+.1f');
const unsignedPoints = d3format('.1f');
const longDate = utcFormat('%-d %B %Y');

/** How each house format rounds, in the words the methods appendix uses. */
const ROUNDING: Record<HouseFormat, (digits?: number) => string> = {
  percent: () => 'a percentage, rounded to one decimal place',
  thousands: () => 'rounded to the nearest whole number',
  'more-than': (digits = 2) => `rounded down to ${digits} significant figure${digits === 1 ? '' : 's'}, and always below the value`,
  compact: () => 'rounded to three significant figures, with k (thousand), m (million) or bn (billion)',
  ratio: () => 'rounded to two significant figures',
  // Computed from the shares before rounding, as it should be: 59.48% − 61.85% prints −2.4 points beside shares printed
  // 59.5% and 61.8%, which a reader subtracting gets −2.3 from. The methods say so.
  points: () =>
    'a difference of shares in percentage points, rounded to one decimal place; computed from the unrounded shares, so it can differ by 0.1 from the difference of the shares as printed',
  'abs-points': () =>
    'a distance between shares in percentage points, unsigned, rounded to one decimal place; computed from the unrounded shares, so it can differ by 0.1 from the difference of the shares as printed',
  decimal: () => 'rounded to one decimal place (a whole number shown without one)',
  number: () => 'rounded to at most six decimal places',
  date: () => 'the calendar date in UTC',
  text: () => 'as computed',
};

/** The sentence the methods appendix uses for a format's rounding: a house format's, or a d3 specifier's in words. */
export function describeFormat(format: string, digits?: number): string {
  return isHouseFormat(format) ? ROUNDING[format](digits) : describeSpecifier(format);
}

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const count = (n: number, unit: string) => `${WORDS[n] ?? n} ${unit}${n === 1 ? '' : 's'}`;

/**
 * A d3-format specifier in the words of the house formats: ".2%" → "a percentage, rounded to two decimal
 * places"; ",.3r" → "rounded to three significant figures, with thousands separators". d3's own defaults
 * apply when the specifier gives no precision (six digits; twelve significant figures with no type).
 */
function describeSpecifier(format: string): string {
  let s: ReturnType<typeof formatSpecifier>;
  try {
    s = formatSpecifier(format);
  } catch {
    return `the format "${format}"`;
  }
  const p = s.precision;
  const places = (fallback: number) => ((p ?? fallback) === 0 ? 'a whole number' : count(p ?? fallback, 'decimal place'));
  const figures = (fallback: number) => count(Math.max(1, p ?? fallback), 'significant figure');
  const parts: string[] = [];
  switch (s.type) {
    case 'f':
      parts.push(`rounded to ${places(6)}`);
      break;
    case '%':
      parts.push(`a percentage, rounded to ${places(6)}`);
      break;
    case 'p':
      parts.push(`a percentage, rounded to ${figures(6)}`);
      break;
    case 'e':
      parts.push(`in exponent notation (1.2e+3), rounded to ${places(6)}`);
      break;
    case 'r':
    case 'g':
    case 'n':
      parts.push(`rounded to ${figures(6)}`);
      break;
    case 's':
      parts.push(`rounded to ${figures(6)}, with an SI prefix (k, M, G…)`);
      break;
    case 'd':
      parts.push('rounded to a whole number');
      break;
    case 'b':
    case 'o':
    case 'x':
    case 'X':
      parts.push(`rounded to a whole number, in ${{ b: 'binary', o: 'octal', x: 'hexadecimal', X: 'hexadecimal' }[s.type]}`);
      break;
    case 'c':
      parts.push('as text');
      break;
    default:
      parts.push(p === undefined ? 'as computed, to at most twelve significant figures' : `rounded to ${figures(12)}`);
  }
  if (s.comma || s.type === 'n') parts.push('with thousands separators');
  if (s.trim) parts.push('trailing zeros dropped');
  if (s.sign === '+') parts.push('signed (+ or −)');
  else if (s.sign === '(') parts.push('negative values in parentheses');
  if (s.symbol === '$') parts.push('with the currency symbol');
  if (s.width !== undefined) parts.push(`padded to ${count(s.width, 'character')}`);
  return parts.join(', ');
}

export function isHouseFormat(name: string): name is HouseFormat {
  return (HOUSE_FORMATS as readonly string[]).includes(name);
}

/**
 * The d3-format specifier of a column a post's table derives (`derive: {perArea: Valid / Areas}`) when its definition
 * gives it no format: thousands separators and the fewest decimal places that show every value of the column to three
 * significant figures (d3-format's precisionFixed for a step of a hundredth of the smallest); none for a column of
 * whole numbers; each value to three significant figures where that would take more than six decimals. A quotient is held in full (1388557.142857…), which the default number format printed to
 * six decimals; this prints 1,388,557, a proportion 0.519, a mean of a few 6.67. One precision for the whole column, so
 * that its decimals line up; `formats` gives it another (`percent` for a share).
 */
export function derivedColumnFormat(values: readonly number[]): string {
  const smallest = values.every(Number.isInteger) ? undefined : min(values, (v) => (v === 0 ? undefined : Math.abs(v)));
  const decimals = smallest === undefined ? 0 : precisionFixed(smallest / 100);
  // A column of tiny numbers (a rate per voter, 0.00000333) would print as zeros: each value to three figures.
  return decimals > 6 ? ',.3r' : `,.${decimals}f`;
}

/** True when `name` is a valid d3-format specifier such as ".2f". */
export function isD3Specifier(name: string): boolean {
  try {
    formatSpecifier(name);
    return true;
  } catch {
    return false;
  }
}

/** A positive finite number's decimal digits and exponent, as JavaScript writes it shortest: 78412 → ["78412", 4]. */
function decimal(value: number): [digits: string, exponent: number] {
  const [mantissa = '', exponent = '0'] = value.toExponential().split('e');
  return [mantissa.replace('.', ''), Number(exponent)];
}

/**
 * "More than N": N is the value × 10^`shift` rounded *down* to `digits`
 * significant figures, and strictly below it (78,412 → 78,000; 78,000 →
 * 77,000; 3.9 → 3.8; 0.794 → 0.79; 100 → 99), so the sentence stays true. A
 * whole number stays whole (7 → 6, not 6.9). Computed on the value's decimal
 * digits, not by floating-point steps (0.1 → 0.099, not 0.1), and on the value's digits, not a computation's
 * noise (57 × 0.01 = 0.5700000000000001 → 56%, not 57%). `shift` 2 gives
 * a share's percentage (0.794 → 79). A value that is not above 0 has no such N:
 * NaN.
 */
export function moreThan(raw: number, digits = 2, shift = 0): number {
  if (!Number.isFinite(raw) || raw <= 0) return Number.NaN;
  // Floating-point noise is not a digit of the value: a poll's 57 read with scale 0.01 is 0.5700000000000001, and
  // "more than 57%" would be false. Fifteen significant digits are what a double holds exactly.
  const value = Number(raw.toPrecision(15));
  if (shift === 0 && Number.isInteger(value) && value < 10 ** digits) return value - 1;
  const [mantissa, exponent] = decimal(value);
  let n = Number(mantissa.slice(0, digits).padEnd(digits, '0'));
  let e = exponent + shift - digits + 1;
  if (!/[1-9]/.test(mantissa.slice(digits))) n -= 1; // exactly n × 10^e: one step below
  if (n < 10 ** (digits - 1)) {
    n = 10 ** digits - 1; // 100 → 99 rather than 90
    e -= 1;
  }
  return Number(`${n}e${e}`);
}

/** The units `more-than` writes a value in, by its type: a share as a percentage, points as points. */
const MORE_THAN_UNITS: Readonly<Record<string, { shift: number; suffix: string }>> = {
  share: { shift: 2, suffix: '%' },
  points: { shift: 2, suffix: ' points' },
  distance: { shift: 2, suffix: ' points' },
};

/**
 * "78,000", "0.79", or for a share "79%": {@link moreThan} printed with d3-format to its significant figures.
 * `type` is the value's type; a share, points or a distance is written in percent or points as its own format does.
 */
export function formatMoreThan(value: number, digits = 2, type?: string): string {
  const unit = (type !== undefined && MORE_THAN_UNITS[type]) || { shift: 0, suffix: '' };
  const below = moreThan(value, digits, unit.shift);
  if (Number.isNaN(below)) throw new RangeError(`"more-than" needs a value above 0, not ${value}`);
  return `${d3format(`,.${digits}~r`)(below)}${unit.suffix}`;
}

/** A date as data is written (CSV downloads, chart data): a day (midnight UTC) as `YYYY-MM-DD`, an instant in full ISO 8601 UTC. */
export function dayOrInstant(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** A value as text: a date as data writes it ({@link dayOrInstant}), never in the machine's timezone; the rest as it is. */
export const asText = (value: Date | string | number | boolean): string => (value instanceof Date ? dayOrInstant(value) : String(value));

/**
 * Formats one value in a house format.
 *
 * - percent: a proportion (0.794) as "79.4%", one decimal place.
 * - thousands: "78,412" (rounded to a whole number).
 * - more-than: "78,000", rounded down as {@link moreThan} says; the prose
 *   supplies the words "more than" (a share's "79%": see {@link formatMoreThan}).
 * - compact: three significant figures with a lower-case suffix: "629k",
 *   "16.5k", "1.2m", "8.2m", "1.5bn".
 * - ratio: two significant figures and "×": "38×", "3.9×".
 * - points: a difference of proportions in percentage points: "+19.9 points".
 * - abs-points: a distance in percentage points, unsigned: "2.4 points".
 * - decimal: thousands separators and one decimal place, none for a whole number: "7.5", "3,849.4", "8" (a mean).
 * - number: thousands separators, decimals only where there are some.
 * - date: "24 September 2016", in UTC.
 * - text: the value as a string.
 */
export function formatValue(value: Formattable, format: HouseFormat | string, digits?: number): string {
  if (format === 'text') return asText(value);
  if (format === 'date') {
    const date = value instanceof Date ? value : new Date(String(value));
    return longDate(date);
  }
  if (typeof value !== 'number') return asText(value);
  switch (format) {
    case 'percent':
      return percent(value);
    case 'thousands':
      return thousands(Math.round(value));
    case 'more-than':
      return formatMoreThan(value, digits);
    case 'compact':
      return threeSignificantSi(value).replace(/G$/, 'bn').replace(/M$/, 'm');
    case 'ratio':
      return `${twoSignificant(value)}×`;
    case 'points':
      return `${points(value * 100)} points`;
    case 'abs-points':
      return `${unsignedPoints(Math.abs(value) * 100)} points`;
    case 'decimal':
      return oneDecimal(value);
    case 'number':
      return number(value);
    default:
      return d3format(format)(value);
  }
}
