/** The joined rule matcher must agree with trying the rules one by one, at every position. */
import { describe, expect, it } from 'vitest';
import { compileRegexRule, ruleAt, RuleMatcher } from '../../src/segment/regex-rules.js';
import { resolveRuleSet, RULE_FILES } from '../../src/segment/index.js';

const sample =
  'ROME (Reuters) — At 5 a.m. Mr. Smith left. N.Y. (AP) — • One • Two. Polls close at 8 p.m. Results at 9 p.m. Tuesday. ' +
  '— Ann Lee (@ann) May 2, 2019 Then. Thanks. pic.twitter.com/abc عام 2011 م. وقال';

describe.each(['en', 'it', 'fr', 'ar'])('%s rules', (lang) => {
  const rules = resolveRuleSet(RULE_FILES[lang]!).rules.map(compileRegexRule);
  const matcher = new RuleMatcher(rules);
  it('match the same rule at every position, joined or one by one', () => {
    for (let pos = 0; pos <= sample.length; pos++) expect(matcher.at(sample, pos)?.id, `at ${pos}`).toBe(ruleAt(rules, sample, pos)?.id);
  });
});

it('falls back to one rule at a time when a rule has its own groups', () => {
  const rules = [
    { id: 'grouped', break: false, before: '(Mr)\\.', after: '\\s' },
    { id: 'stop', break: true, before: '\\.', after: '\\s' },
  ].map(compileRegexRule);
  const matcher = new RuleMatcher(rules);
  expect(matcher.at('Mr. X. Y', 3)?.id).toBe('grouped');
  expect(matcher.at('Mr. X. Y', 6)?.id).toBe('stop');
});
