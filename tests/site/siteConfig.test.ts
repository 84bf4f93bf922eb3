import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { siteConfig } from '../../src/site/siteConfig.ts';
import { tempProject } from '../data/helpers.ts';

type Hooks = AstroIntegration['hooks'];

/** Runs the integration's config hooks as Astro does, recording what they set, watch and log. */
function configure(root: string, command = 'build') {
  const hooks: Hooks = siteConfig(root).hooks;
  const set: Record<string, unknown>[] = [];
  const watched: string[] = [];
  const logged: [string, string][] = [];
  const setup = hooks['astro:config:setup'] as unknown as (options: object) => void;
  const done = hooks['astro:config:done'] as unknown as (options: object) => void;
  setup({ command, updateConfig: (c: Record<string, unknown>) => set.push(c), addWatchFile: (f: string) => watched.push(f) });
  done({ logger: { warn: (m: string) => logged.push(['warn', m]), info: (m: string) => logged.push(['info', m]) } });
  return { set, watched, logged };
}

describe('siteConfig: content/site.yaml applied to the build', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("sets the canonical origin from the file's url, and has astro dev restart when the file changes", () => {
    vi.stubEnv('SOUNDINGS_SITE', '');
    vi.stubEnv('SOUNDINGS_CONTENT_DIR', '');
    const root = tempProject({ 'content/site.yaml': 'name: Harbour Analytics\nurl: https://analysis.harbour.example/\n' });
    const { set, watched, logged } = configure(root);
    expect(set).toEqual([{ site: 'https://analysis.harbour.example' }]);
    expect(watched).toContain(join(root, 'content', 'site.yaml'));
    expect(logged).toEqual([]);
  });

  it('warns of the example origin, and says when SOUNDINGS_SITE overrides the url', () => {
    vi.stubEnv('SOUNDINGS_SITE', '');
    vi.stubEnv('SOUNDINGS_CONTENT_DIR', '');
    const example = configure(tempProject({ 'content/posts/a.md': 'x' }));
    expect(example.set).toEqual([{ site: 'https://soundings.example.org' }]);
    expect(example.logged).toEqual([
      [
        'warn',
        'Canonical links, the feed, the sitemap and social cards use https://soundings.example.org, an example address: set "url" in content/site.yaml to the site\'s own (or SOUNDINGS_SITE for one deploy).',
      ],
    ]);
    // `astro preview` (after the build in `npm run serve`) does not say it again.
    expect(configure(tempProject({ 'content/posts/a.md': 'x' }), 'preview').logged).toEqual([]);
    vi.stubEnv('SOUNDINGS_SITE', 'https://preview.harbour.example');
    const preview = configure(tempProject({ 'content/site.yaml': 'name: H\nurl: https://analysis.harbour.example\n' }));
    expect(preview.set).toEqual([{ site: 'https://preview.harbour.example' }]);
    expect(preview.logged).toEqual([
      [
        'info',
        'SOUNDINGS_SITE sets the canonical origin, https://preview.harbour.example, rather than "url" in content/site.yaml (https://analysis.harbour.example).',
      ],
    ]);
  });

  it('stops with the first problem as file:line:column and what to do, and no stack for Astro to print', () => {
    vi.stubEnv('SOUNDINGS_SITE', '');
    vi.stubEnv('SOUNDINGS_CONTENT_DIR', '');
    const root = tempProject({ 'content/site.yaml': 'name: H\nurl: ftp://harbour.example\n' });
    let thrown: Error | undefined;
    try {
      configure(root);
    } catch (e) {
      thrown = e as Error;
    }
    expect(thrown?.message).toBe(
      'content/site.yaml:2:1: "url" must be an http:// or https:// address, the one readers reach the site at, not "ftp://harbour.example". Fix site.yaml (see README, "Site settings").',
    );
    expect(thrown?.stack).toBe('');
  });
});
