/**
 * How every script and test here starts the project's own Astro: the CLI in
 * node_modules, run by the pinned Node, in an environment without vitest's
 * variables (they make Vite behave as under test) and without telemetry.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

export const ASTRO_CLI = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');

/**
 * The environment of an Astro child building or serving the site whose `content/` and `data/` are under
 * `siteRoot` (a fixture or a copy of the sample), with its own caches and, for a build, output folder.
 */
export function siteEnv(siteRoot: string, dirs: { cacheDir: string; outDir?: string }): NodeJS.ProcessEnv {
  return {
    ...childEnv(),
    SOUNDINGS_CONTENT_DIR: join(siteRoot, 'content'),
    SOUNDINGS_DATA_DIR: join(siteRoot, 'data'),
    SOUNDINGS_CACHE_DIR: dirs.cacheDir,
    ...(dirs.outDir ? { SOUNDINGS_OUT_DIR: dirs.outDir } : {}),
  };
}

/** `astro dev` on 127.0.0.1:`port`; `--ignore-lock`: beside a developer's own `npm run dev`, and never backgrounded. */
export const devArgs = (port: number): string[] => [ASTRO_CLI, 'dev', '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'];

export function childEnv(): NodeJS.ProcessEnv {
  return {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV' && k !== 'TEST')),
    ASTRO_TELEMETRY_DISABLED: '1',
  };
}

/** A TCP port free on 127.0.0.1 now, for an `astro dev` server. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
