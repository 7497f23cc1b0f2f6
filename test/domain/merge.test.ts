import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { Assessment } from '../../src/domain/assessment.ts';
import {
  canonical,
  chooseEntry,
  mergeAssessments,
  MergeError,
  migrateAssessment,
} from '../../src/domain/merge.ts';
import { buildModel } from '../../src/domain/model.ts';

const file = (extra: Partial<Assessment>): Assessment =>
  ({
    format: 'cairn.assessment',
    formatVersion: 1,
    id: 'a',
    title: 'Mission',
    questionnaire: { id: 'rm-core', version: '1.0.0' },
    respondents: [],
    answers: [],
    consensus: [],
    targets: {},
    ...extra,
  }) as Assessment;

describe('SPEC §3 merging', () => {
  it('unites respondents by id and answers by (question, respondent)', () => {
    const a = file({
      updated: '2026-01-01T00:00:00Z',
      respondents: [{ id: 'r1', name: 'Expert A' }],
      answers: [{ question: 'q1', respondent: 'r1', value: 2, updated: '2026-01-01T10:00:00Z' }],
    });
    const b = file({
      updated: '2026-01-02T00:00:00Z',
      respondents: [{ id: 'r2', name: 'Expert B' }],
      answers: [{ question: 'q1', respondent: 'r2', value: 4, updated: '2026-01-01T11:00:00Z' }],
    });
    const { assessment, conflicts } = mergeAssessments([a, b]);
    expect(assessment.respondents.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(assessment.answers).toHaveLength(2);
    expect(conflicts).toEqual([]);
  });

  it('keeps the later of two different answers and lists the conflict', () => {
    const a = file({
      answers: [{ question: 'q1', respondent: 'r1', value: 2, updated: '2026-01-01T10:00:00Z' }],
    });
    const b = file({
      answers: [{ question: 'q1', respondent: 'r1', value: 3, updated: '2026-01-01T12:00:00Z' }],
    });
    const { assessment, conflicts } = mergeAssessments([b, a]);
    expect(assessment.answers).toEqual([b.answers[0]]);
    expect(conflicts).toEqual([
      { kind: 'answer', question: 'q1', respondent: 'r1', kept: b.answers[0], dropped: a.answers[0] },
    ]);
  });

  it('merges consensus entries the same way', () => {
    const a = file({
      consensus: [{ question: 'q1', value: 2, reason: 'seen', updated: '2026-02-01T00:00:00Z' }],
    });
    const b = file({
      consensus: [{ question: 'q1', value: 4, reason: 'later', updated: '2026-03-01T00:00:00Z' }],
    });
    const { assessment, conflicts } = mergeAssessments([a, b]);
    expect(assessment.consensus).toEqual(b.consensus);
    expect(conflicts.map((conflict) => conflict.kind)).toEqual(['consensus']);
  });

  it('does not call the same answer saved twice a conflict', () => {
    const answer = { question: 'q1', respondent: 'r1', value: 2, updated: '2026-01-01T10:00:00Z' };
    expect(
      mergeAssessments([file({ answers: [answer] }), file({ answers: [{ ...answer }] })]).conflicts,
    ).toEqual([]);
  });

  it('refuses files of different questionnaires or versions', () => {
    expect(() =>
      mergeAssessments([file({}), file({ questionnaire: { id: 'pca', version: '1.0.0' } })]),
    ).toThrow(MergeError);
    expect(() =>
      mergeAssessments([file({}), file({ questionnaire: { id: 'rm-core', version: '2.0.0' } })]),
    ).toThrow(/migrated/);
  });
});

const answerArbitrary = fc.record({
  question: fc.constantFrom('q1', 'q2', 'q3'),
  respondent: fc.constantFrom('r1', 'r2'),
  value: fc.constantFrom(1, 2, 3, 4, 5),
  updated: fc.constantFrom('2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', '2026-01-03T00:00:00Z'),
});
const fileArbitrary = fc
  .record({
    answers: fc.array(answerArbitrary, { maxLength: 6 }),
    updated: fc.constantFrom('2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'),
    title: fc.constantFrom('A', 'B'),
  })
  .map(({ answers, updated, title }) =>
    file({ answers, updated, title, respondents: [{ id: 'r1' }, { id: 'r2' }] }),
  );

describe('SPEC §3 merging: properties', () => {
  it('gives the same result in any order', () => {
    fc.assert(
      fc.property(fc.array(fileArbitrary, { minLength: 1, maxLength: 4 }), (files) => {
        const forward = mergeAssessments(files);
        const backward = mergeAssessments([...files].reverse());
        expect(canonical(backward.assessment)).toBe(canonical(forward.assessment));
        expect(canonical(backward.conflicts.map((c) => [c.question, c.respondent, c.kept]))).toBe(
          canonical(forward.conflicts.map((c) => [c.question, c.respondent, c.kept])),
        );
      }),
    );
  });

  it('is idempotent: merging a merge with one of its files changes nothing', () => {
    fc.assert(
      fc.property(fc.array(fileArbitrary, { minLength: 1, maxLength: 4 }), (files) => {
        const merged = mergeAssessments(files).assessment;
        expect(canonical(mergeAssessments([merged, files[0]!]).assessment)).toBe(canonical(merged));
        expect(canonical(mergeAssessments([merged, merged]).assessment)).toBe(canonical(merged));
      }),
    );
  });

  it('loses no (question, respondent) pair', () => {
    fc.assert(
      fc.property(fc.array(fileArbitrary, { minLength: 1, maxLength: 4 }), (files) => {
        const merged = mergeAssessments(files).assessment;
        const keys = new Set(merged.answers.map((answer) => `${answer.question}/${answer.respondent}`));
        for (const one of files)
          for (const answer of one.answers) expect(keys).toContain(`${answer.question}/${answer.respondent}`);
        expect(keys.size).toBe(merged.answers.length);
      }),
    );
  });
});

describe('migrating an older version (SPEC §3)', () => {
  it('renames ids an item replaces, leaves out retired questions, and keeps the original', () => {
    const model = buildModel({
      id: 'q',
      version: '2.0.0',
      locales: ['en'],
      title: 'Q',
      scales: {
        default: {
          levels: [
            { value: 1, label: 'a' },
            { value: 2, label: 'b' },
          ],
        },
      },
      sections: [
        {
          id: 's',
          title: 'S',
          questions: [
            { id: 'new-id', type: 'level', prompt: 'p', levels: { 1: 'a', 2: 'b' }, replaces: ['old-id'] },
          ],
        },
      ],
    } as never);
    const original = {
      format: 'cairn.assessment' as const,
      formatVersion: 1 as const,
      questionnaire: { id: 'q', version: '1.0.0' },
      respondents: [{ id: 'r1' }],
      answers: [
        { question: 'old-id', respondent: 'r1', value: 2 },
        { question: 'gone', respondent: 'r1', value: 1 },
      ],
      consensus: [{ question: 'old-id', value: 1, reason: 'agreed' }],
      targets: { 'old-id': 2, s: 2 },
    };
    const frozen = JSON.stringify(original);
    const { assessment, renamed, dropped } = migrateAssessment(model, original);
    expect(assessment.questionnaire.version).toBe('2.0.0');
    expect(assessment.answers).toEqual([{ question: 'new-id', respondent: 'r1', value: 2 }]);
    expect(assessment.consensus).toEqual([{ question: 'new-id', value: 1, reason: 'agreed' }]);
    expect(assessment.targets).toEqual({ 'new-id': 2, s: 2 });
    expect(renamed).toEqual([['old-id', 'new-id']]);
    expect(dropped).toEqual(['gone']);
    expect(JSON.stringify(original)).toBe(frozen);
  });
});

describe('choosing the other side of a conflict', () => {
  it('makes the chosen version count, and keeps it chosen when the files are merged again', () => {
    const base = {
      format: 'cairn.assessment' as const,
      formatVersion: 1 as const,
      questionnaire: { id: 'q', version: '1.0.0' },
      respondents: [{ id: 'r1' }],
      consensus: [],
      targets: {},
    };
    const a: Assessment = {
      ...base,
      answers: [{ question: 'x', respondent: 'r1', value: 2, updated: '2026-01-01T00:00:00Z' }],
    };
    const b: Assessment = {
      ...base,
      answers: [{ question: 'x', respondent: 'r1', value: 4, updated: '2026-01-02T00:00:00Z' }],
    };
    const { assessment, conflicts } = mergeAssessments([a, b]);
    expect(assessment.answers[0]!.value).toBe(4);
    const chosen = chooseEntry(assessment, conflicts[0]!, conflicts[0]!.dropped, '2026-02-01T00:00:00Z');
    expect(chosen.answers).toEqual([
      { question: 'x', respondent: 'r1', value: 2, updated: '2026-02-01T00:00:00Z' },
    ]);
    expect(mergeAssessments([chosen, a, b]).assessment.answers[0]!.value).toBe(2);
  });
});

describe('choosing a version written by a clock that was ahead', () => {
  it('stamps the choice after both versions', () => {
    const base = {
      format: 'cairn.assessment' as const,
      formatVersion: 1 as const,
      questionnaire: { id: 'q', version: '1.0.0' },
      respondents: [{ id: 'r1' }],
      consensus: [],
      targets: {},
    };
    const a: Assessment = {
      ...base,
      answers: [{ question: 'x', respondent: 'r1', value: 2, updated: '2030-01-01T00:00:00.000Z' }],
    };
    const b: Assessment = {
      ...base,
      answers: [{ question: 'x', respondent: 'r1', value: 4, updated: '2030-01-02T00:00:00.000Z' }],
    };
    const { assessment, conflicts } = mergeAssessments([a, b]);
    const chosen = chooseEntry(assessment, conflicts[0]!, conflicts[0]!.dropped, '2026-02-01T00:00:00.000Z');
    expect(chosen.answers[0]!.updated).toBe('2030-01-02T00:00:00.001Z');
    expect(mergeAssessments([chosen, b]).assessment.answers[0]!.value).toBe(2);
  });
});
