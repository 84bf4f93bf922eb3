/**
 * The posts a site has: every `.md` file under its posts folder, at any depth, as the content loader's glob
 * (`**\/*.md`) finds them; absolute paths, in name order. Light on purpose: the build's second thread lists them
 * before Astro starts (helperThread.ts), and `npm run check` reads them without Astro.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The posts under `postsDir` (none when it does not exist). */
export function postFiles(postsDir: string): string[] {
  try {
    return readdirSync(postsDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => join(postsDir, f));
  } catch {
    return [];
  }
}
