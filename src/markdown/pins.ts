/**
 * Pinned data: a post may pin the datasets it was written against, in its
 * frontmatter, keyed by dataset alias:
 *
 *   pins: { tweets: { digest: "3f2a9c0d1e4b5a67", rows: 78412, period: "2016-07-01/2016-09-18" } }
 *
 * `digest` is the first 16 hex digits (or more, up to all 64) of the
 * dataset's content digest (manifest + every data file's bytes). `rows` and `period` record the state
 * the digest stood for, so that when the data changes the build can say what
 * changed (rows added or removed, net, and the new date range) without a
 * lock file beside the post: the pin is one line, in the post, reviewed with
 * it. The build prints that line, ready to paste, whenever a pin is stale.
 *
 * Unpinned datasets simply update. This check runs when the post renders
 * (remarkSoundings.ts), so a build, `astro dev` and `npm run check` report a
 * stale pin alike, with the post's other problems.
 */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { datasetDigest, projectPath } from '../data/datasetFiles.ts';
import type { Dataset } from '../data/types.ts';
import { error, type Location, PinnedDataBroken, PinnedDataChanged, PinUnknownAlias, type SoundingsError } from '../errors.ts';
import { cachedDataset } from './datasetCache.ts';
import type { Frontmatter } from './frontmatter.ts';

export const PIN_DIGITS = 16;

export interface PinState {
  digest: string;
  rows?: number | undefined;
  period?: string | undefined;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const count = (n: number) => n.toLocaleString('en-GB');

/** The state of a loaded dataset, as a pin records it. */
export function pinState(dataset: Dataset): PinState {
  const state: PinState = { digest: dataset.digest.slice(0, PIN_DIGITS), rows: dataset.rows.length };
  if (dataset.kind === 'posts' && dataset.period) state.period = `${day(dataset.period[0])}/${day(dataset.period[1])}`;
  return state;
}

/** The frontmatter line that pins `states` (alias → state), in alias order. */
export function pinLine(states: Record<string, PinState>): string {
  const parts = Object.keys(states)
    .sort()
    .map((alias) => {
      const s = states[alias] as PinState;
      const fields = [`digest: "${s.digest}"`];
      if (s.rows !== undefined) fields.push(`rows: ${s.rows}`);
      if (s.period !== undefined) fields.push(`period: "${s.period}"`);
      return `${alias}: { ${fields.join(', ')} }`;
    });
  return `pins: { ${parts.join(', ')} }`;
}

function describeChange(pinned: PinState, now: PinState): string {
  const parts: string[] = [];
  if (now.rows !== undefined) {
    const rows = `${count(now.rows)} row${now.rows === 1 ? '' : 's'} now`;
    if (pinned.rows === undefined) parts.push(`${rows} (the pin does not record how many it had)`);
    else {
      const delta = now.rows - pinned.rows;
      const net = delta === 0 ? 'as many as' : delta > 0 ? `${count(delta)} added since` : `${count(-delta)} removed since`;
      parts.push(`${rows}, ${net} the pin (${count(pinned.rows)})`);
    }
  }
  if (now.period !== undefined) {
    const range = now.period.replace('/', ' to ');
    parts.push(
      pinned.period && pinned.period !== now.period
        ? `period now ${range} (pinned: ${pinned.period.replace('/', ' to ')})`
        : `period ${range}`,
    );
  }
  return parts.length > 0 ? parts.join('; ') : 'its files differ';
}

export interface PinOptions {
  root: string;
  dataDir: string;
}

/**
 * Every stale or misplaced pin of a post, located at its `pins` entry. When a
 * pin is stale, the message ends with the `pins:` line to paste.
 */
export async function checkPins(
  frontmatter: Pick<Frontmatter, 'datasets' | 'pins'>,
  locate: (path: (string | number)[]) => Location,
  options: PinOptions,
): Promise<SoundingsError[]> {
  const problems: SoundingsError[] = [];
  const pins = Object.entries(frontmatter.pins ?? {});
  if (pins.length === 0) return problems;
  const aliases = Object.keys(frontmatter.datasets);
  const current: Record<string, PinState> = {};
  const stale: { alias: string; dir: string; pinned: PinState; now: PinState }[] = [];
  let broken = false;
  for (const [alias, pin] of pins) {
    const pinned: PinState = typeof pin === 'string' ? { digest: pin } : pin;
    const id = frontmatter.datasets[alias];
    if (id === undefined) {
      problems.push(error(PinUnknownAlias, locate(['pins', alias]), alias, aliases));
      continue;
    }
    const dir = join(options.dataDir, id);
    // A dataset that is not there has not changed: the post names it wrongly, which is reported where it is read.
    if (!existsSync(dir)) {
      broken = true;
      continue;
    }
    if (datasetDigest(dir).startsWith(pinned.digest)) {
      current[alias] = pinned;
      continue;
    }
    let now: PinState;
    try {
      now = pinState(await cachedDataset(id, options));
    } catch {
      // The data does not load: that error is reported where the data is read. No line to re-pin with: it would
      // pin the broken state.
      problems.push(error(PinnedDataBroken, locate(['pins', alias]), alias, projectPath(options.root, dir)));
      broken = true;
      continue;
    }
    current[alias] = now;
    stale.push({ alias, dir: projectPath(options.root, dir), pinned, now });
  }
  const line = pinLine(current);
  for (const { alias, dir, pinned, now } of stale) {
    const e = error(PinnedDataChanged, locate(['pins', alias]), alias, dir, describeChange(pinned, now), now.digest);
    // The exact line to paste goes last, on its own line at its first column, as it goes in the frontmatter;
    // none while another pinned dataset does not load.
    if (!broken) e.message = `${e.message}\n${line}`;
    problems.push(e);
  }
  return problems;
}
