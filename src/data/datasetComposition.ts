/**
 * What a dataset's digest stands for, kept so that a changed digest can be explained (pins.ts): the manifest's bytes
 * and meaning, and each data file's name and bytes, in load order. Two compositions whose files have the same bytes
 * in the same order, under other names, and whose manifests mean the same (a comment added, spacing, quoting, key
 * order), read the same rows: {@link noRowMoved} says what moved then.
 */
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { datasetParts, digestOf, sha256 } from './datasetFiles.ts';

export interface Composition {
  digest: string;
  manifestSha: string;
  /** SHA-256 of the manifest's parsed value, keys sorted; undefined when it is not YAML. */
  meaning: string | undefined;
  /** Each data file's name in the folder and its SHA-256, in load order. */
  files: [name: string, sha256: string][];
}

/** A value as JSON with every object's keys sorted: two manifests that mean the same give the same text. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

function meaningOf(text: string): string | undefined {
  try {
    return createHash('sha256')
      .update(canonical(parseYaml(text)))
      .digest('hex');
  } catch {
    return undefined;
  }
}

/** The composition of the dataset in `dir` as it is now; undefined without a manifest. */
export function compositionOf(dir: string): Composition | undefined {
  const { manifest, files } = datasetParts(dir);
  if (manifest === undefined) return undefined;
  const manifestSha = sha256(manifest);
  return {
    digest: digestOf(manifestSha, dir, files),
    manifestSha,
    meaning: meaningOf(manifest),
    files: files.map(([path, sha]) => [basename(path), sha]),
  };
}

/**
 * What moved from `before` to `now` when no row did, as a pin's message says it ("the manifest's bytes changed but
 * not its meaning (a comment, spacing or quoting)", "a.csv renamed to 2016-07.csv, same bytes"); undefined when a
 * row may have moved: a file's bytes changed, one was added or removed, the files were read in another order (the
 * first copy of a post exported twice would be another), or the manifest means something else.
 */
export function noRowMoved(before: Composition, now: Composition): string[] | undefined {
  if (before.digest === now.digest) return [];
  if (before.files.length !== now.files.length || before.files.some(([, sha], i) => now.files[i]?.[1] !== sha)) return undefined;
  if (before.manifestSha !== now.manifestSha && (before.meaning === undefined || before.meaning !== now.meaning)) return undefined;
  const moved: string[] = [];
  if (before.manifestSha !== now.manifestSha)
    moved.push("the manifest's bytes changed but not its meaning (a comment, spacing or quoting)");
  for (const [i, [name]] of before.files.entries()) {
    const renamed = now.files[i]?.[0] as string;
    if (renamed === name) continue;
    // Another extension is another format (a CSV renamed .tsv is read with tabs): its rows may differ.
    if (extname(renamed).toLowerCase() !== extname(name).toLowerCase()) return undefined;
    moved.push(`${name} renamed to ${renamed}, same bytes`);
  }
  return moved;
}
