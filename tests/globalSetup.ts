import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Before the run: removes the sites built by earlier test runs
 * (tests/site/astroBuild.ts builds into node_modules/.cache), and points
 * TMPDIR at one folder for this run, which the test workers, the builds they
 * start and Chromium inherit: every fixture project, cache and browser profile
 * goes there. After the run: that folder is removed, so `npm test` leaves
 * nothing behind in the system's temporary folder.
 */
export default function setup() {
  const cache = join(import.meta.dirname, '..', 'node_modules', '.cache');
  let names: string[] = [];
  try {
    names = readdirSync(cache);
  } catch {
    names = [];
  }
  for (const name of names) {
    if (name.startsWith('soundings-dist-')) rmSync(join(cache, name), { recursive: true, force: true });
  }
  const scratch = mkdtempSync(join(tmpdir(), 'soundings-tests-'));
  process.env.TMPDIR = scratch;
  return () => rmSync(scratch, { recursive: true, force: true });
}
