/**
 * How every script and test here starts the project's own Astro: the CLI in
 * node_modules, run by the pinned Node, in an environment without vitest's
 * variables (they make Vite behave as under test) and without telemetry.
 */
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

export const ASTRO_CLI = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');

export function childEnv(): NodeJS.ProcessEnv {
  return {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV' && k !== 'TEST')),
    ASTRO_TELEMETRY_DISABLED: '1',
  };
}
