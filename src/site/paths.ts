/**
 * Where a Soundings site keeps its posts and data. The defaults are the
 * project's `content/` and `data/`; the environment variables exist so tests
 * can build a fixture site with the same code.
 */
import { isAbsolute, resolve } from 'node:path';

export interface SitePaths {
  root: string;
  contentDir: string;
  dataDir: string;
}

export function sitePaths(root: string, env: NodeJS.ProcessEnv = process.env): SitePaths {
  const at = (value: string | undefined, fallback: string) => {
    const path = value && value.length > 0 ? value : fallback;
    return isAbsolute(path) ? path : resolve(root, path);
  };
  return {
    root,
    contentDir: at(env.SOUNDINGS_CONTENT_DIR, 'content'),
    dataDir: at(env.SOUNDINGS_DATA_DIR, 'data'),
  };
}
