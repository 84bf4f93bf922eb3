import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeDigest, RENDER_CODE } from '../../src/site/codeDigest.ts';
import { sitePaths } from '../../src/site/paths.ts';
import { datasetsOf, postDependencies } from '../../src/site/postDigest.ts';
import { renderFailureMessage } from '../../src/site/renderFailure.ts';
import { tempProject } from '../data/helpers.ts';

describe('postDependencies(markdown, dataDir, extra)', () => {
  it('changes when a data file of a named dataset is added, and not for other datasets', () => {
    const root = tempProject({
      'data/a/manifest.yaml': 'title: A\n',
      'data/a/x.csv': 'n\n1\n',
      'data/b/manifest.yaml': 'title: B\n',
    });
    const post = '---\ntitle: T\ndatasets:\n  alias: a\n---\nBody';
    const before = postDependencies(post, join(root, 'data'), 'code');
    writeFileSync(join(root, 'data', 'b', 'y.csv'), 'n\n2\n');
    expect(postDependencies(post, join(root, 'data'), 'code')).toBe(before);
    writeFileSync(join(root, 'data', 'a', 'y.csv'), 'n\n2\n');
    expect(postDependencies(post, join(root, 'data'), 'code')).not.toBe(before);
    expect(postDependencies(post, join(root, 'data'), 'other code')).not.toBe(postDependencies(post, join(root, 'data'), 'code'));
  });

  it('datasetsOf(markdown) reads the names even from invalid frontmatter', () => {
    expect(datasetsOf('---\ndatasets:\n  t: tweets\n  f: followers\ntitle: 3\n---\n')).toEqual(['followers', 'tweets']);
    expect(datasetsOf('no frontmatter')).toEqual([]);
  });
});

describe('codeDigest(root, folders)', () => {
  it('changes when the rendering code changes', () => {
    const root = tempProject({ 'src/render/a.ts': 'export const a = 1;\n' });
    const before = codeDigest(root, ['src/render']);
    expect(codeDigest(root, ['src/render'])).toBe(before);
    expect(codeDigest(`${root}/`, ['src/render'])).toBe(before); // Astro's root has a trailing slash, check's none
    writeFileSync(join(root, 'src', 'render', 'a.ts'), 'export const a = 2;\n');
    expect(codeDigest(root, ['src/render'])).not.toBe(before);
  });

  it('changes with the libraries: a new lock file re-renders every post', () => {
    const root = tempProject({ 'src/render/a.ts': 'export const a = 1;\n', 'package-lock.json': '{"vega":"6.4.0"}\n' });
    const before = codeDigest(root);
    writeFileSync(join(root, 'package-lock.json'), '{"vega":"6.4.1"}\n');
    expect(RENDER_CODE).toContain('package-lock.json');
    expect(codeDigest(root)).not.toBe(before);
  });
});

describe('sitePaths(root, env) and renderFailureMessage(message)', () => {
  it('defaults to content/ and data/, overridable by the environment', () => {
    expect(sitePaths('/p', {})).toEqual({ root: '/p', contentDir: '/p/content', dataDir: '/p/data' });
    expect(sitePaths('/p', { SOUNDINGS_DATA_DIR: '/d', SOUNDINGS_CONTENT_DIR: 'c' })).toEqual({
      root: '/p',
      contentDir: '/p/c',
      dataDir: '/d',
    });
  });
  it("drops Astro's prefixes", () => {
    expect(renderFailureMessage('Error rendering posts/a.md: Failed to parse Markdown file "/x/a.md":\ncontent/posts/a.md:3:1: Bad.')).toBe(
      'content/posts/a.md:3:1: Bad.',
    );
  });
});
