/**
 * Local times in a named time zone (an IANA name such as Europe/London), for
 * exports that write the clock time of the account's zone with no offset
 * ("15/07/2016 16:00", or "… BST"). The zone's rules come from the ICU data
 * in Node's `Intl`, not from a table of our own.
 *
 * A clock time the zone skips (01:30 on the night the clocks go forward) does
 * not exist and is refused. One it shows twice (01:30 on the night they go
 * back) is read as the first, in summer time: README, "Adding a dataset".
 */

const DAY = 86_400_000;

/**
 * Whether `zone` is an IANA zone name Node knows ("Europe/London"), or UTC. Abbreviations are refused although ICU
 * reads some: it takes "BST" for Bangladesh, and "EST" for Panama (no summer time), where an analyst means British
 * Summer Time or New York.
 */
export function isTimeZone(zone: string): boolean {
  if (zone !== 'UTC' && !zone.includes('/')) return false;
  // "Etc/GMT+1" is UTC−1 (POSIX signs, the reverse of what it says): a place name cannot be misread.
  if (/^Etc\/GMT[+-]/i.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** What a zone's clocks show at an instant, as the UTC instant of that same reading; one formatter per zone. */
function clockOf(zone: string): (instant: number) => number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return (instant) => {
    const p: Record<string, number> = {};
    for (const { type, value } of format.formatToParts(instant)) if (type !== 'literal') p[type] = Number(value);
    const reading = Date.UTC(p.year as number, (p.month as number) - 1, p.day as number, p.hour, p.minute, p.second);
    return reading + (((instant % 1000) + 1000) % 1000);
  };
}

/**
 * A zone's offset from UTC at an instant (ms). Intl is slow (microseconds a call), so a UTC day whose offset is the
 * same at its first and last millisecond — every day but the two a year the clocks change — is asked once.
 */
function offsetOf(zone: string): (instant: number) => number {
  const clock = clockOf(zone);
  const exact = (instant: number) => clock(instant) - instant;
  const days = new Map<number, number | undefined>();
  return (instant) => {
    const day = Math.floor(instant / DAY);
    let steady = days.get(day);
    if (!days.has(day)) {
      const first = exact(day * DAY);
      steady = first === exact(day * DAY + DAY - 1) ? first : undefined;
      days.set(day, steady);
    }
    return steady ?? exact(instant);
  };
}

export type ZonedTime = { ok: true; time: number } | { ok: false };

const offsets = new Map<string, (instant: number) => number>();

/**
 * The instant at which the clocks of `zone` show `reading` (a clock time coded as if it were UTC, in ms): the first
 * of two when the clocks go back, none when they skip it. Offsets reach 14 hours (Kiribati), and a zone changes its
 * offset at most once in two days, so the offsets a day either side of the reading are the only ones it can have.
 */
export function zonedTime(reading: number, zone: string): ZonedTime {
  let offset = offsets.get(zone);
  if (!offset) {
    offset = offsetOf(zone);
    offsets.set(zone, offset);
  }
  const at = offset;
  const candidates = [at(reading - DAY), at(reading + DAY)]
    .map((o) => reading - o)
    .filter((t) => reading - at(t) === t)
    .sort((a, b) => a - b);
  return candidates.length > 0 ? { ok: true, time: candidates[0] as number } : { ok: false };
}
