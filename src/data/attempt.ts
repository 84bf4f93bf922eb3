/**
 * Collecting problems instead of throwing: `npm run check` loads a dataset
 * with a problem list, and each record, file or item is attempted on its own.
 */
import type { SoundingsError } from '../errors.ts';

/** Runs `fn`, or records its SoundingsError in `problems` (when given) and goes on. */
export function attempt<T>(fn: () => T, problems: SoundingsError[] | undefined, fallback: T): T {
  if (!problems) return fn();
  try {
    return fn();
  } catch (e) {
    if (e instanceof Error && 'location' in e && 'hint' in e) {
      problems.push(e as SoundingsError);
      return fallback;
    }
    throw e;
  }
}
