/**
 * How every script and test here starts the project's own Astro: the CLI in
 * node_modules, run by the pinned Node, in an environment without vitest's
 * variables (they make Vite behave as under test) and without telemetry.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

export const ASTRO_CLI = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');

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
