import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A run's built sites older than this were left by a run that crashed: removed by the next. */
const STALE_MS = 6 * 60 * 60 * 1000;

/**
 * Before the run: makes a folder of this run's own for the sites the tests build (tests/site/astroBuild.ts builds
 * inside node_modules/.cache, where the built pages can resolve the project's packages), and removes those of runs
 * that crashed long ago; and points TMPDIR at one folder for this run, which the test workers, the builds they start
 * and Chromium inherit: every fixture project, cache and browser profile goes there. After the run: both folders are
 * removed, so `npm test` leaves nothing behind. A run never removes another run's sites, so two runs at once (two
 * checkouts sharing node_modules) do not pull pages from under each other.
 */
export default function setup() {
  const cache = join(import.meta.dirname, '..', 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  for (const name of readdirSync(cache)) {
    const path = join(cache, name);
    // Another run may remove its own folder meanwhile.
    const modified = name.startsWith('soundings-run-') ? statSync(path, { throwIfNoEntry: false })?.mtimeMs : undefined;
    const old = modified !== undefined && Date.now() - modified > STALE_MS;
    // soundings-dist-*: builds of the test code before runs had folders of their own.
    if (old || name.startsWith('soundings-dist-')) rmSync(path, { recursive: true, force: true });
  }
  const builds = mkdtempSync(join(cache, 'soundings-run-'));
  process.env.SOUNDINGS_TEST_BUILDS = builds;
  const scratch = mkdtempSync(join(tmpdir(), 'soundings-tests-'));
  process.env.TMPDIR = scratch;
  // The tests choose where each build keeps its caches (a fresh clone's node_modules, or a folder of their own): a
  // SOUNDINGS_CACHE_DIR or site override of the user's, for their own builds, must not move them.
  for (const name of ['SOUNDINGS_CACHE_DIR', 'SOUNDINGS_CONTENT_DIR', 'SOUNDINGS_DATA_DIR', 'SOUNDINGS_SITE', 'SOUNDINGS_HELPER_THREAD'])
    delete process.env[name];
  // Plain text from every build the tests run, whatever the terminal: Astro colours its log lines when CI is set (as
  // .ci/run sets it), which would put escape codes between "HH:MM:SS" and "[WARN]" in what the tests read.
  process.env.NO_COLOR = '1';
  return () => {
    rmSync(scratch, { recursive: true, force: true });
    rmSync(builds, { recursive: true, force: true });
  };
}
