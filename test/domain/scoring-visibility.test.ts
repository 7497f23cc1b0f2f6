import { describe, expect, it } from 'vitest';

import { assessment, level, node, questionnaire, score } from './helpers.ts';

const gated = questionnaire({
  sections: [
    {
      id: 's',
      title: 'S',
      questions: [
        { id: 'has-unit', type: 'boolean', prompt: 'Is there a unit?' },
        level('unit-maturity', { showIf: 'has-unit == true' }),
        level('unit-staff', { showIf: 'unit-maturity >= 3' }),
        { id: 'notes', type: 'text', prompt: 'Notes' },
        { id: 'staff-count', type: 'number', prompt: 'How many?' },
      ],
    },
    {
      id: 'hidden-only',
      title: 'H',
      questions: [level('deep', { showIf: 'has-unit == false' })],
    },
  ],
});

describe('SPEC §4.3 visibility', () => {
  it('evaluates on one empty sheet when there are no answers', () => {
    const result = score(gated, assessment(gated, []));
    expect(Object.keys(result.nodes)).toEqual(['s', 'has-unit', 'hidden-only']);
    expect(node(result, 's').total).toBe(1);
  });

  it('keeps text and number items out of every node and count', () => {
    const result = score(
      gated,
      assessment(gated, [
        { question: 'notes', value: 'x' },
        { question: 'staff-count', value: 3 },
      ]),
    );
    expect(result.nodes['notes']).toBeUndefined();
    expect(result.nodes['staff-count']).toBeUndefined();
    expect(node(result, 's')).toMatchObject({ answered: 0, total: 1 });
  });

  it('shows a question when its showIf holds on at least one sheet, and then counts every answer', () => {
    const result = score(
      gated,
      assessment(gated, [
        { question: 'has-unit', respondent: 'a', value: true },
        { question: 'unit-maturity', respondent: 'a', value: 4 },
        { question: 'has-unit', respondent: 'b', value: false },
        { question: 'unit-maturity', respondent: 'b', value: 2 },
      ]),
    );
    // Visible through a's sheet; b's answer counts too: median of 4 and 2.
    expect(node(result, 'unit-maturity').score).toBe(3);
    // unit-staff: on a's sheet unit-maturity is 4, so it is visible (unanswered).
    expect(node(result, 'unit-staff')).toMatchObject({ score: null, total: 1 });
    // deep is visible through b's sheet.
    expect(node(result, 'hidden-only').total).toBe(1);
  });

  it('gives a question hidden on a sheet no value there, so what depends on it hides too', () => {
    const result = score(
      gated,
      assessment(gated, [
        { question: 'has-unit', value: false },
        { question: 'unit-maturity', value: 5 },
      ]),
    );
    expect(result.nodes['unit-maturity']).toBeUndefined();
    expect(result.nodes['unit-staff']).toBeUndefined();
    // The hidden answer is kept out of the counts; deep (has-unit == false) now shows.
    expect(node(result, 's')).toMatchObject({ answered: 1, total: 1 });
    expect(node(result, 'hidden-only')).toMatchObject({ answered: 0, total: 1 });
    expect(result.overall).toMatchObject({ answered: 1, total: 2 });
  });

  it('gives an N/A answer no value, its value ignored', () => {
    const result = score(gated, assessment(gated, [{ question: 'has-unit', value: true, na: true }]));
    expect(result.nodes['unit-maturity']).toBeUndefined();
  });

  it('reads the consensus answers as one more sheet', () => {
    const result = score(
      gated,
      assessment(gated, [{ question: 'has-unit', respondent: 'a', value: false }], {
        consensus: [{ question: 'has-unit', value: true }],
      }),
    );
    expect(node(result, 'unit-maturity').total).toBe(1);
  });

  it('reports a section with nothing visible without a score and leaves it out of its parent', () => {
    const result = score(
      gated,
      assessment(gated, [
        { question: 'has-unit', value: true },
        { question: 'unit-maturity', value: 2 },
      ]),
    );
    expect(node(result, 'hidden-only')).toMatchObject({
      score: null,
      total: 0,
      answered: 0,
      display: null,
      gap: null,
    });
    // Overall = s alone: weighted mean of has-unit (x = 1) and unit-maturity (x = 0.25) = 0.625 → 1 + 0.625 × 4.
    expect(node(result, 's').score).toBeCloseTo(3.5, 12);
    expect(result.overall.score).toBeCloseTo(3.5, 12);
    expect(result.overall.total).toBe(2);
  });
});
