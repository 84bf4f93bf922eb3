/**
 * For a human to look at the site: serves a built site and takes screenshots
 * of the given paths at 390 and 1280 px, light and dark, cut into screen-high
 * slices, and prints each page to PDF. `node scripts/shoot.ts dist out-dir / /posts/x/ …`
 * (SHOOT=390-dark, say, for one size and scheme).
 */
import { serveStatic } from '../src/site/staticServer.ts';
import { launchChromium } from './chromium.ts';

const [root = 'dist', out = '.', ...paths] = process.argv.slice(2);
const only = process.env.SHOOT ?? '';
const srv = await serveStatic(root);
const browser = await launchChromium();
for (const p of paths) {
  for (const w of [390, 1280])
    for (const s of ['light', 'dark', 'print'] as const) {
      if (only && !`${w}-${s}`.includes(only)) continue;
      const ctx = await browser.newContext({ viewport: { width: w, height: 900 }, colorScheme: s === 'dark' ? 'dark' : 'light' });
      const tab = await ctx.newPage();
      tab.on('console', (m) => {
        if (m.type() === 'error') console.log('console error', p, m.text());
      });
      await tab.goto(srv.url + p);
      if (s === 'print') {
        if (w !== 1280) continue;
        await tab.pdf({ path: `${out}/${p.replace(/\//g, '_')}.pdf`, format: 'A4' });
        await ctx.close();
        continue;
      }
      const name = `${p.replace(/\//g, '_')}-${w}-${s}`;
      const height = await tab.evaluate(() => document.documentElement.scrollHeight);
      const slice = w === 390 ? 1600 : 1400;
      for (let y = 0, i = 0; y < height && i < 12; y += slice, i++) {
        await tab.screenshot({
          path: `${out}/${name}-${i}.png`,
          fullPage: true,
          clip: { x: 0, y, width: w, height: Math.min(slice, height - y) },
        });
      }
      await ctx.close();
    }
}
await browser.close();
await srv.close();
