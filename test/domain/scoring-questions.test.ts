import { describe, expect, it } from 'vitest';

import { assessment, level, node, questionnaire, score } from './helpers.ts';

const one = (extra: Record<string, unknown> = {}, questions: unknown[] = [level('q')]) =>
  questionnaire({ sections: [{ id: 's', title: 'S', questions }], ...extra });

describe('SPEC §4.1 defaults', () => {
  it('consolidates by median, excludes N/A and counts insufficient evidence as the lowest', () => {
    const q = one();
    const result = score(
      q,
      assessment(q, [
        { question: 'q', respondent: 'a', value: 2 },
        { question: 'q', respondent: 'b', value: 4 },
        { question: 'q', respondent: 'c', value: 5 },
        { question: 'q', respondent: 'd', na: true },
        { question: 'q', respondent: 'e', insufficient: true },
      ]),
    );
    // Item scores 2, 4, 5 and 1 (insufficient): median of four = (2 + 4) / 2.
    expect(node(result, 'q').score).toBe(3);
    expect(node(result, 'q').insufficient).toBe(1);
  });

  it('scores a boolean as 1 and 0 without a score map', () => {
    const q = one({}, [{ id: 'b', type: 'boolean', prompt: 'B?' }]);
    const result = score(q, assessment(q, [{ question: 'b', value: true }]));
    expect(node(result, 'b')).toMatchObject({ score: 1, min: 0, max: 1, normalized: 1 });
  });
});

