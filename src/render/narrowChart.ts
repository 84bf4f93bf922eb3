/**
 * A chart's phone rendering. A chart is drawn 640 px wide for the article
 * column; on a phone (a 390 px screen holds about 350 px of column) the SVG
 * would be scaled down to about half, and its 12 px text with it, to 6 px.
 * So each single or layered view is drawn a second time, {@link NARROW_WIDTH}
 * px wide, with its text at full size, and the page shows that one on small
 * screens, up to 37.5rem (src/styles/site.css, `.chart-narrow`). Axis labels get at most
 * {@link NARROW_LABEL} px of that width: every `labelLimit` above it is
 * lowered, and so is the width a `houseWrap(…)` label expression wraps at;
 * a title too long for the width is wrapped into lines.
 */
import { houseConfig } from './houseConfig.ts';
import { isComposite, type VegaLiteSpec } from './mapViews.ts';
import { wrapLabel } from './wrapLabel.ts';

/** Axis titles' size. */
const TITLE_SIZE = houseConfig.axis.titleFontSize;

/** The phone chart's width: 330 px fits a 390 px screen's column (about 350 px). */
export const NARROW_WIDTH = 330;
/** The most an axis label may take of it. */
export const NARROW_LABEL = 150;
/**
 * An axis or legend title wider than this is wrapped into lines: vega centres an axis title on the plot, which
 * the axis labels leave about this wide, and a wide chart's one-line title would be cut at both ends.
 */
const NARROW_TITLE = NARROW_WIDTH - NARROW_LABEL - 20;

/** The configs of a spec that can say how an axis's labels overlap. */
const AXIS_CONFIGS = ['axis', 'axisX', 'axisY', 'axisTop', 'axisBottom', 'axisLeft', 'axisRight', 'axisQuantitative', 'axisTemporal'];

const HOUSE_WRAP = /houseWrap\(([^,()]+),\s*(\d+(?:\.\d+)?)/g;

function narrowed(value: unknown, key?: string): unknown {
  // 0 is vega's "no limit".
  if (key === 'labelLimit' && typeof value === 'number') return value === 0 ? NARROW_LABEL : Math.min(value, NARROW_LABEL);
  if (key === 'title' && typeof value === 'string') return wrapLabel(value, NARROW_TITLE, TITLE_SIZE);
  if (typeof value === 'string')
    return value.replace(HOUSE_WRAP, (_m, text: string, width: string) => `houseWrap(${text}, ${Math.min(Number(width), NARROW_LABEL)}`);
  if (Array.isArray(value)) return value.map((v) => narrowed(v));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, narrowed(v, k)]));
  return value;
}

/** The spec drawn at phone width, or `undefined` for a composite view, which is drawn once. */
export function narrowSpec(spec: VegaLiteSpec): VegaLiteSpec | undefined {
  // Composite views set their own layout: they are drawn once, wide.
  if (isComposite(spec)) return undefined;
  const out = narrowed(spec) as VegaLiteSpec;
  const config = (out.config ?? {}) as Record<string, Record<string, unknown> | undefined>;
  return {
    ...out,
    width: NARROW_WIDTH,
    config: {
      ...config,
      axis: { labelLimit: NARROW_LABEL, ...config.axis },
      // Fewer ticks fit on a scale: a tick label that would touch the one before it is left out. Never a category's
      // name (a band axis), which nothing else on the chart gives; and not where the spec says how labels overlap
      // in any axis config (axisQuantitative and axisTemporal would override its axis, axisX…). On a scale every
      // other label goes ("parity"), so those left stay evenly spaced and an odd count keeps both ends: "greedy"
      // kept 0%, 25%, 50% and 75% of a share axis and dropped its 100%, the end a reader reads a share against
      // (a trial's phone). Dates keep "greedy": their labels differ in width, and parity would halve them for one.
      ...(AXIS_CONFIGS.some((key) => config[key]?.labelOverlap !== undefined || config[key]?.labelSeparation !== undefined)
        ? {}
        : {
            axisQuantitative: { labelOverlap: 'parity', labelSeparation: 6, ...config.axisQuantitative },
            axisTemporal: { labelOverlap: 'greedy', labelSeparation: 6, ...config.axisTemporal },
          }),
      legend: { labelLimit: NARROW_WIDTH - 40, ...config.legend },
    },
  };
}
