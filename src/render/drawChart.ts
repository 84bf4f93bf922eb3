/**
 * Draws a chart: {@link chartSvg} on the site's helper thread when it has one (src/site/helperThread.ts), else on
 * this thread. Charts are pure (a spec and rows in, SVG out), so where they are drawn changes nothing in the output;
 * a build draws them beside the posts' analysis rather than after it. On this thread, vega is imported on the first
 * chart only: a build whose charts go to the helper never loads it here.
 */
import type { Row } from '../data/types.ts';
import type { SentError } from '../errors.ts';
import { processGlobal } from '../processGlobal.ts';
import type { ChartSvgOptions, VegaLiteSpec } from './chartSvg.ts';

/** What a chart drawn elsewhere comes back as: its SVG, and how far it still reaches past its right edge. */
export interface DrawnChart {
  svg: string;
  overflow?: { pixels: number; cut: string[] };
}

/** Draws charts somewhere else (the options without the callback, which cannot cross a thread). */
export type ChartDrawer = (spec: VegaLiteSpec, rows: readonly Row[], options: Omit<ChartSvgOptions, 'onOverflow'>) => Promise<DrawnChart>;

/** Set by the site (its config's module graph), read by the chart directive (the content's): processGlobal.ts. */
const slot = processGlobal('chartDrawer', (): { drawer?: ChartDrawer | undefined } => ({}));

/** Has charts drawn by `drawer` from now on; undefined: on this thread again. */
export function useChartDrawer(drawer: ChartDrawer | undefined): void {
  slot.drawer = drawer;
}

/** The SVG of a chart, as {@link chartSvg} draws it, with its overflow told to `options.onOverflow`. */
export async function drawChart(spec: VegaLiteSpec, rows: readonly Row[], options: ChartSvgOptions): Promise<string> {
  const { onOverflow, ...rest } = options;
  if (!slot.drawer) return (await import('./chartSvg.ts')).chartSvg(spec, rows, options);
  const { svg, overflow } = await slot.drawer(spec, rows, rest);
  if (overflow) onOverflow?.(overflow.pixels, overflow.cut);
  return svg;
}

/** {@link chartSvg} with its overflow returned rather than told: what a helper thread sends back. */
export async function drawnChart(
  spec: VegaLiteSpec,
  rows: readonly Row[],
  options: Omit<ChartSvgOptions, 'onOverflow'>,
): Promise<DrawnChart> {
  let overflow: DrawnChart['overflow'];
  const svg = await (await import('./chartSvg.ts')).chartSvg(spec, rows, {
    ...options,
    onOverflow: (pixels, cut) => {
      overflow = { pixels, cut };
    },
  });
  return overflow ? { svg, overflow } : { svg };
}

/** A chart's drawing asked of the other thread, or its answer: the SVG, or the error it failed with. */
export type ChartMessage =
  | { kind: 'draw'; job: number; spec: VegaLiteSpec; rows: readonly Row[]; options: Omit<ChartSvgOptions, 'onOverflow'> }
  | { kind: 'drawn'; job: number; chart: DrawnChart }
  | { kind: 'failed'; job: number; error: SentError | { name: string; message: string } };

/**
 * Charts drawn between two threads, either way (src/site/helperThread.ts): `drawer` has the other thread draw a
 * chart (sent with `post`), and `receive` takes that thread's messages, drawing what it asks here and answering, or
 * settling what was asked of it. A chart that fails there fails here with the same error.
 */
export function chartExchange(post: (m: ChartMessage) => void) {
  const asked = new Map<number, { resolve: (chart: DrawnChart) => void; reject: (e: Error) => void }>();
  let jobs = 0;
  const drawer: ChartDrawer = (spec, rows, options) => {
    const job = jobs++;
    const done = new Promise<DrawnChart>((resolve, reject) => asked.set(job, { resolve, reject }));
    post({ kind: 'draw', job, spec, rows, options });
    return done;
  };
  const receive = async (m: ChartMessage): Promise<void> => {
    if (m.kind === 'draw') {
      try {
        post({ kind: 'drawn', job: m.job, chart: await drawnChart(m.spec, m.rows, m.options) });
      } catch (e) {
        // A SoundingsError by its fields (errors.ts, isSoundingsError), whichever module graph's copy of the class made it: sent whole
        // (errors.ts, sentError: its location too), anything else as its name and message.
        const { name, message } = e as Error;
        const { isSoundingsError, sentError } = await import('../errors.ts');
        const error = isSoundingsError(e) ? sentError(e) : { name, message };
        post({ kind: 'failed', job: m.job, error });
      }
      return;
    }
    const waiting = asked.get(m.job);
    asked.delete(m.job);
    if (m.kind === 'drawn') waiting?.resolve(m.chart);
    else waiting?.reject(await thrown(m.error));
  };
  /** Fails what is still asked of the other thread (it stopped). */
  const stop = (why: string) => {
    for (const { reject } of asked.values()) reject(new Error(why));
    asked.clear();
  };
  return { drawer, receive, stop, waiting: () => asked.size };
}

/** The error a chart failed with on the other thread, as it would have been thrown here. */
async function thrown(e: Extract<ChartMessage, { kind: 'failed' }>['error']): Promise<Error> {
  if (!('detail' in e)) return Object.assign(new Error(e.message), { name: e.name });
  // Imported when needed: this module loads before Astro starts (scripts/build.ts).
  return (await import('../errors.ts')).receivedError(e);
}
