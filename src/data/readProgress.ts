/**
 * The progress line of a dataset that takes a while to read, as a build and `npm run check` print it on stderr:
 * `[soundings] tweets: 250,000 rows read (48,000 rows/s), 41% of 151 MB, about 8 s left, data/tweets/2016-07.csv`,
 * once the read has taken a second, then at most every half second. A dataset read in under a second prints nothing.
 *
 * The share is of the bytes of the files the load reads (loadDataset.ts, ReadBytes): rows cannot be counted before
 * they are read, bytes can, and a CSV's rows are about as long as each other. The time left is extrapolated from the
 * bytes read per second so far, from when the progress was made (the load's start), files taken from the cache
 * included: they count as read at once, which makes the first estimates of a dataset partly cached a little short.
 */
import { printable } from '../errors.ts';
import { megabytes } from '../megabytes.ts';
import type { ReadBytes } from './loadDataset.ts';

/**
 * How long is left, said roughly, as an extrapolation deserves: whole seconds below a minute, rounded up so that it
 * never says "about 0 s" while bytes are left; from a minute on, whole minutes, rounded to the nearest ("about 2
 * min": the seconds of a minute-long estimate are noise, and would flicker from line to line).
 */
function timeLeft(seconds: number): string {
  const whole = Math.ceil(seconds);
  if (whole < 60) return `about ${whole.toLocaleString('en-GB')} s left`;
  return `about ${Math.round(seconds / 60).toLocaleString('en-GB')} min left`;
}

/**
 * How far through its bytes the read is, and how long is left: `41% of 151 MB, about 8 s left, `. The percentage is
 * whole and rounded down, so that 100% means every byte read. Without bytes (files of nothing) it says nothing, and
 * the time left is left out until a byte is read (no rate yet) and once all are.
 */
function share({ read, total }: ReadBytes, elapsed: number): string {
  if (total <= 0) return '';
  // Whole percents counted on integers: 0.29 * 100 is 28.999… in floating point, (29 * 100) / 100 is 29.
  const whole = Math.floor((Math.min(read, total) * 100) / total);
  const percent = (whole / 100).toLocaleString('en-GB', { style: 'percent' });
  const left = read > 0 && read < total ? `, ${timeLeft((elapsed * (total - read)) / read)}` : '';
  return `${percent} of ${megabytes(total)}${left}, `;
}

/**
 * A `loadDataset` / `checkDataset` `onProgress` for dataset `id`, timed from when it is made (`now`, in milliseconds:
 * performance.now, or a test's clock).
 */
export function readProgress(
  id: string,
  write: (line: string) => void = (line) => process.stderr.write(line),
  now: () => number = () => performance.now(),
) {
  const start = now();
  let last = start;
  // Where the last line said the read was: one that has not moved since (a file's cache entry written after its last
  // row, then the load's end) is said once, not again with a lower rate.
  let said = '';
  return (rows: number, file: string, bytes: ReadBytes): void => {
    const at = now();
    if (at - start < 1000 || at - last < 500) return;
    const where = `${rows} ${bytes.read} ${file}`;
    if (where === said) return;
    said = where;
    last = at;
    const elapsed = (at - start) / 1000;
    const rate = Math.round(rows / elapsed);
    write(
      `[soundings] ${printable(id)}: ${rows.toLocaleString('en-GB')} rows read (${rate.toLocaleString('en-GB')} rows/s), ${share(bytes, elapsed)}${printable(file)}\n`,
    );
  };
}
