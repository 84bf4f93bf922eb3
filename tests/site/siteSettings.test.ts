import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ORIGIN,
  DEFAULT_SETTINGS,
  loadSiteSettings,
  originProblem,
  readSiteSettings,
  siteOrigin,
} from '../../src/site/siteSettings.ts';
import { tempProject } from '../data/helpers.ts';

const FILE = 'content/site.yaml';

/** The settings a site.yaml's text gives, or its problems' messages without the hint. */
const read = (text: string) => {
  const result = readSiteSettings(text, FILE);
  return 'settings' in result ? result.settings : result.problems.map((p) => p.message.replace(/ Fix site\.yaml.*$/, ''));
};

describe('readSiteSettings(text, file)', () => {
  it('refuses a description a hashtag cut short, at the "#"', () => {
    expect(read('name: Harbour\ndescription: Our work on #CleanHarbour and more.\n')).toEqual([
      'content/site.yaml:2:26: "description" stops at "Our work on": YAML reads "#CleanHarbour and more." as a comment, since "#" after a space starts one. Put the whole text in quotes to keep it; a comment has a space after its "#".',
    ]);
  });

  it('reads every setting, the origin and language tag in their canonical form', () => {
    const text = [
      'name: Harbour Analytics',
      'description: >-',
      '  Research for <script>alert(1)</script> ports',
      '  & harbours.',
      'tagline: Ports,   in numbers',
      'url: https://Analysis.Harbour.example/',
      'language: en-ie',
    ].join('\n');
    expect(read(text)).toEqual({
      name: 'Harbour Analytics',
      description: 'Research for <script>alert(1)</script> ports & harbours.',
      tagline: 'Ports, in numbers',
      url: 'https://analysis.harbour.example',
      language: 'en-IE',
    });
  });

  it("gives the description the posts' typography, and the name none (it is a name)", () => {
    expect(
      read(`name: Harbour's Analysts\ndescription: 'The harbour''s "numbers" -- and what they mean...'\ntagline: "Ports' \\"numbers\\""\n`),
    ).toEqual({
      name: "Harbour's Analysts",
      description: 'The harbour’s “numbers” — and what they mean…',
      tagline: 'Ports’ “numbers”',
      language: 'en-GB',
    });
  });

  it("needs only a name: the description, tagline and language are the sample's, and no url", () => {
    expect(read('name: Harbour Analytics\n')).toEqual({
      name: 'Harbour Analytics',
      description: DEFAULT_SETTINGS.description,
      tagline: 'Data analysis, computed from the data',
      language: 'en-GB',
    });
  });

  it('names an unknown key at its line with the key it may be, rather than that key as missing', () => {
    expect(read('name: Harbour Analytics\ndescripton: Research.\n')).toEqual([
      'content/site.yaml:2:1: It has unknown key "descripton". Did you mean "description"?',
    ]);
    expect(read('# Our settings\nnmae: Harbour Analytics\nurl: https://harbour.example\n')).toEqual([
      'content/site.yaml:2:1: It has unknown key "nmae". Did you mean "name"?',
    ]);
    expect(read('url: https://harbour.example\n')).toEqual(['content/site.yaml:1:1: "name" is missing.']);
  });

  it('refuses a url that is not an absolute http(s) origin, at its line, saying what would be', () => {
    const url = (value: string) => read(`name: H\nurl: ${value}\n`);
    expect(url('ftp://harbour.example')).toEqual([
      'content/site.yaml:2:1: "url" must be an http:// or https:// address, the one readers reach the site at, not "ftp://harbour.example".',
    ]);
    expect(url('analysis.harbour.example')).toEqual([
      'content/site.yaml:2:1: "url" must be an absolute address with its scheme, "https://analysis.harbour.example", not "analysis.harbour.example".',
    ]);
    expect(url('javascript:alert(1)')).toEqual([
      'content/site.yaml:2:1: "url" must be an http:// or https:// address, the one readers reach the site at, not "javascript:alert(1)".',
    ]);
    expect(url('https://harbour.example/analysis/')).toEqual([
      'content/site.yaml:2:1: "url" must be the site\'s origin alone, "https://harbour.example", not "https://harbour.example/analysis/": the site is served at the root of its domain (its links start with "/").',
    ]);
    expect(url('https://me:secret@harbour.example')).toEqual([
      'content/site.yaml:2:1: "url" must not hold a user name or password, which every page would then publish.',
    ]);
    expect(url('42')).toEqual(['content/site.yaml:2:1: "url" must be text, not 42.']);
    expect(url('http://localhost:8080')).toEqual({
      name: 'H',
      description: DEFAULT_SETTINGS.description,
      tagline: DEFAULT_SETTINGS.tagline,
      url: 'http://localhost:8080',
      language: 'en-GB',
    });
  });

  it('refuses a wrong type, an empty or over-long name and a language that is no tag', () => {
    expect(read('name: [Harbour, Analytics]\n')).toEqual(['content/site.yaml:1:1: "name" must be text, not a list.']);
    expect(read('name:\n')).toEqual([
      'content/site.yaml:1:1: "name" is empty. In YAML, a blank value or one starting with "#" (a comment) reads as nothing: fill it in, or quote it ("#KeepCorbyn").',
    ]);
    expect(read('name: "  "\n')).toEqual(['content/site.yaml:1:1: "name" must not be empty.']);
    expect(read(`name: ${'Harbour '.repeat(10)}\n`)).toEqual([
      'content/site.yaml:1:1: "name" must be at most 60 characters, not 79: the header and the social cards show it on one line. Say more in "description".',
    ]);
    expect(read(`name: H\ntagline: ${'Ports and harbours '.repeat(5)}\n`)).toEqual([
      'content/site.yaml:2:1: "tagline" must be at most 80 characters, not 94: the header shows it beside the name, on one line on a desktop. Say more in "description".',
    ]);
    expect(read('name: H\ntagline: "\\u202Eerom\\u202C"\n')).toEqual([
      expect.stringMatching(/^content\/site\.yaml:2:1: "tagline" .*U\+202E/),
    ]);
    expect(read('name: H\ntagline: ""\n')).toEqual([
      'content/site.yaml:2:1: "tagline" must not be empty. Write "tagline: false" for a header with the name alone.',
    ]);
    expect(read('name: H\ntagline: false\n')).toMatchObject({ name: 'H', tagline: '' });
    expect(read('name: H\ntagline: 3\n')).toEqual(['content/site.yaml:2:1: "tagline" must be text, not 3.']);
    expect(read('name: H\nlanguage: en_GB\n')).toEqual([
      'content/site.yaml:2:1: "language" must be a language tag such as "en-GB", "en-US" or "de", not "en_GB". Did you mean "en-GB"?',
    ]);
    expect(read('name: H\nlanguage: English\n')).toEqual([
      'content/site.yaml:2:1: "language" must be a language tag such as "en-GB", "en-US" or "de", not "English". Did you mean "en" (English)?',
    ]);
    expect(read('- name: H\n')).toEqual([
      'content/site.yaml:1:1: The document must be a mapping (indented "key: value" lines), not a list.',
    ]);
  });

  it('refuses a control that would reverse or hide the text after the name, and says where it is', () => {
    expect(read('name: "Harbour \\u202EscitylanA"\n')).toEqual([
      'content/site.yaml:1:1: "name" must not hold the invisible control character U+202E (after "Harbour "), which would reorder or hide the text after it wherever it is shown: delete it (retype the text around it).',
    ]);
    // A right-to-left name needs no control: it is a name like any other.
    expect(read('name: מרכז הנמל\n')).toMatchObject({ name: 'מרכז הנמל' });
  });

  it('locates a YAML syntax error, and says that a text with ": " in it needs quotes', () => {
    expect(read('name: Harbour\ndescription: Ports: how they trade\n')).toEqual([
      'content/site.yaml:2:14: YAML syntax error: Nested mappings are not allowed in compact mappings. A text holding ": " must be quoted: description: "Ports: how they trade".',
    ]);
    expect(read('name: Harbour\nname: Other\n')).toEqual(['content/site.yaml:2:1: YAML syntax error: Map keys must be unique.']);
  });

  it('reads an empty file as one without a name', () => {
    expect(read('# nothing yet\n')).toEqual(['content/site.yaml:1:1: "name" is missing.']);
  });
});

