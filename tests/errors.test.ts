import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { checkDataset } from '../src/data/loadDataset.ts';
import { error, forgetPrintedRenders, keepingWarnings, printable, shown, UnknownKey, warn } from '../src/errors.ts';
import { postsManifest, tempProject } from './data/helpers.ts';

describe('printable(text) and shown(text)', () => {
  it('write controls, bidirectional overrides and lone surrogates so that a terminal shows them, not obeys them', () => {
    expect(printable('a\u001b[2J\rb\u0007\u202Ec\u009bd\n\ud800')).toBe('a\\u001b[2J\\u000db\\u0007\\u202ec\\u009bd\\u000a\uFFFD');
    expect(printable('#España 👍 “quoted”')).toBe('#España 👍 “quoted”');
    expect(printable('Keep\u2068Red')).toBe('Keep\\u2068Red');
  });

  it('cut a long value to 80 characters, never inside a character', () => {
    expect(shown('x'.repeat(200_000))).toBe(`${'x'.repeat(79)}…`);
    expect(Array.from(shown('👍'.repeat(100)))).toHaveLength(80);
  });
});

describe('keepingWarnings(into, render)', () => {
  it("keeps each render's warnings apart while renders run at once, across their awaits, and prints the others", async () => {
    const printed = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const render = async (key: string) => {
        warn(UnknownKey, { file: `content/posts/${key}.md`, line: 1, column: 1 }, key, ['a']);
        // A turn of the event loop: the other render runs in between.
        await setImmediate();
        warn(UnknownKey, { file: `content/posts/${key}.md`, line: 2, column: 1 }, key, ['a']);
        return key;
      };
      const one: string[] = [];
      const two: string[] = [];
      const rendered = await Promise.all([keepingWarnings(one, () => render('one')), keepingWarnings(two, () => render('two'))]);
      expect(rendered).toEqual(['one', 'two']);
      expect(one.map((m) => m.slice(0, m.indexOf(': ')))).toEqual(['content/posts/one.md:1:1', 'content/posts/one.md:2:1']);
      expect(two.map((m) => m.slice(0, m.indexOf(': ')))).toEqual(['content/posts/two.md:1:1', 'content/posts/two.md:2:1']);
      expect(printed).not.toHaveBeenCalled();
      // Outside a render, a warning is printed.
      warn(UnknownKey, { file: 'content/posts/three.md', line: 3, column: 1 }, 'three', ['a']);
      expect(printed).toHaveBeenCalledTimes(1);
      expect(String(printed.mock.calls[0]?.[0])).toMatch(/^content\/posts\/three\.md:3:1: /);
    } finally {
      printed.mockRestore();
    }
  });
});

describe('a hostile cell in an error message', () => {
  it('reaches the terminal escaped and cut, with its location', async () => {
    const evil = `\u001b]8;;https://evil.example/\u0007CLICK\u001b]8;;\u0007\u001b[2J\r\u001b[Kfake: No problems.${'y'.repeat(200_000)}`;
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': `id,created_at,user,text\n1,"${evil}",a,x\n`,
    });
    const [problem] = await checkDataset('tweets', { root, dataDir: join(root, 'data') });
    const message = problem?.message ?? '';
    expect(message).toMatch(/^data\/tweets\/a\.csv:2:2: "created_at" must be an ISO date-time/);
    expect(message).toContain(
      'got "\\u001b]8;;https://evil.example/\\u0007CLICK\\u001b]8;;\\u0007\\u001b[2J\\u000d\\u001b…". Fix or remove the row.',
    );
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test is that there are none
    expect(message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(message.length).toBeLessThan(400);
  });

  it('keeps its escapes as they were, not escaped twice, when its row is the last of a file cut short (cutShort)', async () => {
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': 'id,created_at,user,text\n1,"2016-07-1\u001b[2J",a,x',
    });
    const [problem] = await checkDataset('tweets', { root, dataDir: join(root, 'data') });
    expect(problem?.message).toContain(
      `got "2016-07-1\\u001b[2J". This is the file's last line, and it has no line end: was the file cut short`,
    );
    expect([problem?.name, problem?.title, problem?.location]).toEqual([
      'BadDate',
      'Invalid date',
      { file: 'data/tweets/a.csv', line: 2, column: 2 },
    ]);
  });
});

describe('a SoundingsError as console.error prints it', () => {
  it("is headed by the post it stops, not Astro's Markdown renderer's 'Failed to parse Markdown file'", () => {
    const e = error(UnknownKey, { file: 'content/posts/a.md', line: 3, column: 2 }, 'posts.totl', []);
    const located = e.message;
    expect(inspect(e)).toBe(located);
    // What node_modules/@astrojs/markdown-remark/dist/index.js (prefixError) does to it before console.error(err).
    e.message = `Failed to parse Markdown file "${join(process.cwd(), 'content', 'posts', 'a.md')}":\n${located}`;
    expect(inspect(e)).toBe(`Soundings could not render content/posts/a.md:\n${located}`);
  });

  it('prints a problem that stops several posts once in a sync, then names the first post it stopped', () => {
    forgetPrintedRenders();
    const stopped = (post: string, line = 2) => {
      const e = error(UnknownKey, { file: 'data/tweets/a.csv', line, column: 2 }, 'posts.totl', []);
      e.message = `Failed to parse Markdown file "${join(process.cwd(), 'content', 'posts', post)}":\n${e.message}`;
      return inspect(e);
    };
    const located = error(UnknownKey, { file: 'data/tweets/a.csv', line: 2, column: 2 }, 'posts.totl', []).message;
    expect(stopped('a.md')).toBe(`Soundings could not render content/posts/a.md:\n${located}`);
    expect(stopped('b.md')).toBe('Soundings could not render content/posts/b.md: the same problem as content/posts/a.md, above.');
    // The same post again (a dev server's next render of it), and another problem: in full.
    expect(stopped('a.md')).toBe(`Soundings could not render content/posts/a.md:\n${located}`);
    expect(stopped('c.md', 3)).toMatch(/^Soundings could not render content\/posts\/c\.md:\ndata\/tweets\/a\.csv:3:2: /);
    // The next sync prints it in full again.
    forgetPrintedRenders();
    expect(stopped('b.md')).toBe(`Soundings could not render content/posts/b.md:\n${located}`);
  });
});
