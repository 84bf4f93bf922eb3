/**
 * Collecting problems instead of throwing: `npm run check` loads a dataset
 * with a problem list, and each record, file or item is attempted on its own.
 */
import { isSoundingsError, type SoundingsError } from '../errors.ts';

/**
 * Records `e` in `problems` when it is a SoundingsError (a located problem with the data), with the problems found
 * with it (a row's other bad cells); rethrows anything else.
 */
export function collectProblem(e: unknown, problems: SoundingsError[]): void {
  if (!isSoundingsError(e)) throw e;
  problems.push(e, ...(e.others ?? []));
}

/** Runs `fn`, or records its SoundingsError in `problems` (when given) and goes on. */
export function attempt<T>(fn: () => T, problems: SoundingsError[] | undefined, fallback: T): T {
  if (!problems) return fn();
  try {
    return fn();
  } catch (e) {
    collectProblem(e, problems);
    return fallback;
  }
}

/** Like {@link attempt}, for async work. */
export async function attemptAsync<T>(fn: () => Promise<T>, problems: SoundingsError[] | undefined, fallback: T): Promise<T> {
  if (!problems) return fn();
  try {
    return await fn();
  } catch (e) {
    collectProblem(e, problems);
    return fallback;
  }
}
