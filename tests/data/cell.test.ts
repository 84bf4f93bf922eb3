import { randomInt, randomLcg } from 'd3-random';
import { isoParse, utcFormat } from 'd3-time-format';
import { describe, expect, it } from 'vitest';
import {
  exactTimeParser,
  fastAcceptor,
  isDecimalComma,
  looksLikeTime,
  parseCell,
  parseTime,
  timeFormatLike,
  timeInFormat,
} from '../../src/data/cell.ts';

const iso = (r: ReturnType<typeof parseTime>) => (r.ok && r.value instanceof Date ? r.value.toISOString() : r);

describe('parseTime(raw, format)', () => {
  it("reads an ISO time as the platform's Date parser reads it (isoParse), fraction, offset and all", () => {
    // parseTime builds the instant from the parts it checked (Date.UTC), not by parsing the text again: the same
    // instant for every time, over 20,000 seeded random ones (offsets the parser refuses, years before 100 included),
    // but for offsets no time zone has (past -12:00 to +14:00), which parseTime refuses and the parser reads.
    const source = randomLcg(0.5);
    const pick = (lo: number, hi: number) => randomInt.source(source)(lo, hi + 1)();
    const two = (n: number) => String(n).padStart(2, '0');
    const checked: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const year = String(pick(0, 9999)).padStart(4, '0');
      const date = `${year}-${two(pick(1, 12))}-${two(pick(1, 28))}`;
      const clock = `${two(pick(0, 23))}:${two(pick(0, 59))}${pick(0, 3) ? `:${two(pick(0, 59))}` : ''}`;
      const fraction = clock.length > 5 && pick(0, 1) ? `.${String(pick(0, 999_999_999)).slice(0, pick(1, 9))}` : '';
      const [sign, hours, minutes] = [pick(0, 1) ? '+' : '-', pick(0, 26), pick(0, 61)];
      const zone = ['Z', `${sign}${two(hours)}${pick(0, 1) ? ':' : ''}${two(minutes)}`][pick(0, 1)] as string;
      const text = `${date}${pick(0, 4) ? 'T' : ' '}${clock}${fraction}${zone}`;
      const offset = (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
      const zoned = zone === 'Z' || (minutes < 60 && offset >= -720 && offset <= 840);
      const expected = zoned ? isoParse(text.replace(' ', 'T')) : null;
      const got = parseTime(text);
      expect(got.ok ? (got.value as Date).getTime() : null, text).toBe(expected ? expected.getTime() : null);
      checked.push(text);
    }
    expect(new Set(checked).size).toBe(20_000);
    expect(iso(parseTime('2016-07-12T18:04:31.98765Z'))).toBe('2016-07-12T18:04:31.987Z');
    expect(iso(parseTime('2016-07-12 18:04-0530'))).toBe('2016-07-12T23:34:00.000Z');
    expect(iso(parseTime('0050-07-12T18:04:31Z'))).toBe('0050-07-12T18:04:31.000Z');
  });

  it('reads an offset a time zone has, -12:00 to +14:00, and says an ISO or %Z offset past them is out of that range', () => {
    expect(iso(parseTime('2016-07-12T18:04:31+14:00'))).toBe('2016-07-12T04:04:31.000Z');
    expect(iso(parseTime('2016-07-12T18:04:31-1200'))).toBe('2016-07-13T06:04:31.000Z');
    expect(iso(parseTime('2016-07-12T18:04:31+05:45'))).toBe('2016-07-12T12:19:31.000Z');
    // ISO 8601 writes up to ±23:59 (JavaScript's Date reads +23:59, and refuses +24:00): no zone is that far out.
    for (const offset of ['+25:00', '+24:00', '+23:59', '+14:01', '-12:30', '+01:60'])
      expect(parseTime(`2016-07-12T18:04:31${offset}`)).toEqual({
        ok: false,
        expected: `a time whose offset from UTC is one a time zone has, from -12:00 to +14:00 (there is no ${offset})`,
      });
    const zoned = '%Y-%m-%d %H:%M:%S %Z';
    expect(iso(parseTime('2016-07-01 00:30:00 +14', zoned))).toBe('2016-06-30T10:30:00.000Z');
    expect(parseTime('2016-07-01 00:30:00 -13', zoned)).toEqual({
      ok: false,
      expected: 'a time whose offset from UTC is one a time zone has, from -12:00 to +14:00 (there is no -13)',
    });
  });

  it('reads a manifest format as UTC, with or without leading zeros', () => {
    expect(iso(parseTime('01/07/2016 10:00', '%d/%m/%Y %H:%M'))).toBe('2016-07-01T10:00:00.000Z');
    expect(iso(parseTime('1/7/2016 9:05', '%d/%m/%Y %H:%M'))).toBe('2016-07-01T09:05:00.000Z');
    expect(iso(parseTime('29/02/2016 23:59', '%d/%m/%Y %H:%M'))).toBe('2016-02-29T23:59:00.000Z');
  });

  it('refuses a day or hour that does not exist, saying what it would have rolled over to', () => {
    expect(parseTime('30/02/2016 10:00', '%d/%m/%Y %H:%M')).toEqual({
      ok: false,
      expected:
        'a time in the format "%d/%m/%Y %H:%M" that exists in the calendar (read leniently, this one would roll over to "01/03/2016 10:00")',
      rolledOver: true,
    });
    expect(parseTime('12/06/2016 25:30', '%d/%m/%Y %H:%M')).toMatchObject({
      ok: false,
      expected: expect.stringContaining('"13/06/2016 01:30"'),
    });
    expect(parseTime('31/06/2016 10:00', '%d/%m/%Y %H:%M').ok).toBe(false);
    expect(parseTime('29/02/2015 10:00', '%d/%m/%Y %H:%M').ok).toBe(false);
    expect(parseTime('01/07/2016 10:60', '%d/%m/%Y %H:%M').ok).toBe(false);
    expect(parseTime('13/13/2016', '%d/%m/%Y').ok).toBe(false);
    expect(parseTime('x', '%d/%m/%Y')).toEqual({ ok: false, expected: 'a time in the format "%d/%m/%Y"', notFormat: true });
  });

  it('checks a time with a zone in that zone, and keeps milliseconds and microseconds', () => {
    const zoned = '%Y-%m-%d %H:%M:%S %Z';
    expect(iso(parseTime('2016-07-01 00:30:00 +0200', zoned))).toBe('2016-06-30T22:30:00.000Z');
    expect(iso(parseTime('2016-07-01 00:30:00 -05:00', zoned))).toBe('2016-07-01T05:30:00.000Z');
    expect(iso(parseTime('2016-07-01 00:30:00 Z', zoned))).toBe('2016-07-01T00:30:00.000Z');
    expect(parseTime('2016-06-31 00:30:00 +0200', zoned).ok).toBe(false);
    expect(parseTime('2016-07-01 00:30:00 +2500', zoned)).toMatchObject({ ok: false, expected: expect.stringContaining('no +2500') });
    expect(parseTime('2016-07-01 00:30:00 +0099', zoned).ok).toBe(false);
    expect(iso(parseTime('2016-07-01 10:00:00.123456', '%Y-%m-%d %H:%M:%S.%f'))).toBe('2016-07-01T10:00:00.123Z');
    expect(iso(parseTime('2016-07-01 10:00:00.045', '%Y-%m-%d %H:%M:%S.%L'))).toBe('2016-07-01T10:00:00.045Z');
    expect(parseTime('2016-07-01 10:00:00.123', '%Y-%m-%d %H:%M:%S.%f')).toMatchObject({
      ok: false,
      expected: expect.stringContaining('"%f" reads microseconds, six digits: for milliseconds, use "%L"'),
    });
    expect(parseTime('2016-02-30 10:00:00.123456', '%Y-%m-%d %H:%M:%S.%f')).toMatchObject({
      ok: false,
      expected: expect.not.stringContaining('%L'),
    });
    expect(iso(parseTime('1467367200', '%s'))).toBe('2016-07-01T10:00:00.000Z');
    expect(iso(parseTime('7/1/16 1:05 PM', '%m/%d/%y %I:%M %p'))).toBe('2016-07-01T13:05:00.000Z');
    expect(parseTime('7/1/16 13:05 PM', '%m/%d/%y %I:%M %p').ok).toBe(false);
  });

  it("refuses a v1 time on a day that does not exist (Twitter's own format)", () => {
    const v1 = exactTimeParser('%a %b %d %H:%M:%S %Z %Y');
    expect(v1('Wed Aug 27 13:08:45 +0000 2008')).toEqual({ ok: true, date: new Date('2008-08-27T13:08:45Z') });
    expect(v1('Fri Jul 01 01:30:00 +0200 2016')).toEqual({ ok: true, date: new Date('2016-06-30T23:30:00Z') });
    expect(v1('Sun Feb 30 10:00:00 +0000 2016')).toMatchObject({ ok: false, rolledTo: expect.stringContaining('Mar 01') });
  });

  it('refuses a day name that disagrees with the date, whatever the case, and says which day it is', () => {
    const v1 = exactTimeParser('%a %b %d %H:%M:%S %Z %Y');
    expect(v1('Tue Jul 13 10:12:00 +0000 2016')).toEqual({ ok: false, rolledTo: 'Wed Jul 13 10:12:00 +0000 2016', misnamed: true });
    // 00:30 in +0200 on Friday 1 July is Thursday in UTC: the name is the text's own zone's.
    expect(v1('FRI JUL 01 00:30:00 +0200 2016')).toEqual({ ok: true, date: new Date('2016-06-30T22:30:00Z') });
    expect(parseTime('Tuesday 13 July 2016', '%A %d %B %Y')).toEqual({
      ok: false,
      expected:
        'a time in the format "%A %d %B %Y" whose day and month names agree with its numbers (by its numbers it is "Wednesday 13 July 2016")',
      rolledOver: true,
    });
    expect(iso(parseTime('wednesday 13 july 2016', '%A %d %B %Y'))).toBe('2016-07-13T00:00:00.000Z');
    expect(iso(parseTime('7/1/16 1:05 pm', '%m/%d/%y %I:%M %p'))).toBe('2016-07-01T13:05:00.000Z');
  });

  it('refuses an ISO time of day past 23:59:59, which JavaScript would roll over into the next day or hour', () => {
    expect(parseTime('2016-07-01T24:00:00Z')).toEqual({
      ok: false,
      expected: 'a time of day from 00:00:00 to 23:59:59 (there is no 24:00:00)',
    });
    expect(parseTime('2016-07-01 10:60Z').ok).toBe(false);
    expect(iso(parseTime('2016-07-01T23:59:59Z'))).toBe('2016-07-01T23:59:59.000Z');
  });

  it("reads a format's or an ISO time's clock time in the manifest's zone, and says to name one when a time has none", () => {
    expect(iso(parseTime('15/07/2016 16:00', '%d/%m/%Y %H:%M', 'Europe/London'))).toBe('2016-07-15T15:00:00.000Z');
    expect(iso(parseTime('2016-07-15 16:00:00 BST', '%Y-%m-%d %H:%M:%S BST', 'Europe/London'))).toBe('2016-07-15T15:00:00.000Z');
    expect(iso(parseTime('2016-07-15 16:00:00.0', undefined, 'Europe/London'))).toBe('2016-07-15T15:00:00.000Z');
    // An ISO time with its own offset keeps it.
    expect(iso(parseTime('2016-07-15T16:00:00Z', undefined, 'Europe/London'))).toBe('2016-07-15T16:00:00.000Z');
    expect(parseTime('27/03/2016 01:30', '%d/%m/%Y %H:%M', 'Europe/London')).toEqual({
      ok: false,
      expected: 'a time that exists in Europe/London (the clocks went forward over this one)',
    });
    expect(parseTime('2016-07-15 15:00:00.0')).toEqual({
      ok: false,
      expected:
        'an ISO date-time with a timezone (e.g. 2016-07-12T18:04:31Z; for times written without one, name their zone in the manifest: time: { column: …, zone: Europe/London })',
    });
  });

  it("tells a datetime column's time without a zone to write it in: such a column has no zone to name", () => {
    expect(parseCell('2016-07-15 15:00:00', 'datetime')).toEqual({
      ok: false,
      expected:
        'an ISO date-time with a timezone (e.g. 2016-07-12T18:04:31Z; a datetime column has no zone to name in the manifest, so write each time\'s in: "Z" after it if the times are UTC, else its offset, such as +01:00; or declare the column string)',
    });
  });
});

