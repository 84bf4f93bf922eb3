import { describe, expect, it } from 'vitest';
import { isTimeZone, zonedTime } from '../../src/data/zone.ts';

/** A clock time written ISO-style, coded as UTC, as parseTime hands it on. */
const reading = (text: string) => Date.parse(`${text}Z`);
const at = (text: string, zone: string) => {
  const z = zonedTime(reading(text), zone);
  return z.ok ? new Date(z.time).toISOString() : 'no such time';
};

describe('zonedTime', () => {
  it("reads a clock time in the zone's summer and winter offsets", () => {
    expect(at('2016-07-15T16:00:00', 'Europe/London')).toBe('2016-07-15T15:00:00.000Z');
    expect(at('2016-12-01T10:00:00', 'Europe/London')).toBe('2016-12-01T10:00:00.000Z');
    expect(at('2016-07-15T16:00:00', 'America/New_York')).toBe('2016-07-15T20:00:00.000Z');
    expect(at('2016-07-15T16:00:00', 'Asia/Kolkata')).toBe('2016-07-15T10:30:00.000Z');
    expect(at('2016-07-15T16:00:00.250', 'UTC')).toBe('2016-07-15T16:00:00.250Z');
  });

  it('refuses the hour the clocks skip, and reads the hour they repeat as the first (summer time)', () => {
    expect(at('2016-03-27T01:30:00', 'Europe/London')).toBe('no such time');
    expect(at('2016-03-27T00:59:59', 'Europe/London')).toBe('2016-03-27T00:59:59.000Z');
    expect(at('2016-03-27T02:00:00', 'Europe/London')).toBe('2016-03-27T01:00:00.000Z');
    expect(at('2016-10-30T01:30:00', 'Europe/London')).toBe('2016-10-30T00:30:00.000Z');
    expect(at('2016-10-30T02:00:00', 'Europe/London')).toBe('2016-10-30T02:00:00.000Z');
    // Zones far from UTC: New Zealand's clocks go back at 03:00 NZDT (+13), so 02:30 is first 13:30Z the day before.
    expect(at('2016-04-03T02:30:00', 'Pacific/Auckland')).toBe('2016-04-02T13:30:00.000Z');
    expect(at('2016-09-25T02:30:00', 'Pacific/Auckland')).toBe('no such time');
    expect(at('2016-04-03T03:15:00', 'Pacific/Chatham')).toBe('2016-04-02T13:30:00.000Z');
    // Lord Howe Island moves its clocks by half an hour.
    expect(at('2016-10-02T02:15:00', 'Australia/Lord_Howe')).toBe('no such time');
    expect(at('2016-04-03T01:45:00', 'Australia/Lord_Howe')).toBe('2016-04-02T14:45:00.000Z');
  });

  it('knows IANA names and refuses abbreviations and typos', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Europe/Londn')).toBe(false);
    expect(isTimeZone('BST')).toBe(false);
    expect(isTimeZone('Etc/GMT+1')).toBe(false);
  });
});
