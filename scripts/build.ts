/**
 * `npm run build`: Astro's own `astro build`, with the build's second thread (src/site/helperThread.ts) started first.
 *
 * Astro takes about a second to start (Node, its CLI, Vite, the config) before the config's integrations run, which is
 * where the thread would otherwise start: begun here, it parses the data during that second, on the core Astro leaves
 * idle, and the posts find their datasets read when they ask. Then the Astro CLI runs in this process, as `astro build`
 * would, with the arguments given (`npm run build -- --verbose`), printing and exiting as it does. The integration
 * sees the thread running and starts no other. A site without data starts none (nothing to read or draw).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startHelper } from '../src/site/helperThread.ts';
import { sitePaths } from '../src/site/paths.ts';
import { holdWarnings } from '../src/warnings.ts';
import { ASTRO_CLI } from './astro.ts';

const root = join(import.meta.dirname, '..');
// What the thread warns of before Astro gives its logger waits for it, to be printed as Astro prints warnings.
holdWarnings();
startHelper(root, sitePaths(root).dataDir, 'build');
process.argv = [process.argv[0] ?? process.execPath, ASTRO_CLI, 'build', ...process.argv.slice(2)];
await import(pathToFileURL(ASTRO_CLI).href);