describe('parseCell(raw, "integer")', () => {
  it('reads digits, and a whole number written with a decimal point and zeros (2503.0, as pandas writes), as the number', () => {
    for (const [raw, value] of [
      ['2503', 2503],
      ['2503.0', 2503],
      ['2503.', 2503],
      ['-7.00', -7],
      [' 12 ', 12],
    ] as const)
      expect(parseCell(raw, 'integer'), raw).toEqual({ ok: true, value });
  });
  it('refuses a fraction, a thousands separator or an exponent', () => {
    for (const raw of ['2503.5', '2,503', '2.5e3', '.0', '1e3']) expect(parseCell(raw, 'integer').ok, raw).toBe(false);
  });
});

describe('isDecimalComma(text)', () => {
  it('is a number written with a decimal comma, grouped by points or spaces or not', () => {
    for (const text of ['0,62', ' 12,5 ', '-0,5', '1,2345', '1234,5', '1.234,5', '1 234,5', '1.234.567,89'])
      expect(isDecimalComma(text), text).toBe(true);
  });

  it('is not a comma that may separate thousands, nor a number with a point, nor text', () => {
    for (const text of ['1,234', '32,071', '123,456', '1,234,567', '0.62', '1.23,4', 'abc', '0,'])
      expect(isDecimalComma(text), text).toBe(false);
  });
});

