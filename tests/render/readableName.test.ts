import { describe, expect, it } from 'vitest';
import { readableName } from '../../src/render/readableName.ts';

describe('readableName(column)', () => {
  it('writes a name for code as words in sentence case', () => {
    expect(readableName('keepcorbyn_share')).toBe('Keepcorbyn share');
    expect(readableName('Valid_Votes')).toBe('Valid votes');
    expect(readableName('Leave_Share')).toBe('Leave share');
    expect(readableName('absError')).toBe('Abs error');
    expect(readableName('followers-per-account')).toBe('Followers per account');
    expect(readableName('share')).toBe('Share');
    expect(readableName('Region')).toBe('Region');
  });

  it('keeps acronyms, digits and symbols as written', () => {
    expect(readableName('EU_share')).toBe('EU share');
    expect(readableName('HTMLParser')).toBe('HTML parser');
    expect(readableName('votes_2016')).toBe('Votes 2016');
    expect(readableName('Turnout_%')).toBe('Turnout %');
    expect(readableName('#KeepCorbyn_posts')).toBe('#KeepCorbyn posts');
  });

  it('keeps a name already written with spaces, but for its first letter, and one that is only separators', () => {
    expect(readableName('Owen Smith votes')).toBe('Owen Smith votes');
    expect(readableName('share of voice')).toBe('Share of voice');
    expect(readableName('__')).toBe('__');
    expect(readableName('')).toBe('');
  });

  it('reads letters of any script', () => {
    expect(readableName('électeurs_inscrits')).toBe('Électeurs inscrits');
    expect(readableName('Ψήφοι_Υπέρ')).toBe('Ψήφοι υπέρ');
  });
});
