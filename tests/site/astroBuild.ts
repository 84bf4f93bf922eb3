import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { ASTRO_CLI, siteEnv } from '../../scripts/astro.ts';

const run = promisify(execFile);
const projectRoot = join(import.meta.dirname, '..', '..');

export interface BuildResult {
  outDir: string;
  stdout: string;
}

/**
 * Builds a fixture site (its own content/ and data/) with the project's
 * astro.config.mjs and src/, into a fresh output folder. `cacheDir` keeps
 * Astro's content cache between builds, as a real project's node_modules/.astro does.
 */
export async function astroBuild(siteRoot: string, options: { cacheDir: string; env?: Record<string, string> }): Promise<BuildResult> {
  // Inside the project (node_modules/.cache), not /tmp: when outDir is outside the working
  // directory, Astro writes its prerender chunks to <project>/.astro/.prerender, which
  // concurrent builds (test files run in parallel) share and delete under each other.
  // This run's own folder there (tests/globalSetup.ts), or the cache itself when a file is run outside vitest's setup.
  const cache = process.env.SOUNDINGS_TEST_BUILDS ?? join(projectRoot, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const outDir = mkdtempSync(join(cache, 'soundings-dist-'));
  const { stdout, stderr } = await run(process.execPath, [ASTRO_CLI, 'build'], {
    cwd: projectRoot,
    env: { ...siteEnv(siteRoot, { cacheDir: options.cacheDir, outDir }), ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { outDir, stdout: stdout + stderr };
}

/** Every file of a built site, path → bytes. */
export function siteFiles(outDir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else files.set(relative(outDir, path), readFileSync(path));
    }
  };
  walk(outDir);
  return files;
}

/** The text of the `:value` spans of a page, by key, in order. */
export function valuesOf(html: string): [string, string][] {
  return Array.from(html.matchAll(/<span class="value" data-key="([^"]+)"[^>]*>([^<]*)<\/span>/g), (m) => [m[1] as string, m[2] as string]);
}
