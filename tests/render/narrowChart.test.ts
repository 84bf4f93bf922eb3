import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/data/types.ts';
import { builtinCharts } from '../../src/render/builtinCharts.ts';
import { chartSvg } from '../../src/render/chartSvg.ts';
import { NARROW_LABEL, NARROW_WIDTH, narrowSpec } from '../../src/render/narrowChart.ts';
import { textWidth } from '../../src/render/textWidth.ts';
import { colors, followerRows, projectionRows, shareRows, weeklyRows } from './fixtures.ts';
import { drawnTexts, svgWidth } from './svgText.ts';

/** The font sizes of an SVG's text, as drawn. */
const fontSizes = (svg: string) => Array.from(svg.matchAll(/font-size="?([\d.]+)/g), (m) => Number(m[1]));

describe('narrowSpec(spec)', () => {
  it('draws a single view at phone width, axis labels capped, and leaves the wide spec as it was', () => {
    const spec = builtinCharts.projection?.spec ?? {};
    const before = JSON.stringify(spec);
    const narrow = narrowSpec(spec);
    expect(narrow?.width).toBe(NARROW_WIDTH);
    const text = JSON.stringify(narrow);
    expect(text).toContain(`"labelLimit":${NARROW_LABEL}`);
    expect(text).toContain(`houseWrap(datum.label, ${NARROW_LABEL}, 12)`);
    expect(text).not.toContain('220');
    expect(JSON.stringify(spec)).toBe(before);
  });

  it("leaves out touching scale labels unless the spec's own axis config says how labels overlap", () => {
    const house = narrowSpec({ mark: 'bar' })?.config as Record<string, Record<string, unknown>>;
    expect(house.axisQuantitative).toMatchObject({ labelOverlap: 'parity' });
    expect(house.axisTemporal).toMatchObject({ labelOverlap: 'greedy' });
    const own = narrowSpec({ mark: 'bar', config: { axisX: { labelOverlap: false } } })?.config as Record<string, unknown>;
    expect(own.axisQuantitative).toBeUndefined();
    expect(own.axisX).toEqual({ labelOverlap: false });
  });

  it("keeps both ends of a share axis too narrow for all its labels, every other one left out (a phone's share-bar)", async () => {
    const regions = ['West Midlands', 'East Midlands', 'North East', 'Yorkshire and The Humber', 'North West', 'Scotland'];
    const rows = regions.map((label, i) => ({ label, share: 0.38 + i * 0.04 }));
    const svg = await chartSvg(narrowSpec(builtinCharts['share-bar']?.spec ?? {}) ?? {}, rows, { id: 's' });
    const scale = drawnTexts(svg)
      .filter((t) => t.role === 'axis-label' && t.text.endsWith('%'))
      .map((t) => t.text);
    expect(scale).toEqual(['0%', '50%', '100%']);
  });

  it("caps an unlimited label (vega's labelLimit 0) too", () => {
    expect(JSON.stringify(narrowSpec({ mark: 'bar', encoding: { y: { field: 'a', axis: { labelLimit: 0 } } } }))).toContain(
      `"labelLimit":${NARROW_LABEL}`,
    );
  });

  it('wraps a title too long for the plot into lines', () => {
    const narrow = narrowSpec({
      mark: 'bar',
      encoding: {
        x: { field: 'n', type: 'quantitative', title: 'Followers (logarithmic scale: each gridline is ten times the one before)' },
      },
    });
    const title = (narrow?.encoding as { x: { title: unknown } } | undefined)?.x.title;
    expect(Array.isArray(title) && title.length).toBeGreaterThan(1);
  });

  it('leaves composite views to be drawn once', () => {
    expect(narrowSpec({ hconcat: [{ mark: 'bar' }, { mark: 'bar' }] })).toBeUndefined();
    expect(narrowSpec({ facet: { field: 'a' }, spec: { mark: 'bar' } })).toBeUndefined();
  });

  it("keeps the chart's text at its size in an SVG about half as wide", async () => {
    for (const [name, rows] of [
      ['follower-reach', followerRows],
      ['projection', projectionRows],
    ] as const) {
      const spec = builtinCharts[name]?.spec ?? {};
      const wide = await chartSvg(spec, rows, { id: name, colors });
      const narrow = await chartSvg(narrowSpec(spec) ?? {}, rows, { id: `${name}-narrow`, colors });
      const width = (svg: string) => Number(/<svg[^>]* width="([\d.]+)"/.exec(svg)?.[1]);
      expect(width(narrow), name).toBeLessThanOrEqual(NARROW_WIDTH + 12);
      expect(width(wide), name).toBeGreaterThan(600);
      expect(fontSizes(narrow).length, name).toBeGreaterThan(3);
      expect(Math.min(...fontSizes(narrow)), name).toBe(Math.min(...fontSizes(wide)));
    }
  });

  it("keeps value labels inside the drawing: a label at a bar's end or a scorecard's point is not cut off", async () => {
    const scorecardRows = [
      { label: '#KeepCorbyn share of voice', value: 0.794, actual: 0.618, error: 0.176, absError: 0.176 },
      { label: 'YouGov poll, 30 August', value: 0.594, actual: 0.618, error: -0.024, absError: 0.024 },
    ];
    for (const [name, rows] of [
      ['scorecard', scorecardRows],
      ['share-of-voice', shareRows],
      ['projection', projectionRows],
    ] as const) {
      const spec = builtinCharts[name]?.spec ?? {};
      for (const drawn of [spec, narrowSpec(spec) ?? {}]) {
        const svg = await chartSvg(drawn, rows, { id: name, colors });
        const width = Number(/<svg[^>]* width="([\d.]+)"/.exec(svg)?.[1]);
        const origin = Number(/<g[^>]*transform="translate\(([\d.]+),/.exec(svg)?.[1]);
        const labels = Array.from(
          svg.matchAll(
            /aria-roledescription="text mark"[^>]*transform="translate\(([\d.]+),[^)]*\)"[^>]*font-size="([\d.]+)px"[^>]*>([^<]+)</g,
          ),
          (m) => ({ text: m[3] as string, end: origin + Number(m[1]) + textWidth(m[3] as string, Number(m[2])) }),
        );
        expect(labels.length, name).toBeGreaterThan(0);
        for (const label of labels) expect(label.end, `${name} ${width}: ${label.text}`).toBeLessThanOrEqual(width);
      }
    }
  });

  it("keeps every category's name on a phone drawing, and leaves out only scale labels that would touch", async () => {
    const spec = builtinCharts.projection?.spec ?? {};
    const svg = await chartSvg(narrowSpec(spec) ?? {}, projectionRows, { id: 'p', colors });
    expect(svg).not.toMatch(/<text[^>]*opacity="0"[^>]*>[^<]*[A-Za-z]/);
  });

  it("stacks a phone's legend whose last label only a wider font would push past the edge (the sample's follower chart)", async () => {
    // "#SavingLabour" ended 1 px short of the edge as the house estimate measures it, and past it in DejaVu Sans: the
    // build warned of it on every run. Stacked, "8.2m" at the end of the top dot is then moved left as well.
    const labels = { domain: ['#KeepCorbyn', '#SavingLabour'], range: ['#c2185b', '#1e88e5'] };
    const rows = followerRows.map((row) => ({ ...row, campaign: row.campaign === '#KeepCorbyn' ? '#KeepCorbyn' : '#SavingLabour' }));
    const overflows: string[][] = [];
    const svg = await chartSvg(narrowSpec(builtinCharts['follower-reach']?.spec ?? {}) ?? {}, rows, {
      id: 'f',
      colors: labels,
      onOverflow: (_pixels, cut) => overflows.push(cut),
    });
    expect(overflows).toEqual([]);
    const legend = drawnTexts(svg).filter((t) => t.role === 'legend-label');
    expect(legend.map((t) => t.text)).toEqual(labels.domain);
    expect(new Set(legend.map((t) => t.y)).size).toBe(2);
  });

  it("keeps every legend entry inside the drawing, a long campaign's label whole, on a phone one entry a row", async () => {
    const labels = ['#CleanHarbour (Friends of the Harbour)', '#DredgeNow'];
    const long = { domain: labels, range: ['#1b7837', '#8c510a'] };
    const relabel = (row: Row): Row => ({
      ...row,
      campaign: row.campaign === null ? null : row.campaign === '#KeepCorbyn' ? '#CleanHarbour (Friends of the Harbour)' : '#DredgeNow',
    });
    const weekly = weeklyRows.map(relabel);
    const followers = followerRows.map(relabel);
    for (const [name, rows] of [
      ['weekly-volume', weekly],
      ['follower-reach', followers],
    ] as const) {
      const spec = builtinCharts[name]?.spec ?? {};
      for (const drawn of [narrowSpec(spec) ?? {}, spec]) {
        const overflows: number[] = [];
        const svg = await chartSvg(drawn, rows, { id: name, colors: long, onOverflow: (pixels) => overflows.push(pixels) });
        const width = svgWidth(svg);
        const legend = drawnTexts(svg).filter((t) => t.role === 'legend-label');
        expect(legend.map((t) => t.text)).toEqual(expect.arrayContaining(labels));
        for (const entry of legend) {
          expect(entry.left, `${name} ${width}: ${entry.text}`).toBeGreaterThanOrEqual(0);
          expect(entry.right, `${name} ${width}: ${entry.text}`).toBeLessThanOrEqual(width);
        }
        if (width === NARROW_WIDTH) expect(new Set(legend.map((t) => t.y)).size, name).toBe(legend.length);
        expect(overflows, `${name} ${width}`).toEqual([]);
      }
    }
  });

  it('keeps a legend that fits on one row on one row', async () => {
    const svg = await chartSvg(narrowSpec(builtinCharts['weekly-volume']?.spec ?? {}) ?? {}, weeklyRows, { id: 'w', colors });
    const legend = drawnTexts(svg).filter((t) => t.role === 'legend-label');
    expect(legend.map((t) => t.text)).toEqual(['#KeepCorbyn', '#SaveLabour']);
    expect(new Set(legend.map((t) => t.y)).size).toBe(1);
  });

  it('keeps the first drawing when what overflows does not move as the plot narrows (a long title)', async () => {
    const spec = {
      title: { text: 'A title far longer than a phone is wide, which no narrowing of the plot brings inside the drawing' },
      mark: 'bar',
      encoding: { y: { field: 'label', type: 'nominal' }, x: { field: 'share', type: 'quantitative' } },
    };
    // On the article's drawing: at phone width vega's own fit leaves such a title no room to spare either.
    const svg = await chartSvg(spec, projectionRows, { id: 'n' });
    const bars = Array.from(svg.matchAll(/aria-roledescription="bar"[^>]*d="M[\d.-]+,[\d.-]+h([\d.]+)/g), (m) => Number(m[1]));
    expect(bars.length).toBeGreaterThan(0);
    expect(Math.max(...bars)).toBeGreaterThan(50);
  });
});
