/**
 * Where Soundings' warnings are printed: through Astro's logger while Astro runs (`astro build`, `astro dev`, `npm run
 * build`), on the console otherwise (`npm run check`, unit tests, a script).
 *
 * Decided: under Astro, every warning goes through the integration logger Astro hands the `soundings` integration
 * (src/site/astroWarnings.ts), so that it is printed as Astro's own are, `20:54:04 [WARN] [soundings] file:line:column:
 * message hint`: a build log scanned for `[WARN]` finds ours beside Astro's. Astro's logger writes a warning to
 * stdout (only errors go to stderr: node_modules/astro/dist/core/logger/impls/node.js), in order with the rest of the
 * build's lines, and not at all under `--silent`; a bare console.warn wrote it to stderr, untagged. Outside Astro there
 * is no such logger and nothing to match: a warning is printed with console.warn, as it always was (`npm run check`
 * wraps console.warn to print each warning once, scripts/check.ts).
 *
 * The build's second thread (src/site/helperWorker.ts) has no logger of its own (Astro's is the posts' thread's, which
 * a worker cannot reach): a post's warnings it keeps with the post's render, for the posts' thread to print where it
 * takes the render (src/markdown/renderedAhead.ts), and any other (a data file read there) it hands to the posts'
 * thread, which prints it here (helperThread.ts). `npm run build` starts that thread before Astro (scripts/build.ts):
 * what it hands over before Astro gives the logger is held, and printed through the logger once there is one (or on
 * the console when the process ends without one: Astro stopped first).
 */
import { processGlobal } from './processGlobal.ts';

/** What prints a warning: Astro's integration logger, or the build's second thread's hand-over. */
export interface WarningPrinter {
  warn(message: string): void;
}

/** One for the process, whichever copy of this module prints (Astro loads the config and the pages apart). */
const printing = processGlobal('warnings', (): { to?: WarningPrinter | undefined; held?: string[] | undefined } => ({}));

/** Prints `message`, a warning, through the printer set ({@link printWarningsWith}), or holds it, or on the console. */
export function printWarning(message: string): void {
  if (printing.to) printing.to.warn(message);
  else if (printing.held) printing.held.push(message);
  else console.warn(message);
}

/** Prints every warning from now on with `to` (undefined: on the console), the warnings held first. */
export function printWarningsWith(to: WarningPrinter | undefined): void {
  printing.to = to;
  const held = printing.held ?? [];
  printing.held = undefined;
  for (const message of held) printWarning(message);
}

/**
 * Holds the warnings given until {@link printWarningsWith} sets a printer: in a process where Astro will give its
 * logger (scripts/build.ts, which starts the second thread before Astro). Those still held when the process ends are
 * printed on the console.
 */
export function holdWarnings(): void {
  if (printing.to || printing.held) return;
  printing.held = [];
  process.once('exit', () => {
    if (printing.held) printWarningsWith(undefined);
  });
}