describe('exactTimeParser(format): the quick yes (fastAcceptor)', () => {
  // The formats exports write, and some that test the edges: names in any case, %y, %e, pads, %p, %L, %Z after a
  // literal "-" (whose ±hh come before the zone's), a format with no day.
  const FORMATS = [
    '%Y-%m-%d %H:%M:%S %Z',
    '%d/%m/%Y %H:%M',
    '%m/%d/%Y %I:%M %p',
    '%a %b %d %H:%M:%S %Z %Y',
    '%Y-%m-%dT%H:%M:%S.%L%Z',
    '%A %e %B %Y %I:%M:%S %p',
    '%-d/%-m/%y %H:%M',
    '%d-%m-%Y %H:%M %Z',
    '%H:%M:%S',
    '%b %d, %Y',
  ];
  const ZONES = ['Z', '+00:00', '+0000', '+05:30', '-0530', '+05', '-05', '-12:00', '+14:00', '+1401', '-1300', '+0099', '+25:00'];

  it('gives what the round trip alone gives, for 40,000 seeded random times, most of them wrong on purpose', () => {
    // Each text is a real time written in a format, then, for most, spoiled: a digit changed, a leading zero or a
    // space added, a name changed or its case, AM/PM swapped. Every result (time, roll-over, misname, offset,
    // refusal) is compared with the round trip's, and the quick yes must have said yes to most real times.
    const source = randomLcg(0.25);
    const pick = (lo: number, hi: number) => randomInt.source(source)(lo, hi + 1)();
    const any = <T>(list: readonly T[]) => list[pick(0, list.length - 1)] as T;
    const NAMES = [
      'Mon',
      'Tue',
      'Wed',
      'Thu',
      'Fri',
      'Sat',
      'Sun',
      'Jan',
      'Feb',
      'Jun',
      'Jul',
      'Dec',
      'AM',
      'PM',
      'am',
      'pm',
      'MONDAY',
      'july',
    ];
    let quick = 0;
    let real = 0;
    for (const format of FORMATS) {
      const [fast, roundTrip, accepts] = [exactTimeParser(format), exactTimeParser(format, false), fastAcceptor(format)];
      expect(accepts, format).toBeDefined();
      for (let i = 0; i < 4_000; i++) {
        const zone = any(ZONES);
        const time = pick(0, 1)
          ? pick(-2_208_988_800, 4_102_444_800) * 1000 + pick(0, 999)
          : Date.UTC(2016, 1, 28) + pick(0, 3 * 86_400_000);
        let text = utcFormat(format.replaceAll('%Z', zone))(new Date(time));
        const spoil = pick(0, 9);
        if (spoil === 1) text = text.replace(/\d/g, (d) => (pick(0, 6) ? d : String(pick(0, 9))));
        else if (spoil === 2) text = text.replace(/\b0(\d)/, ' $1');
        else if (spoil === 3) text = text.replace(/\d\d/, (d) => String(Number(d) + pick(1, 40)).padStart(2, '0'));
        else if (spoil === 4) text = text.replace(/[A-Za-z]{2,}/, any(NAMES));
        else if (spoil === 5) text = pick(0, 1) ? text.toLowerCase() : text.toUpperCase();
        else if (spoil === 6) text = text.replace(/(\d)(\D)/, `$1${pick(0, 9)}$2`);
        else if (spoil === 7) text = text.replace(/[+-]\d\d:?\d\d|Z$/, any(ZONES));
        const got = fast(text);
        expect(got, `${format}: ${text}`).toEqual(roundTrip(text));
        if (spoil === 0 && got.ok) real++;
        if (got.ok && accepts?.(text, got.date.getTime())) quick++;
      }
    }
    expect(real).toBeGreaterThan(2_000);
    expect(quick).toBeGreaterThan(real);
  });

  it('says yes only to what the round trip reads, and leaves formats it does not know to it', () => {
    const yes = (format: string, text: string) =>
      fastAcceptor(format)?.(
        text,
        exactTimeParser(format, false)(text).ok ? (exactTimeParser(format, false)(text) as { date: Date }).date.getTime() : Number.NaN,
      );
    expect(yes('%d/%m/%Y %H:%M', '01/07/2016 10:00')).toBe(true);
    // Not a time there is, or d3 reads it otherwise (a space before a number), or a year before 100: the round trip says.
    expect(yes('%d/%m/%Y %H:%M', '30/02/2016 10:00')).toBe(false);
    expect(yes('%d/%m/%Y %H:%M', ' 1/07/2016 10:00')).toBe(false);
    expect(yes('%d/%m/%Y', '01/07/0050')).toBe(false);
    expect(yes('%a %b %d %H:%M:%S %Z %Y', 'Tue Jul 13 10:12:00 +0000 2016')).toBe(false);
    expect(yes('%Y-%m-%d %H:%M:%S %Z', '2016-07-01 00:30:00 +2500')).toBe(false);
    // "-05" in the date could be the zone "+05" written back: the round trip tries it first.
    expect(yes('%Y-%m-%d %H:%M:%S %Z', '2016-07-05 00:30:00 +05')).toBe(false);
    expect(yes('%Y-%m-%d %H:%M:%S %Z', '2016-07-05 00:30:00 -05')).toBe(true);
    for (const format of ['%Y%m%d', '%Y-%m-%dT%H:%M:%S.%f', '%s', '%H:%M %p', '%d/%m/%Y %H %I', '%Z:%M', '%Y-%m-%d 00:00', '%j %Y', '%%'])
      expect(fastAcceptor(format), format).toBeUndefined();
  });
});

