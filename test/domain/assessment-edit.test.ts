import { describe, expect, it } from 'vitest';

import { isAnswer } from '../../src/domain/assessment.ts';
import {
  addRespondent,
  answerOf,
  applyAnswer,
  applyConsensus,
  createAssessment,
  removeConsensus,
} from '../../src/domain/assessment-edit.ts';
import { mergeAssessments } from '../../src/domain/merge.ts';
import { assessmentSchema } from '../../src/domain/assessment-schema.ts';

const base = createAssessment({
  id: 'a1',
  now: '2026-01-01T00:00:00Z',
  questionnaire: { id: 'rm-core', version: '1.0.0' },
  title: 'Baseline',
  administration: 'Example Customs',
  respondent: { id: 'r1', name: 'Targeting centre', role: '', unit: 'NTC' },
});

describe('editing an assessment', () => {
  it('creates a file of the SPEC §3 format', () => {
    expect(assessmentSchema.parse(base)).toMatchObject({
      format: 'cairn.assessment',
      formatVersion: 1,
      consolidation: 'median',
      respondents: [{ id: 'r1', name: 'Targeting centre', unit: 'NTC' }],
    });
    expect(base.respondents[0]).not.toHaveProperty('role');
  });

  it('keeps one entry per (question, respondent), stamped with the time of the edit', () => {
    let next = applyAnswer(base, 'q1', 'r1', { value: 3 }, '2026-01-02T00:00:00Z');
    next = applyAnswer(next, 'q1', 'r1', { note: 'seen the manual' }, '2026-01-03T00:00:00Z');
    expect(next.answers).toEqual([
      {
        question: 'q1',
        respondent: 'r1',
        value: 3,
        note: 'seen the manual',
        updated: '2026-01-03T00:00:00Z',
      },
    ]);
    expect(next.updated).toBe('2026-01-03T00:00:00Z');
    expect(base.answers).toEqual([]);
  });

  it('clears a value, a flag or a note when it is emptied, but keeps a boolean false', () => {
    let next = applyAnswer(base, 'q1', 'r1', { value: 3, insufficient: true, note: 'x' }, 't1');
    next = applyAnswer(next, 'q1', 'r1', { value: undefined, insufficient: false, note: '' }, 't2');
    expect(answerOf(next, 'q1', 'r1')).toEqual({ question: 'q1', respondent: 'r1', updated: 't2' });
    next = applyAnswer(next, 'q2', 'r1', { value: false }, 't3');
    expect(answerOf(next, 'q2', 'r1')?.value).toBe(false);
  });
});

describe('consensus and respondents', () => {
  const base = () =>
    applyAnswer(
      createAssessment({
        id: 'a',
        now: '2026-01-01T00:00:00Z',
        questionnaire: { id: 'q', version: '1.0.0' },
        title: 'T',
        respondent: { id: 'r1', name: 'One' },
      }),
      'x',
      'r1',
      { value: 2 },
      '2026-01-01T01:00:00Z',
    );

  it('records one agreed rating per question, with its reason, and refuses one without', () => {
    const once = applyConsensus(
      base(),
      'x',
      { value: 3, reason: 'Seen the register', by: 'Team' },
      '2026-01-02T00:00:00Z',
    );
    const twice = applyConsensus(
      once,
      'x',
      { value: 4, reason: 'Re-checked', by: 'Team' },
      '2026-01-03T00:00:00Z',
    );
    expect(twice.consensus).toEqual([
      { question: 'x', value: 4, reason: 'Re-checked', by: 'Team', updated: '2026-01-03T00:00:00Z' },
    ]);
    expect(() => applyConsensus(base(), 'x', { value: 3, reason: '  ', by: 'Team' }, 'now')).toThrow(
      /reason/,
    );
  });

  it('withdraws a rating so that it stays withdrawn when merged with an older copy', () => {
    const agreed = applyConsensus(base(), 'x', { value: 3, reason: 'r', by: 'Team' }, '2026-01-02T00:00:00Z');
    const withdrawn = removeConsensus(agreed, 'x', 'Team', '2026-01-03T00:00:00Z');
    const merged = mergeAssessments([agreed, withdrawn]).assessment;
    expect(merged.consensus).toEqual([{ question: 'x', by: 'Team', updated: '2026-01-03T00:00:00Z' }]);
    expect(isAnswer(merged.consensus[0]!)).toBe(false);
  });

  it('adds respondents with fresh ids', () => {
    const two = addRespondent(base(), { name: 'Port office', unit: 'Port' }, 'now');
    const three = addRespondent(two, { name: 'Audit' }, 'now');
    expect(three.respondents.map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
    expect(three.respondents[1]).toEqual({ id: 'r2', name: 'Port office', unit: 'Port' });
  });
});

describe('edits after a clock that ran ahead', () => {
  it('stamps an edit just after the answer it replaces, so that the edit wins a merge', () => {
    const ahead = applyAnswer(base, 'legal-mandate', 'r1', { value: 2 }, '2031-01-01T00:00:00.000Z');
    const edited = applyAnswer(ahead, 'legal-mandate', 'r1', { value: 4 }, '2026-06-01T00:00:00.000Z');
    expect(edited.answers[0]!.updated).toBe('2031-01-01T00:00:00.001Z');
    expect(mergeAssessments([ahead, edited]).assessment.answers[0]!.value).toBe(4);
  });
});