describe('loadSiteSettings(contentDir, root)', () => {
  it('gives the defaults for a site without a site.yaml', () => {
    const root = tempProject({ 'content/posts/a.md': 'x' });
    expect(loadSiteSettings(join(root, 'content'), root)).toEqual({ settings: { ...DEFAULT_SETTINGS } });
  });

  it('says a site.yml is not read, rather than publishing the site as "Soundings"', () => {
    const root = tempProject({ 'content/site.yml': 'name: Harbour Analytics\n' });
    const result = loadSiteSettings(join(root, 'content'), root);
    expect('problems' in result && result.problems.map((p) => p.message)).toEqual([
      'content/site.yml: Soundings reads the site settings from site.yaml, not site.yml, so the site would be published without them. Rename it to site.yaml.',
    ]);
  });

  it('names the file relative to the project root', () => {
    const root = tempProject({ 'site/content/site.yaml': 'nmae: H\n' });
    const result = loadSiteSettings(join(root, 'site', 'content'), root);
    expect('problems' in result && result.problems[0]?.message).toMatch(/^site\/content\/site\.yaml:1:1: It has unknown key "nmae"/);
  });
});

describe('siteOrigin(settings, env): the canonical origin', () => {
  const settings = { ...DEFAULT_SETTINGS, url: 'https://analysis.harbour.example' };

  it("is SOUNDINGS_SITE when set, else the file's url, else the example origin", () => {
    expect(siteOrigin(settings, { SOUNDINGS_SITE: 'https://preview.harbour.example/' })).toEqual({
      origin: 'https://preview.harbour.example',
      from: 'SOUNDINGS_SITE',
    });
    expect(siteOrigin(settings, { SOUNDINGS_SITE: '' })).toEqual({ origin: 'https://analysis.harbour.example', from: 'site.yaml' });
    expect(siteOrigin({ ...DEFAULT_SETTINGS }, {})).toEqual({ origin: DEFAULT_ORIGIN, from: 'default' });
  });

  it("refuses a SOUNDINGS_SITE that is no origin, as the file's url is", () => {
    const found = siteOrigin(settings, { SOUNDINGS_SITE: 'preview.harbour.example' });
    expect('problem' in found && found.problem.message).toBe(
      'SOUNDINGS_SITE must be an absolute address with its scheme, "https://preview.harbour.example", not "preview.harbour.example". Set it to the origin the site is published at (SOUNDINGS_SITE=https://analysis.example.com), or unset it to use "url" in content/site.yaml.',
    );
  });

  it('quotes a hostile value as a message may: controls escaped, cut', () => {
    expect(originProblem(`\u001b[2J${'x'.repeat(200)}`)).toMatch(
      /^must be an absolute http:\/\/ or https:\/\/ address such as "https:\/\/analysis\.example\.com", not "\\u001b\[2Jx+…"\.$/,
    );
  });
});
