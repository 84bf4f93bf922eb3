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
 * A change that moved no row (a comment added to the manifest, a file renamed with the same bytes) still fails:
 * decided so, because a pin names bytes, and the build can only tell that no row moved when its cache has seen the
 * pinned state (pinHistory.ts), which a fresh clone or CI runner has not: the same post must not pass on one machine
 * and fail on another. When it can tell, the message says what moved and that re-pinning is safe (PinnedDataMoved).
 *
 * Unpinned datasets simply update. This check runs when the post renders
 * (remarkSoundings.ts), so a build, `astro dev` and `npm run check` report a
 * stale pin alike, with the post's other problems.
 */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { compositionOf, noRowMoved } from '../data/datasetComposition.ts';
import { datasetDigest, projectPath } from '../data/datasetFiles.ts';
import type { Dataset } from '../data/types.ts';
import {
  error,
  type Location,
  PinContradictsData,
  PinnedDataBroken,
  PinnedDataChanged,
  PinnedDataMoved,
  PinUnknownAlias,
  type SoundingsError,
} from '../errors.ts';
import { cachedDataset } from './datasetCache.ts';
import type { Frontmatter } from './frontmatter.ts';
import { keepComposition, seenComposition } from './pinHistory.ts';

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

/**
 * What a pin records that the data its digest names does not have (its rows, its period), as the message says it
 * ("3 rows" / "4 rows"), or undefined when all it records is so.
 */
function contradictionOf(pinned: PinState, now: PinState): { recorded: string; holds: string } | undefined {
  const recorded: string[] = [];
  const holds: string[] = [];
  if (pinned.rows !== undefined && pinned.rows !== now.rows) {
    const rows = (n: number) => `${count(n)} row${n === 1 ? '' : 's'}`;
    recorded.push(rows(pinned.rows));
    holds.push(now.rows === undefined ? 'no row count' : rows(now.rows));
  }
  if (pinned.period !== undefined && pinned.period !== now.period) {
    recorded.push(`the period ${pinned.period.replace('/', ' to ')}`);
    holds.push(now.period === undefined ? 'no period (only posts have one)' : `the period ${now.period.replace('/', ' to ')}`);
  }
  return recorded.length > 0 ? { recorded: recorded.join(' and '), holds: holds.join(' and ') } : undefined;
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
  const stale: { alias: string; dir: string; pinned: PinState; now: PinState; moved: string[] | undefined }[] = [];
  const contradicted: { alias: string; dir: string; digest: string; recorded: string; holds: string }[] = [];
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
    const composition = compositionOf(dir);
    if ((composition?.digest ?? datasetDigest(dir)).startsWith(pinned.digest)) {
      // Kept, so that once the data changes the message can say whether a row moved.
      if (composition) keepComposition(id, composition, options);
      current[alias] = pinned;
      if (pinned.rows === undefined && pinned.period === undefined) continue;
      // The digest matches, so the data is what was pinned; but a pin whose rows or period were edited, or copied
      // from another post's pin, records a state the data never had, and a reviewer reading "rows: 600" would
      // trust a post written against 603. Only what the pin records is compared.
      let now: PinState;
      try {
        now = pinState(await cachedDataset(id, options));
      } catch {
        // Unchanged data that does not load: its error is reported where the post reads it.
        broken = true;
        continue;
      }
      const contradiction = contradictionOf(pinned, now);
      if (contradiction) {
        current[alias] = now;
        contradicted.push({ alias, dir: projectPath(options.root, dir), digest: pinned.digest, ...contradiction });
      }
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
    // What moved, when the pinned state was seen (by a build with this cache) and no row did.
    const before = composition && seenComposition(id, pinned.digest, options);
    const moved = before && composition ? noRowMoved(before, composition) : undefined;
    if (composition) keepComposition(id, composition, options);
    stale.push({ alias, dir: projectPath(options.root, dir), pinned, now, moved });
  }
  const line = pinLine(current);
  const repins: { alias: string; error: SoundingsError }[] = [];
  for (const { alias, dir, pinned, now, moved } of stale) {
    const where = locate(['pins', alias]);
    const e =
      moved && moved.length > 0
        ? error(PinnedDataMoved, where, alias, dir, moved, now.digest)
        : error(PinnedDataChanged, where, alias, dir, describeChange(pinned, now), now.digest);
    repins.push({ alias, error: e });
  }
  for (const { alias, dir, digest, recorded, holds } of contradicted) {
    repins.push({ alias, error: error(PinContradictsData, locate(['pins', alias]), alias, dir, digest, recorded, holds) });
  }
  // The exact line to paste goes last, on its own line at its first column, as it goes in the frontmatter; none
  // while another pinned dataset does not load. It re-pins every dataset, so it is printed once, with the problem
  // printed last (problems are printed in the post's order); the others say where it is (a trial with three stale
  // pins saw the same long line three times, and wondered whether they differed).
  const at = (e: SoundingsError) => [e.location?.line ?? 0, e.location?.column ?? 0] as const;
  const last = repins.reduce<(typeof repins)[number] | undefined>((latest, r) => {
    if (!latest) return r;
    const [line1, column1] = at(r.error);
    const [line0, column0] = at(latest.error);
    return line1 > line0 || (line1 === line0 && column1 > column0) ? r : latest;
  }, undefined);
  for (const r of repins) {
    if (!broken)
      r.error.message =
        r === last
          ? `${r.error.message}\n${line}`
          : `${r.error.message} The "pins:" line to paste re-pins every dataset and is printed once, after the message for "${last?.alias}".`;
    problems.push(r.error);
  }
  return problems;
}
