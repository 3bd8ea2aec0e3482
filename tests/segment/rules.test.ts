/** The rule files are data people edit: check their shape so a slip fails here, not in use. */
import { describe, expect, it } from 'vitest';
import { createSegmenter, resolveRuleSet, RULE_FILES } from '../../src/segment/index.js';

describe.each(Object.entries(RULE_FILES))('rules/%s.json', (name, file) => {
  it('is named after its file and extends base (or is base)', () => {
    expect(file.name).toBe(name);
    expect(file.extends).toBe(name === 'base' ? undefined : 'base');
  });

  it('has unique rule ids, each with a note saying why', () => {
    const ids = file.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of file.rules) expect(r.note, r.id).toMatch(/\S{10,}|\S+ \S+/);
  });

  it('has no duplicate word in a list, and no final period on entries', () => {
    for (const [list, words] of Object.entries(file.abbreviations ?? {})) {
      expect(new Set(words).size, `${name} ${list}`).toBe(words.length);
      for (const w of words) expect(w, `${name} ${list}`).not.toMatch(/\.$/);
    }
  });

  it('compiles', () => {
    expect(() => createSegmenter(resolveRuleSet(file))).not.toThrow();
  });
});

it('puts a language’s rules before the base ones and merges the lists', () => {
  const en = resolveRuleSet(RULE_FILES.en!);
  expect(en.cascade).toEqual(['en', 'base']);
  expect(en.rules.map((r) => r.id).indexOf('en-fronted-time')).toBeLessThan(en.rules.map((r) => r.id).indexOf('dateline-agency'));
  expect(en.abbreviations.prefix).toEqual(expect.arrayContaining(['Mr', 'Dr', 'e.g']));
});