describe('SPEC §4.2 from answers to a question score', () => {
  it('gives each kind of item its item score', () => {
    const q = one({}, [
      level('lv'),
      {
        id: 'ch',
        type: 'choice',
        prompt: 'c',
        options: [
          { id: 'x', label: 'X', score: -1 },
          { id: 'y', label: 'Y', score: 3 },
        ],
      },
      {
        id: 'mu',
        type: 'multi',
        prompt: 'm',
        options: [
          { id: 'a', label: 'A', score: 2 },
          { id: 'b', label: 'B', score: 3 },
          { id: 'c', label: 'C', score: -4 },
        ],
      },
      { id: 'bo', type: 'boolean', prompt: 'b', score: { true: 0, false: 2 } },
    ]);
    const result = score(
      q,
      assessment(q, [
        { question: 'lv', value: 4 },
        { question: 'ch', value: 'x' },
        { question: 'mu', value: ['a', 'b'] },
        { question: 'bo', value: true },
      ]),
    );
    expect(node(result, 'lv')).toMatchObject({ score: 4, min: 1, max: 5 });
    expect(node(result, 'ch')).toMatchObject({ score: -1, min: -1, max: 3, normalized: 0 });
    expect(node(result, 'mu')).toMatchObject({ score: 5, min: 0, max: 5, normalized: 1 });
    expect(node(result, 'bo')).toMatchObject({ score: 0, min: 0, max: 2 });
  });

  it('clamps a multi sum to [0, sum of positive scores] and scores an empty list 0', () => {
    const options = [
      { id: 'a', label: 'A', score: 2 },
      { id: 'c', label: 'C', score: -4 },
    ];
    const q = one({}, [
      { id: 'm1', type: 'multi', prompt: 'm', options },
      { id: 'm2', type: 'multi', prompt: 'm', options },
    ]);
    const result = score(
      q,
      assessment(q, [
        { question: 'm1', value: ['a', 'c'] },
        { question: 'm2', value: [] },
      ]),
    );
    expect(node(result, 'm1').score).toBe(0);
    expect(node(result, 'm2')).toMatchObject({ score: 0, answered: 1 });
  });

  it('ignores an entry that is only a note, everywhere', () => {
    const q = one();
    const result = score(
      q,
      assessment(q, [
        { question: 'q', respondent: 'a', value: 2, updated: '2026-01-01T00:00:00Z' },
        { question: 'q', respondent: 'a', note: 'later note', updated: '2026-02-01T00:00:00Z' },
      ]),
    );
    expect(node(result, 'q')).toMatchObject({ score: 2, answered: 1 });
  });

  it('keeps the later updated answer of one respondent, the later in the file on a tie', () => {
    const q = one();
    const later = score(
      q,
      assessment(q, [
        { question: 'q', value: 5, updated: '2026-03-01T00:00:00Z' },
        { question: 'q', value: 2, updated: '2026-01-01T00:00:00Z' },
      ]),
    );
    expect(node(later, 'q').score).toBe(5);
    const tie = score(
      q,
      assessment(q, [
        { question: 'q', value: 5, updated: '2026-03-01T00:00:00Z' },
        { question: 'q', value: 2, updated: '2026-03-01T00:00:00Z' },
      ]),
    );
    expect(node(tie, 'q').score).toBe(2);
  });

  it('uses the consensus entry alone when there is one', () => {
    const q = one();
    const result = score(
      q,
      assessment(
        q,
        [
          { question: 'q', respondent: 'a', value: 1, insufficient: true },
          { question: 'q', respondent: 'b', value: 5 },
        ],
        { consensus: [{ question: 'q', value: 3 }] },
      ),
    );
    expect(node(result, 'q')).toMatchObject({ score: 3, answered: 1, insufficient: 0 });
  });

  it('falls back to respondents when the consensus entry is only a note', () => {
    const q = one();
    const result = score(
      q,
      assessment(q, [{ question: 'q', respondent: 'a', value: 4 }], {
        consensus: [{ question: 'q', reason: 'to discuss' }],
      }),
    );
    expect(node(result, 'q').score).toBe(4);
  });

  it('keeps the later of two consensus answers', () => {
    const q = one();
    const result = score(
      q,
      assessment(q, [], {
        consensus: [
          { question: 'q', value: 4, updated: '2026-05-01T00:00:00Z' },
          { question: 'q', value: 2, updated: '2026-04-01T00:00:00Z' },
        ],
      }),
    );
    expect(node(result, 'q').score).toBe(4);
  });

  it.each([
    ['median', 2],
    ['mean', 8 / 3],
    ['min', 1],
    ['max', 5],
  ] as const)('consolidates by %s', (consolidation, expected) => {
    const q = one();
    const answers = [1, 2, 5].map((value, index) => ({ question: 'q', respondent: `r${index}`, value }));
    const result = score(q, assessment(q, answers, { consolidation }));
    expect(node(result, 'q').score).toBeCloseTo(expected, 12);
  });

  it('takes the mean of the two middle values for an even median', () => {
    const q = one();
    const answers = [1, 2, 3, 5].map((value, index) => ({ question: 'q', respondent: `r${index}`, value }));
    expect(node(score(q, assessment(q, answers)), 'q').score).toBe(2.5);
  });

  it('ignores the value and the insufficient flag of an N/A answer', () => {
    const q = one();
    const result = score(q, assessment(q, [{ question: 'q', value: 5, na: true, insufficient: true }]));
    expect(node(result, 'q')).toMatchObject({ score: null, answered: 1, insufficient: 0, display: null });
  });

  it('counts N/A as the minimum under na: lowest, so no question is N/A', () => {
    const q = one({ na: 'lowest' });
    const result = score(q, assessment(q, [{ question: 'q', na: true }]));
    expect(node(result, 'q').score).toBe(1);
    expect(node(result, 's').score).toBe(1);
  });

  it('leaves insufficient evidence without a value out under insufficient: exclude', () => {
    const q = one({ insufficient: 'exclude' });
    const result = score(
      q,
      assessment(q, [
        { question: 'q', respondent: 'a', insufficient: true },
        { question: 'q', respondent: 'b', value: 4 },
      ]),
    );
    expect(node(result, 'q')).toMatchObject({ score: 4, insufficient: 1 });
    const alone = score(q, assessment(q, [{ question: 'q', insufficient: true }]));
    // Answered but not N/A: unanswered, so its section has no score either.
    expect(node(alone, 'q')).toMatchObject({ score: null, answered: 1, insufficient: 1 });
    expect(node(alone, 's').score).toBeNull();
  });

  it('scores an insufficient answer that has a value by its value', () => {
    const q = one();
    const result = score(q, assessment(q, [{ question: 'q', value: 4, insufficient: true }]));
    expect(node(result, 'q')).toMatchObject({ score: 4, insufficient: 1 });
  });

  it('reports counts of an unanswered question as 0 of 1', () => {
    const q = one();
    expect(node(score(q, assessment(q, [])), 'q')).toMatchObject({
      score: null,
      answered: 0,
      total: 1,
      insufficient: 0,
    });
  });

  it('carries answers given under an old id to the item that replaces it; the current id wins', () => {
    const q = one({}, [level('q', { replaces: ['old-q'] })]);
    const carried = score(q, assessment(q, [{ question: 'old-q', value: 4 }]));
    expect(node(carried, 'q').score).toBe(4);
    const both = score(
      q,
      assessment(q, [
        { question: 'q', value: 2, updated: '2026-01-01T00:00:00Z' },
        { question: 'old-q', value: 5, updated: '2026-06-01T00:00:00Z' },
      ]),
    );
    expect(node(both, 'q').score).toBe(2);
  });
});
