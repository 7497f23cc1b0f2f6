import { describe, expect, it } from 'vitest';

import { assessment, level, node, questionnaire, score } from './helpers.ts';

const build = (extra: Record<string, unknown> = {}, sectionExtra: Record<string, unknown> = {}) =>
  questionnaire({
    target: 3,
    scales: {
      default: { levels: [1, 2, 3, 4, 5].map((value) => ({ value, label: `L${value}` })) },
      four: { levels: [0, 1, 2, 3].map((value) => ({ value, label: `F${value}` })) },
    },
    sections: [
      {
        id: 's',
        title: 'S',
        ...sectionExtra,
        questions: [
          level('a'),
          level('b', { target: 5 }),
          { id: 'yes', type: 'boolean', prompt: 'Yes?' },
          { id: 'f', type: 'level', prompt: 'F', scale: 'four', levels: { 0: 'a', 1: 'b', 2: 'c', 3: 'd' } },
        ],
      },
    ],
    ...extra,
  });

describe('SPEC §4.7 targets and gaps', () => {
  it('places the questionnaire target at the same point of each node’s range', () => {
    const q = build();
    const result = score(
      q,
      assessment(q, [
        { question: 'a', value: 2 },
        { question: 'yes', value: false },
        { question: 'f', value: 0 },
      ]),
    );
    expect(node(result, 'a')).toMatchObject({ target: 3, gap: 1 });
    // 3 on 1..5 is half-way: 0.5 on the boolean's 0..1, 1.5 on 0..3.
    expect(node(result, 'yes')).toMatchObject({ target: 0.5, gap: 0.5 });
    expect(node(result, 'f')).toMatchObject({ target: 1.5, gap: 1.5 });
    expect(result.overall.target).toBe(3);
  });

  it('prefers a node’s own target, and an assessment target over both', () => {
    const q = build();
    const a = assessment(q, [{ question: 'b', value: 4 }], { targets: { a: 4, s: 2 } });
    const result = score(q, a);
    expect(node(result, 'b')).toMatchObject({ target: 5, gap: 1 });
    expect(node(result, 'a')).toMatchObject({ target: 4, gap: null });
    expect(node(result, 's')).toMatchObject({ target: 2, gap: 0 });
  });

  it('reads the overall target under the questionnaire id, and treats null as absent', () => {
    const q = build();
    const result = score(
      q,
      assessment(q, [{ question: 'a', value: 2 }], { targets: { test: 4.5, a: null } }),
    );
    expect(result.overall).toMatchObject({ target: 4.5, gap: 2.5 });
    expect(node(result, 'a').target).toBe(3);
  });

  it('never passes a section target down to its items', () => {
    const q = build({}, { target: 5 });
    const result = score(q, assessment(q, [{ question: 'a', value: 2 }]));
    expect(node(result, 's').target).toBe(5);
    expect(node(result, 'a').target).toBe(3);
  });

  it('has no target without any, and no gap without a score', () => {
    const q = build({ target: undefined });
    const result = score(q, assessment(q, [{ question: 'a', value: 2 }]));
    expect(node(result, 'a')).toMatchObject({ target: null, gap: null });
    expect(node(result, 'b')).toMatchObject({ target: 5, gap: null, score: null });
  });

  it('gives no negative gap above target', () => {
    const q = build();
    const result = score(q, assessment(q, [{ question: 'a', value: 5 }]));
    expect(node(result, 'a').gap).toBe(0);
  });

  it('places the default target on a sum section’s own range', () => {
    const q = build({}, { scoring: { method: 'sum' } });
    const result = score(
      q,
      assessment(q, [
        { question: 'a', value: 2 },
        { question: 'b', value: 3 },
      ]),
    );
    // Range [2, 10]: 2 + (3 − 1) / 4 × 8 = 6.
    expect(node(result, 's')).toMatchObject({ min: 2, max: 10, target: 6, gap: 1 });
  });

  it('carries a target set under an old id to the item that replaces it', () => {
    const q = questionnaire({
      sections: [{ id: 's', title: 'S', questions: [level('a', { replaces: ['old-a'] })] }],
    });
    const result = score(q, assessment(q, [{ question: 'a', value: 2 }], { targets: { 'old-a': 4 } }));
    expect(node(result, 'a')).toMatchObject({ target: 4, gap: 2 });
  });
});

describe('SPEC §4.8 output', () => {
  it('lists every section and every visible scored question, in document order, with every field', () => {
    const q = build();
    const result = score(q, assessment(q, [{ question: 'a', value: 2 }]));
    expect(Object.keys(result.nodes)).toEqual(['s', 'a', 'b', 'yes', 'f']);
    for (const scored of [result.overall, ...Object.values(result.nodes)]) {
      for (const key of [
        'score',
        'min',
        'max',
        'normalized',
        'display',
        'answered',
        'total',
        'insufficient',
        'target',
        'gap',
        'explanation',
      ])
        expect(scored).toHaveProperty(key);
      expect(scored.explanation.length).toBeGreaterThan(5);
    }
  });

  it('gives the same output for the same input', () => {
    const q = build();
    const a = assessment(q, [{ question: 'a', value: 2 }]);
    expect(JSON.stringify(score(q, a))).toBe(JSON.stringify(score(q, a)));
  });

  it('explains which children counted and which were left out, and why', () => {
    const q = build();
    const result = score(
      q,
      assessment(q, [
        { question: 'a', value: 2 },
        { question: 'b', na: true },
      ]),
    );
    expect(node(result, 's').explanation).toMatch(/Weighted mean of 1/);
    expect(node(result, 's').explanation).toMatch(/N\/A: b/);
    expect(node(result, 's').explanation).toMatch(/unanswered: yes, f/);
  });
});
