import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Removes the sites built by earlier test runs (tests/site/astroBuild.ts builds into node_modules/.cache). */
export default function setup() {
  const cache = join(import.meta.dirname, '..', 'node_modules', '.cache');
  let names: string[] = [];
  try {
    names = readdirSync(cache);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith('soundings-dist-')) rmSync(join(cache, name), { recursive: true, force: true });
  }
}
