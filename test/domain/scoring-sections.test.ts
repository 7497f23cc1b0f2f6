import { describe, expect, it } from 'vitest';

import { roundOnScale } from '../../src/domain/scoring.ts';
import { assessment, level, node, questionnaire, score } from './helpers.ts';

const section = (
  scoring: Record<string, unknown>,
  questions: unknown[],
  extra: Record<string, unknown> = {},
) => questionnaire({ sections: [{ id: 's', title: 'S', scoring, questions }], ...extra });

const answers = (values: Record<string, unknown>) =>
  Object.entries(values).map(([question, value]) =>
    value === 'na' ? { question, na: true } : { question, value },
  );

describe('SPEC §4.5 sections: the six methods', () => {
  const items = [level('a'), level('b', { weight: 3 }), level('c', { weight: 10 })];

  it('weighted-mean renormalizes the weights of the children that count', () => {
    const q = section({ method: 'weighted-mean' }, items);
    // x = 0.25 (w 1), 1 (w 3); c unanswered → (0.25 + 3) / 4 = 0.8125 → 1 + 0.8125 × 4.
    const result = score(q, assessment(q, answers({ a: 2, b: 5 })));
    expect(node(result, 's').score).toBeCloseTo(4.25, 12);
    expect(node(result, 's')).toMatchObject({ answered: 2, total: 3 });
  });

  it('weighted-mean is the default method', () => {
    const q = questionnaire({ sections: [{ id: 's', title: 'S', questions: items }] });
    expect(node(score(q, assessment(q, answers({ a: 2, b: 5 }))), 's').score).toBeCloseTo(4.25, 12);
  });

  it('mean ignores weights', () => {
    const q = section({ method: 'mean' }, items);
    expect(node(score(q, assessment(q, answers({ a: 2, b: 5 }))), 's').score).toBeCloseTo(3.5, 12);
  });

  it('median takes the middle value, or the mean of the two middle values', () => {
    const q = section({ method: 'median' }, items);
    expect(node(score(q, assessment(q, answers({ a: 2, b: 3, c: 5 }))), 's').score).toBeCloseTo(3, 12);
    expect(node(score(q, assessment(q, answers({ a: 2, c: 5 }))), 's').score).toBeCloseTo(3.5, 12);
  });

  it('min is the weakest link', () => {
    const q = section({ method: 'min' }, items);
    expect(node(score(q, assessment(q, answers({ a: 4, b: 2, c: 5 }))), 's').score).toBeCloseTo(2, 12);
  });

  it('sum adds the counted children and takes its range from them alone', () => {
    const q = section({ method: 'sum' }, items);
    const result = score(q, assessment(q, answers({ a: 2, b: 5 })));
    expect(node(result, 's')).toMatchObject({ score: 7, min: 2, max: 10, display: '7.0' });
    expect(node(result, 's').normalized).toBeCloseTo(0.625, 12);
    const none = score(q, assessment(q, []));
    expect(node(none, 's')).toMatchObject({ score: null, min: 0, max: 0 });
  });

  it('expresses a section on its own scale', () => {
    const q = questionnaire({
      scales: {
        default: { levels: [1, 2, 3, 4, 5].map((value) => ({ value, label: `L${value}` })) },
        four: { levels: [0, 1, 2, 3].map((value) => ({ value, label: `F${value}` })) },
      },
      sections: [{ id: 's', title: 'S', scale: 'four', questions: [level('a', { scale: 'default' })] }],
    });
    const result = score(q, assessment(q, answers({ a: 3 })));
    expect(node(result, 's')).toMatchObject({ score: 1.5, min: 0, max: 3 });
  });

  it('has no score when no child counts: N/A when all are N/A, else unanswered', () => {
    const q = section({}, [level('a'), level('b')]);
    const na = score(q, assessment(q, answers({ a: 'na', b: 'na' })));
    expect(node(na, 's')).toMatchObject({ score: null, answered: 2, total: 2 });
    expect(node(na, 's').explanation).toMatch(/N\/A/);
    const mixed = score(q, assessment(q, answers({ a: 'na' })));
    expect(node(mixed, 's').score).toBeNull();
    expect(node(mixed, 's').explanation).toMatch(/No score yet/);
  });

  it('leaves an N/A section out of its parent', () => {
    const q = questionnaire({
      sections: [
        { id: 'x', title: 'X', questions: [level('a')] },
        { id: 'y', title: 'Y', questions: [level('b')] },
      ],
    });
    const result = score(q, assessment(q, answers({ a: 'na', b: 4 })));
    expect(result.overall.score).toBe(4);
    expect(result.overall.explanation).toMatch(/N\/A: x/);
  });
});

