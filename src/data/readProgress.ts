/**
 * The progress line of a dataset that takes a while to read, as a build and `npm run check` print it on stderr:
 * `[soundings] tweets: 250,000 rows read (48,000 rows/s), data/tweets/2016-07.csv`, once the read has taken a
 * second, then at most every half second. A dataset read in under a second prints nothing.
 */
import { printable } from '../errors.ts';

/** A `loadDataset` / `checkDataset` `onProgress` for dataset `id`, timed from when it is made. */
export function readProgress(id: string, write: (line: string) => void = (line) => process.stderr.write(line)) {
  const start = performance.now();
  let last = start;
  return (rows: number, file: string): void => {
    const now = performance.now();
    if (now - start < 1000 || now - last < 500) return;
    last = now;
    const rate = Math.round(rows / ((now - start) / 1000));
    write(
      `[soundings] ${printable(id)}: ${rows.toLocaleString('en-GB')} rows read (${rate.toLocaleString('en-GB')} rows/s), ${printable(file)}\n`,
    );
  };
}
