/**
 * Draws a chart: {@link chartSvg} on the site's helper thread when it has one (src/site/helperThread.ts), else on
 * this thread. Charts are pure (a spec and rows in, SVG out), so where they are drawn changes nothing in the output;
 * a build draws them beside the posts' analysis rather than after it. On this thread, vega is imported on the first
 * chart only: a build whose charts go to the helper never loads it here.
 */
import type { Row } from '../data/types.ts';
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
