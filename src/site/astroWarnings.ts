/**
 * The `soundings` integration: Soundings' warnings, while Astro runs, go through the logger Astro hands it, tagged
 * `[WARN] [soundings]` as Astro's own warnings are (src/warnings.ts says why). First in the config, so that every
 * warning after Astro's start is printed so, the second thread's included; given again at each start of a dev
 * server's config (a restart gives a new logger).
 */
import type { AstroIntegration } from 'astro';
import { printWarningsWith } from '../warnings.ts';

export function astroWarnings(): AstroIntegration {
  return {
    name: 'soundings',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        printWarningsWith(logger);
      },
    },
  };
}
