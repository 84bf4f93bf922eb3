/**
 * Charts drawn by another thread (src/render/drawChart.ts, chartExchange): two exchanges wired to each other as the
 * build's two threads are (messages cloned as between threads). A chart drawn by the other side is the chart drawn
 * here, its overflow is told as here, and a chart that fails there fails here with the same error.
 */
import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/data/types.ts';
import { SoundingsError } from '../../src/errors.ts';
import { chartSvg } from '../../src/render/chartSvg.ts';
import { type ChartMessage, chartExchange, drawChart, useChartDrawer } from '../../src/render/drawChart.ts';

const rows: Row[] = [
  { campaign: '#KeepCorbyn', posts: 10 },
  { campaign: '#SaveLabour', posts: 5 },
];
const bars = {
  mark: 'bar',
  encoding: { y: { field: 'campaign', type: 'nominal' }, x: { field: 'posts', type: 'quantitative' } },
};
const LONG = 'A title far longer than any chart is wide, which no narrowing of its plot will ever bring inside the drawing';

/** Two threads' exchanges, each posting to the other; what went across, kind by kind. */
function wired() {
  const sent: string[] = [];
  const across = (to: () => ReturnType<typeof chartExchange>) => (m: ChartMessage) => {
    sent.push(m.kind);
    const copy = structuredClone(m);
    setTimeout(() => void to().receive(copy));
  };
  const here: ReturnType<typeof chartExchange> = chartExchange(across(() => there));
  const there: ReturnType<typeof chartExchange> = chartExchange(across(() => here));
  return { here, sent };
}

describe('chartExchange(post)', () => {
  it('has the other thread draw the chart this thread would draw, and tells its overflow', async () => {
    const { here, sent } = wired();
    useChartDrawer(here.drawer);
    try {
      const cut: number[] = [];
      const spec = { ...bars, title: { text: LONG } };
      const svg = await drawChart(spec, rows, { id: 'c', onOverflow: (pixels) => cut.push(pixels) });
      expect(sent).toEqual(['draw', 'drawn']);
      const own: number[] = [];
      expect(svg).toBe(await chartSvg(spec, rows, { id: 'c', onOverflow: (pixels) => own.push(pixels) }));
      expect(cut).toEqual(own);
      expect(cut[0]).toBeGreaterThan(0);
      expect(here.waiting()).toBe(0);
    } finally {
      useChartDrawer(undefined);
    }
  });

  it("fails with the other thread's error, as drawn here", async () => {
    const { here } = wired();
    const spec = { ...bars, encoding: { ...bars.encoding, x: { field: 'fans', type: 'quantitative' } } };
    const own = await chartSvg(spec, rows, { id: 'c' }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(own).toBeInstanceOf(SoundingsError);
    const there = await here.drawer(spec, rows, { id: 'c' }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(there).toBeInstanceOf(SoundingsError);
    expect(there?.message).toBe(own?.message);
    // Every field a caller reads (the overlay, the build's failure, a check): sent as data, made again here.
    const fields = (e: Error | undefined) => {
      const { name, title, hint, detail, location, others } = e as SoundingsError;
      return { name, title, hint, detail, location, others };
    };
    expect(fields(there)).toEqual(fields(own));
  });

  it('fails what is still asked when the other thread stops', async () => {
    const here = chartExchange(() => {});
    const asked = here.drawer(bars, rows, { id: 'c' });
    expect(here.waiting()).toBe(1);
    here.stop('the second thread exited');
    await expect(asked).rejects.toThrow('the second thread exited');
    expect(here.waiting()).toBe(0);
  });
});
