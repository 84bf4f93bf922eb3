import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recounts } from '../../src/analysis/recounts.ts';
import { textsCleaned } from '../../src/analysis/termCounts.ts';
import { prewarm } from '../../src/site/devPrewarm.ts';
import { FRONTMATTER, fixtureProject, termsProject } from '../markdown/fixture.ts';
import { renderPost } from '../markdown/render.ts';

/** The posts prewarm renders, in order: the real renderAhead, watched. */
const rendered = vi.hoisted(() => [] as string[]);
vi.mock('../../src/site/renderAhead.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/site/renderAhead.ts')>();
  return {
    renderAhead: (...args: Parameters<typeof actual.renderAhead>) => {
      rendered.push(args[0]);
      return actual.renderAhead(...args);
    },
  };
});

/** The fixture's frontmatter naming the tweets alone (no followers, so no value reading them). */
const tweetsOnly = FRONTMATTER.replace('  followers: followers\n', '').replace(/values:[\s\S]*?---/, '---');

const on = recounts.on;
afterEach(() => {
  recounts.on = on;
  vi.restoreAllMocks();
});

describe('prewarm (astro dev, after the server starts)', () => {
  it("counts the posts' terms in the background, so that the next render of the post reads no text again", async () => {
    recounts.on = true;
    const root = termsProject(['harbour', 'jobs', 'ferry']);
    const before = textsCleaned();
    await prewarm([join(root, 'content/posts/post.md')], { root, dataDir: join(root, 'data') });
    expect(textsCleaned() - before).toBe(3);
    const html = await renderPost(root, 'content/posts/post.md');
    expect(html.replace(/<[^>]+>/g, '')).toBe('Top: harbour and jobs.');
    expect(textsCleaned() - before).toBe(3);
  });

  it('prints nothing and goes on past a post with a problem, which its page reports', async () => {
    recounts.on = true;
    // Another set of datasets than the good post's (tweets alone), or the good one would not be rendered after it.
    const broken = fixtureProject('Top: :value[terms.red.tpo].', tweetsOnly);
    const good = termsProject(['cranes', 'wages', 'silt']);
    const said = [vi.spyOn(console, 'warn'), vi.spyOn(console, 'error'), vi.spyOn(console, 'log')];
    const before = textsCleaned();
    await prewarm([join(broken, 'content/posts/post.md'), join(good, 'content/posts/post.md')], {
      root: good,
      dataDir: join(good, 'data'),
    });
    expect(textsCleaned() - before).toBe(3);
    for (const spy of said) expect(spy).not.toHaveBeenCalled();
  });

  it('renders one post for each set of datasets named, the first, so that fifty posts on one dataset are not fifty renders', async () => {
    const root = termsProject(['dredging', 'oysters', 'freight']);
    const post = (name: string, frontmatter: string) => {
      const path = join(root, 'content/posts', name);
      writeFileSync(path, `${frontmatter}\nTop: :value[terms.red.top].\n`);
      return path;
    };
    const a = join(root, 'content/posts/post.md');
    const b = post('b.md', FRONTMATTER);
    const c = post('c.md', tweetsOnly);
    rendered.length = 0;
    await prewarm([a, b, c], { root, dataDir: join(root, 'data') });
    expect(rendered).toEqual([a, c]);
  });
});
