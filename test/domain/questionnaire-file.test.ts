import { describe, expect, it } from 'vitest';

import { formatProblem, parseQuestionnaireText } from '../../src/domain/questionnaire-file.ts';

const HEAD = `id: demo
version: 1.0.0
locales: [en, fr]
title: { en: Demo, fr: Démo }
references:
  - { id: rkc, title: Revised Kyoto Convention }
scales:
  default:
    levels:
      - { value: 1, label: Low }
      - { value: 2, label: Mid }
      - { value: 3, label: High }
`;
const item = (extra = '') => `      - id: a-one
        type: level
        prompt: One?
        levels: { 1: x, 2: y, 3: z }
${extra}`;
const doc = (body: string) => `${HEAD}sections:\n  - id: a\n    title: A\n    questions:\n${body}`;

const errors = (text: string) =>
  parseQuestionnaireText(text, 'q.yaml')
    .problems.filter((problem) => problem.severity === 'error')
    .map(formatProblem);

describe('SPEC §2 questionnaire validation', () => {
  it('accepts a valid questionnaire', () => {
    const result = parseQuestionnaireText(doc(item()), 'q.yaml');
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.questionnaire?.id).toBe('demo');
  });

  it('reads YAML 1.2: no, yes and on are strings', () => {
    const result = parseQuestionnaireText(doc(item()).replace('title: A', 'title: no'), 'q.yaml');
    expect(result.questionnaire?.sections?.[0]?.title).toBe('no');
  });

  it('allows anchors and aliases', () => {
    const text =
      doc(item()).replace('levels: { 1: x, 2: y, 3: z }', 'levels: &rubric { 1: x, 2: y, 3: z }') +
      `      - id: a-two\n        type: level\n        prompt: Two?\n        levels: *rubric\n`;
    expect(errors(text)).toEqual([]);
  });

  it('reports invalid YAML with its line and column', () => {
    expect(errors('id: demo\nversion: [1\n')[0]).toMatch(/^q\.yaml:\d+:\d+: invalid YAML/);
  });

  it.each([
    ['an unknown key', item('        colour: red\n'), /q\.yaml:21:9: unknown key "colour"/],
    ['a duplicate id', item() + item(), /q\.yaml:21:13: duplicate id "a-one".*first at line 17/],
    ['an id equal to the questionnaire id', item().replace('a-one', 'demo'), /duplicate id "demo"/],
    ['an id of the wrong form', item().replace('a-one', 'A_One'), /q\.yaml:17:13: .*lowercase/],
    ['a reserved word as id', item().replace('a-one', 'not'), /q\.yaml:17:13: .*lowercase/],
    ['a missing rubric', item().replace('3: z', '4: z'), /no rubric for level 3/],
    ['a rubric off the scale', item().replace('3: z', '3: z, 7: w'), /q\.yaml:20:37: rubric for 7/],
    ['a weight of 0', item('        weight: 0\n'), /q\.yaml:21:17: .*greater than 0/],
    ['a negative weight', item('        weight: -2\n'), /greater than 0/],
    ['an empty showIf', item('        showIf: ""\n'), /q\.yaml:21:17: showIf is empty/],
    [
      'a showIf that does not parse',
      item('        showIf: "a-one >"\n'),
      /showIf does not parse at character 8/,
    ],
    ['a showIf naming a section', item('        showIf: "a == 1"\n'), /"a", which is a section/],
    ['a showIf naming nothing', item('        showIf: "zz == 1"\n'), /"zz", which is not a question/],
    ['a showIf on itself', item('        showIf: "a-one == 1"\n'), /depends on itself/],
    ['an unknown reference', item('        references: [tfa]\n'), /unknown reference "tfa"/],
    ['a wrong type', item().replace('type: level', 'type: slider'), /type/],
    [
      'a choice whose options all score the same',
      `      - id: c\n        type: choice\n        prompt: C\n        options: [{ id: x, label: X, score: 1 }, { id: y, label: Y, score: 1 }]\n`,
      /range of zero width: all its options score the same/,
    ],
    [
      'a multi without a positive option',
      `      - id: c\n        type: multi\n        prompt: C\n        options: [{ id: x, label: X, score: 0 }, { id: y, label: Y, score: -1 }]\n`,
      /range of zero width: a multi item needs at least one option with a positive score/,
    ],
    [
      'a boolean with equal scores',
      `      - id: c\n        type: boolean\n        prompt: C\n        score: { true: 1, false: 1 }\n`,
      /range of zero width: its true and false scores are equal/,
    ],
    [
      'a text map without the source locale',
      item().replace('prompt: One?', 'prompt: { fr: Un ? }'),
      /no "en" version/,
    ],
  ])('rejects %s with path:line:col', (_, body, pattern) => {
    const found = errors(doc(body));
    expect(found.join('\n')).toMatch(pattern);
  });

  it('rejects a showIf cycle through other questions', () => {
    const body =
      item('        showIf: "a-two == 1"\n') +
      `      - id: a-two\n        type: level\n        prompt: Two?\n        levels: { 1: x, 2: y, 3: z }\n        showIf: "a-one == 1"\n`;
    expect(errors(doc(body)).join('\n')).toMatch(/depends on itself: a-one → a-two → a-one/);
  });

  it('rejects scales with one level or values not strictly ascending', () => {
    const one = doc(item()).replace(
      '      - { value: 2, label: Mid }\n      - { value: 3, label: High }\n',
      '',
    );
    expect(errors(one).join('\n')).toMatch(/at least two levels/);
    const unordered = doc(item()).replace('value: 2, label: Mid', 'value: 3, label: Mid');
    expect(errors(unordered).join('\n')).toMatch(/q\.yaml:12:18: level values must be strictly ascending/);
  });

  it('rejects a child of a cumulative section without a level, or with one off the scale', () => {
    const base = doc(item()).replace('    title: A\n', '    title: A\n    scoring: { method: cumulative }\n');
    expect(errors(base).join('\n')).toMatch(/needs a "level"/);
    expect(errors(base.replace('type: level', 'type: level\n        level: 9')).join('\n')).toMatch(
      /level 9 is not a value/,
    );
    expect(errors(base.replace('type: level', 'type: level\n        level: 2'))).toEqual([]);
  });

  it('rejects unknown or cyclic action dependencies', () => {
    const actions = (a: string, b: string) =>
      item(
        `        actions:\n          - { id: act-a, to: 2, title: A, dependsOn: [${a}] }\n          - { id: act-b, to: 3, title: B, dependsOn: [${b}] }\n`,
      );
    expect(errors(doc(actions('act-b', 'act-zz'))).join('\n')).toMatch(
      /q\.yaml:\d+:\d+: dependsOn names "act-zz", which is not an action/,
    );
    expect(errors(doc(actions('act-b', 'act-a'))).join('\n')).toMatch(
      /dependsOn forms a cycle: act-a → act-b → act-a/,
    );
    // act-b (to 3) follows act-a (to 2) of the same item, so act-a depending on act-b is a cycle.
    expect(
      errors(doc(actions('act-b', 'act-a').replace('dependsOn: [act-a]', 'dependsOn: []'))).join('\n'),
    ).toMatch(/dependsOn forms a cycle: act-a → act-b → act-a/);
    expect(errors(doc(actions('', '')))).toEqual([]);
  });

  it('warns, without failing, on a missing translation in a later locale', () => {
    const result = parseQuestionnaireText(doc(item()).replace('title: A', 'title: { en: A }'), 'q.yaml');
    expect(result.questionnaire).toBeDefined();
    expect(result.problems.map(formatProblem)).toContain(
      'q.yaml:15:12: warning: text has no "fr" translation',
    );
  });
});