describe('SPEC §4.5 sections: cumulative (C2M2-style gated levels)', () => {
  const c2m2 = (scoring: Record<string, unknown>) =>
    questionnaire({
      scales: {
        default: { display: 'label', levels: [0, 1, 2, 3].map((value) => ({ value, label: `MIL${value}` })) },
        impl: {
          levels: ['Not', 'Partially', 'Largely', 'Fully'].map((label, index) => ({
            value: index + 1,
            label,
          })),
        },
      },
      sections: [
        {
          id: 'domain',
          title: 'Domain',
          scoring: { method: 'cumulative', threshold: 0.66, ...scoring },
          questions: [
            { id: 'a1', level: 1 },
            { id: 'a2', level: 1 },
            { id: 'b1', level: 2 },
            { id: 'b2', level: 2 },
            { id: 'c1', level: 3 },
          ].map(({ id, level: at }) => ({
            id,
            type: 'level',
            prompt: id,
            scale: 'impl',
            level: at,
            levels: { 1: 'n', 2: 'p', 3: 'l', 4: 'f' },
          })),
        },
      ],
    });
  // Fully = 4 (x 1), Largely = 3 (x 2/3), Partially = 2 (x 1/3).
  const base = { a1: 4, a2: 3, b1: 3, b2: 2, c1: 4 };

  it('reaches the highest level whose items, and all below, pass the threshold', () => {
    const q = c2m2({});
    const result = score(q, assessment(q, answers(base)));
    expect(node(result, 'domain')).toMatchObject({ score: 1, display: 'MIL1', min: 0, max: 3 });
  });

  it('adds the mean progress at the next level with fractional', () => {
    const q = c2m2({ fractional: true });
    // Level 2 items: x = 2/3 and 1/3 → mean 0.5 → 1 + 0.5 × (2 − 1) = 1.5, half-way: "MIL1+".
    const result = score(q, assessment(q, answers(base)));
    expect(node(result, 'domain').score).toBeCloseTo(1.5, 12);
    expect(node(result, 'domain').display).toBe('MIL1+');
  });

  it('scores the lowest value when no level is reached, and grows towards the lowest level with fractional', () => {
    const q = c2m2({});
    const failing = { ...base, a2: 2 };
    expect(node(score(q, assessment(q, answers(failing))), 'domain').score).toBe(0);
    const fractional = c2m2({ fractional: true });
    // Level 1 items: x = 1 and 1/3 → mean 2/3 → 0 + 2/3 × (1 − 0).
    expect(node(score(fractional, assessment(fractional, answers(failing))), 'domain').score).toBeCloseTo(
      2 / 3,
      12,
    );
  });

  it('counts an unanswered child as x = 0 and leaves N/A children out', () => {
    const q = c2m2({});
    const { a2: _a2, ...withoutA2 } = base;
    expect(node(score(q, assessment(q, answers(withoutA2))), 'domain').score).toBe(0);
    expect(node(score(q, assessment(q, answers({ ...base, a2: 'na' }))), 'domain').score).toBe(1);
    expect(node(score(q, assessment(q, answers({ ...base, b2: 'na' }))), 'domain').score).toBe(3);
  });

  it('has no score when no child has one', () => {
    const q = c2m2({});
    expect(node(score(q, assessment(q, [])), 'domain').score).toBeNull();
  });

  it('uses threshold 1 by default: only full marks pass', () => {
    const q = c2m2({ threshold: 1 });
    expect(node(score(q, assessment(q, answers(base))), 'domain').score).toBe(0);
    expect(
      node(score(q, assessment(q, answers({ a1: 4, a2: 4, b1: 4, b2: 3, c1: 4 }))), 'domain').score,
    ).toBe(1);
  });
});