describe('timeInFormat(format)', () => {
  it('writes one time in a format, its numbers all different, an offset where it has %Z; the format reads it back', () => {
    expect(timeInFormat('%d/%m/%Y %H:%M %Z')).toBe('15/07/2016 16:04 +01:00');
    expect(timeInFormat('%a %b %d %H:%M:%S.%L %Y')).toBe('Fri Jul 15 16:04:05.006 2016');
    for (const format of ['%d/%m/%Y %H:%M %Z', '%a %b %d %H:%M:%S %Z %Y', '%m/%d/%y %I:%M %p', '%Y-%m-%dT%H:%M:%S.%f', '%s'])
      expect(parseTime(timeInFormat(format), format)).toMatchObject({ ok: true });
  });
});

describe('timeFormatLike(text)', () => {
  it("gives the format a spreadsheet's day/month/year time is in, both orders when the text cannot say which", () => {
    expect(timeFormatLike('07/03/2024 12:00')).toEqual({ format: '%d/%m/%Y %H:%M', monthFirst: '%m/%d/%Y %H:%M' });
    expect(timeFormatLike('13.03.24')).toEqual({ format: '%d.%m.%y' });
    expect(timeFormatLike('3-13-2024T9:05:59')).toEqual({ format: '%m-%d-%YT%H:%M:%S' });
    // Each guess reads the text it was made from.
    for (const text of ['07/03/2024 12:00', '13.03.24', '3-13-2024T9:05:59'])
      expect(parseTime(text, timeFormatLike(text)?.format)).toMatchObject({ ok: true });
    for (const text of ['yesterday', '2024-03-07', '07/03-2024', 'Wed Aug 27 13:08:45 +0000 2008'])
      expect(timeFormatLike(text)).toBeUndefined();
  });

  it('is offered for a time written another way, not for a cell that is no time (looksLikeTime)', () => {
    for (const text of ['07/03/2024 12:00', 'Wed Aug 27 13:08:45 +0000 2008', '7 March 2024, 12:00'])
      expect(looksLikeTime(text)).toBe(true);
    for (const text of ['yesterday', '2016', 'n/a', '\u001b]8;;https://evil.example/\u0007CLICK\u001b[2J'])
      expect(looksLikeTime(text)).toBe(false);
  });
});
