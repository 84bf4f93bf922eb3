import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { siteConfig, siteFileChange } from '../../src/site/siteConfig.ts';
import { loadSiteSettings } from '../../src/site/siteSettings.ts';
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
  setup({
    command,
    config: { cacheDir: pathToFileURL(join(root, 'node_modules', '.astro/')) },
    updateConfig: (c: Record<string, unknown>) => set.push(c),
    addWatchFile: (f: string) => watched.push(f),
  });
  done({ logger: { warn: (m: string) => logged.push(['warn', m]), info: (m: string) => logged.push(['info', m]) } });
  return { set, watched, logged };
}

describe('siteConfig: content/site.yaml applied to the build', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("sets the canonical origin from the file's url, and has astro dev restart only when followSiteFile says so", () => {
    vi.stubEnv('SOUNDINGS_SITE', '');
    vi.stubEnv('SOUNDINGS_CONTENT_DIR', '');
    const root = tempProject({ 'content/site.yaml': 'name: Harbour Analytics\nurl: https://analysis.harbour.example/\n' });
    const { set, watched, logged } = configure(root);
    expect(set).toEqual([{ site: 'https://analysis.harbour.example' }]);
    // Not the file itself: most of its changes need a reload, not a restart (siteFileChange).
    expect(watched).toEqual([join(root, 'node_modules', '.astro', 'soundings', 'site-origin-changed')]);
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

describe('siteFileChange: what astro dev does when content/site.yaml changes', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  const served = { origin: 'https://analysis.harbour.example', language: 'en-GB' };
  const change = (files: Record<string, string>, env: NodeJS.ProcessEnv = {}) => {
    const root = tempProject({ 'content/posts/a.md': 'x', ...files });
    return siteFileChange(served, loadSiteSettings(join(root, 'content'), root), env);
  };
  const yaml = (lines: string) => ({ 'content/site.yaml': `${lines}\n` });

  it('reloads the open pages for a new name, description or tagline: pages read them as they render', () => {
    expect(change(yaml('name: Harbour Research\nurl: https://analysis.harbour.example'))).toEqual({ kind: 'reload' });
    expect(change(yaml('name: H\ntagline: Ports in numbers\nurl: https://analysis.harbour.example'))).toEqual({ kind: 'reload' });
    expect(change(yaml('name: H\ndescription: New.\nurl: https://analysis.harbour.example/\nlanguage: en-gb'))).toEqual({
      kind: 'reload',
    });
  });

  it('restarts the server for another origin, which Astro fixes for its life, unless SOUNDINGS_SITE sets it', () => {
    expect(change(yaml('name: H\nurl: https://harbour.example'))).toEqual({ kind: 'restart', origin: 'https://harbour.example' });
    // No url any more: the example origin.
    expect(change(yaml('name: H'))).toEqual({ kind: 'restart', origin: 'https://soundings.example.org' });
    // Without the file: the sample's settings, and so the example origin.
    expect(change({})).toEqual({ kind: 'restart', origin: 'https://soundings.example.org' });
    expect(change(yaml('name: H\nurl: https://harbour.example'), { SOUNDINGS_SITE: 'https://analysis.harbour.example' })).toEqual({
      kind: 'reload',
    });
  });

  it("renders the posts again for another language, their stopwords' default", () => {
    expect(change(yaml('name: H\nurl: https://analysis.harbour.example\nlanguage: de'))).toEqual({
      kind: 'render posts',
      language: 'de',
    });
  });

  it("shows the file's first problem, located, rather than restarting into a server that cannot start", () => {
    expect(change(yaml('nmae: H\nurl: https://harbour.example'))).toEqual({
      kind: 'error',
      message: 'content/site.yaml:1:1: It has unknown key "nmae". Did you mean "name"? Fix site.yaml (see README, "Site settings").',
    });
    expect(change({ 'content/site.yml': 'name: H\n' })).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/^content\/site\.yml/),
    });
    expect(change(yaml('name: H'), { SOUNDINGS_SITE: 'harbour.example' })).toEqual({
      kind: 'error',
      message: expect.stringContaining('"https://harbour.example"'),
    });
  });
});