describe('SPEC §4.5 sections: rounding on the scale', () => {
  const values = [1, 2, 3, 4, 5];
  it.each([
    [3.25, { floor: 3, 'half-down': 3, 'half-up': 3.5, nearest: 3 }],
    [3.5, { floor: 3, 'half-down': 3.5, 'half-up': 3.5, nearest: 4 }],
    [3.75, { floor: 3, 'half-down': 3.5, 'half-up': 4, nearest: 4 }],
    [3.4999999999999, { floor: 3, 'half-down': 3.5, 'half-up': 3.5, nearest: 4 }],
    [5, { floor: 5, 'half-down': 5, 'half-up': 5, nearest: 5 }],
    [1, { floor: 1, 'half-down': 1, 'half-up': 1, nearest: 1 }],
  ] as const)('rounds %d', (raw, expected) => {
    for (const [rounding, value] of Object.entries(expected)) {
      expect(roundOnScale(raw, values, rounding as 'floor')).toBe(value);
    }
    expect(roundOnScale(raw, values, 'none')).toBe(raw);
  });

  it('rounds on uneven scales', () => {
    expect(roundOnScale(1.9, [0, 1, 3], 'nearest')).toBe(1);
    expect(roundOnScale(2, [0, 1, 3], 'nearest')).toBe(3);
    expect(roundOnScale(2.1, [0, 1, 3], 'half-down')).toBe(2);
  });

  it('lets a parent use its children’s rounded scores', () => {
    const q = questionnaire({
      sections: [
        {
          id: 'parent',
          title: 'P',
          sections: [
            { id: 'child', title: 'C', scoring: { rounding: 'floor' }, questions: [level('a'), level('b')] },
          ],
        },
      ],
    });
    const result = score(q, assessment(q, answers({ a: 3, b: 4 })));
    expect(node(result, 'child').score).toBe(3);
    expect(node(result, 'parent').score).toBe(3);
  });

  it('does not round a sum', () => {
    const q = section({ method: 'sum', rounding: 'floor' }, [level('a'), level('b')]);
    expect(node(score(q, assessment(q, answers({ a: 3, b: 4 }))), 's').score).toBe(7);
  });
});

describe('SPEC §4.5 a SAMM-style model: sum of streams, mean of practices', () => {
  const stream = (id: string) => ({
    id,
    title: id,
    scoring: { method: 'sum' },
    questions: [1, 2, 3].map((n) => ({
      id: `${id}-l${n}`,
      type: 'choice',
      prompt: `${id} level ${n}`,
      options: [
        { id: 'no', label: 'No', score: 0 },
        { id: 'some', label: 'Some', score: 0.25 },
        { id: 'half', label: 'Half', score: 0.5 },
        { id: 'yes', label: 'Yes', score: 1 },
      ],
    })),
  });
  const samm = questionnaire({
    scales: { default: { levels: [0, 1, 2, 3].map((value) => ({ value, label: `${value}` })) } },
    scoring: { method: 'mean' },
    sections: [
      {
        id: 'governance',
        title: 'Governance',
        scoring: { method: 'mean' },
        sections: [
          {
            id: 'strategy',
            title: 'Strategy',
            scoring: { method: 'mean' },
            sections: [stream('sa'), stream('sb')],
          },
          {
            id: 'policy',
            title: 'Policy',
            scoring: { method: 'mean' },
            sections: [stream('pa'), stream('pb')],
          },
        ],
      },
    ],
  });
  const pick = (values: Record<string, string>) =>
    assessment(
      samm,
      Object.entries(values).map(([question, value]) => ({ question, value })),
    );

  it('computes streams, practices and the business function by hand', () => {
    const result = score(
      samm,
      pick({
        'sa-l1': 'yes',
        'sa-l2': 'half',
        'sa-l3': 'no',
        'sb-l1': 'yes',
        'sb-l2': 'yes',
        'sb-l3': 'some',
        'pa-l1': 'no',
        'pa-l2': 'no',
        'pa-l3': 'no',
        'pb-l1': 'yes',
        'pb-l2': 'no',
        'pb-l3': 'no',
      }),
    );
    expect(node(result, 'sa')).toMatchObject({ score: 1.5, min: 0, max: 3 });
    expect(node(result, 'sb').score).toBeCloseTo(2.25, 12);
    // Strategy: mean of x = 0.5 and 0.75 → 0.625 × 3.
    expect(node(result, 'strategy').score).toBeCloseTo(1.875, 12);
    // Policy: streams 0 and 1 → x 0 and 1/3 → 1/6 × 3.
    expect(node(result, 'policy').score).toBeCloseTo(0.5, 12);
    // Governance: mean of x = 0.625 and 1/6 → 0.395833… × 3.
    expect(node(result, 'governance').score).toBeCloseTo(1.1875, 12);
    expect(result.overall.score).toBeCloseTo(1.1875, 12);
  });
});
