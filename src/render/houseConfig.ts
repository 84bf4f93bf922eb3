/**
 * The house look of every chart: text, axes and legends in `currentColor`
 * (so a chart follows the page's text colour, dark mode included), the
 * system sans-serif font, no background and no frame. A spec's own `config`
 * is merged over this one and wins.
 */
export const HOUSE_FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif';

/** The chart width, in pixels, that suits an article column. */
export const HOUSE_WIDTH = 640;

export const houseConfig = {
  background: 'transparent',
  font: HOUSE_FONT,
  padding: 6,
  customFormatTypes: true,
  view: { stroke: null, continuousWidth: HOUSE_WIDTH, continuousHeight: 280, step: 26 },
  axis: {
    domainColor: 'currentColor',
    domainOpacity: 0.5,
    tickColor: 'currentColor',
    tickOpacity: 0.5,
    gridColor: 'currentColor',
    gridOpacity: 0.12,
    labelColor: 'currentColor',
    labelFontSize: 12,
    titleColor: 'currentColor',
    titleFontSize: 12,
    titleFontWeight: 'normal',
  },
  legend: {
    labelColor: 'currentColor',
    labelFontSize: 12,
    titleColor: 'currentColor',
    titleFontSize: 12,
    titleFontWeight: 'normal',
    symbolStrokeWidth: 2,
    labelLimit: 320,
    columnPadding: 18,
  },
  header: { labelColor: 'currentColor', titleColor: 'currentColor' },
  title: { color: 'currentColor', subtitleColor: 'currentColor', anchor: 'start', fontSize: 15, fontWeight: 'bold' },
  text: { color: 'currentColor', fontSize: 12 },
  rule: { color: 'currentColor' },
  // Categorical colours that keep at least 3:1 contrast (WCAG 1.4.11) with the
  // light panel charts sit on in both colour schemes; vega's default palette
  // has an orange at 2.4:1. Campaign colours, when a post gives them, win.
  range: { category: ['#1f5f8b', '#b3541e', '#2e7d32', '#7b4fa0', '#8a6d00', '#a3245e', '#00796b', '#5f6b7a'] },
} as const;
