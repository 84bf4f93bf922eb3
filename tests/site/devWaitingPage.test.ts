import { describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/chromium.ts';
import { devWaitingPage } from '../../src/site/devWaitingPage.ts';

describe('devWaitingPage', () => {
  it('is a 503 that reloads itself as soon as the post answers, without waiting for a refresh or for HMR', async () => {
    const waiting = devWaitingPage();
    expect(waiting.status).toBe(503);
    const html = await waiting.text();
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      // The post is being re-rendered for the first three requests (the page, then two of its own), then ready.
      let asked = 0;
      await page.route('http://soundings.test/posts/post/', async (route) => {
        asked += 1;
        if (asked <= 3) return route.fulfill({ status: 503, contentType: 'text/html', body: html });
        return route.fulfill({ status: 200, contentType: 'text/html', body: '<p id="post">The post, rendered.</p>' });
      });
      // Vite's client, which would reload the page on Astro's word: here it never speaks.
      await page.route('http://soundings.test/@vite/client', (route) =>
        route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }),
      );
      let loads = 0;
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) loads += 1;
      });
      await page.goto('http://soundings.test/posts/post/');
      await page.locator('#post').waitFor({ timeout: 10_000 });
      // Two loads, the waiting page and the post: it asked for itself three times (503, 503, then 200) and reloaded.
      expect(loads).toBe(2);
      expect(asked).toBe(5);
    } finally {
      await browser.close();
    }
  });
});
