import { describe, expect, it } from 'vitest';

import {
  checkCrossReferences,
  crossReferenceIndex,
  crossReferencesOf,
} from '../../src/domain/cross-references.ts';
import type { Questionnaire } from '../../src/domain/questionnaire-schema.ts';

function questionnaire(id: string, questions: Record<string, { questionnaire: string; question: string }[]>) {
  return {
    id,
    version: '1.0.0',
    locales: ['en'],
    title: id,
    scales: {
      default: {
        levels: [
          { value: 1, label: 'low' },
          { value: 2, label: 'high' },
        ],
      },
    },
    sections: [
      {
        id: `${id}-area`,
        title: 'Area',
        questions: Object.entries(questions).map(([question, alsoIn]) => ({
          id: question,
          type: 'level' as const,
          prompt: question,
          levels: { 1: 'low', 2: 'high' },
          ...(alsoIn.length ? { alsoIn } : {}),
        })),
      },
    ],
  } satisfies Questionnaire;
}

const core = questionnaire('core', {
  'core-audit': [{ questionnaire: 'audit', question: 'audit-feedback' }],
  'core-data': [
    { questionnaire: 'audit', question: 'audit-missing' },
    { questionnaire: 'elsewhere', question: 'far-item' },
  ],
});
const audit = questionnaire('audit', {
  'audit-feedback': [{ questionnaire: 'core', question: 'core-audit' }],
  'audit-plan': [{ questionnaire: 'core', question: 'core-data' }],
});

describe('crossReferenceIndex', () => {
  const index = crossReferenceIndex([core, audit]);

  it('links both items once, whether one or both sides declare the link', () => {
    expect(crossReferencesOf(index, 'core', 'core-audit')).toEqual([
      { questionnaire: 'audit', question: 'audit-feedback' },
    ]);
    expect(crossReferencesOf(index, 'audit', 'audit-feedback')).toEqual([
      { questionnaire: 'core', question: 'core-audit' },
    ]);
    // Declared only by audit-plan: core-data still shows it.
    expect(crossReferencesOf(index, 'core', 'core-data')).toContainEqual({
      questionnaire: 'audit',
      question: 'audit-plan',
    });
  });

  it('drops a link to a missing question of a known questionnaire and keeps one it cannot check', () => {
    expect(crossReferencesOf(index, 'core', 'core-data')).toEqual([
      { questionnaire: 'elsewhere', question: 'far-item' },
      { questionnaire: 'audit', question: 'audit-plan' },
    ]);
    expect(crossReferencesOf(index, 'audit', 'audit-missing')).toEqual([]);
    expect(crossReferencesOf(index, 'elsewhere', 'far-item')).toEqual([
      { questionnaire: 'core', question: 'core-data' },
    ]);
  });
});

describe('checkCrossReferences', () => {
  it('calls a link to a missing question an error and one to an unknown questionnaire a warning', () => {
    expect(checkCrossReferences([core], [audit])).toEqual([
      {
        questionnaire: 'core',
        path: ['sections', 0, 'questions', 1, 'alsoIn', 0, 'question'],
        message: 'alsoIn: questionnaire "audit" has no question "audit-missing"',
        severity: 'error',
      },
      {
        questionnaire: 'core',
        path: ['sections', 0, 'questions', 1, 'alsoIn', 1, 'questionnaire'],
        message: 'alsoIn: questionnaire "elsewhere" is not among the questionnaires known here',
        severity: 'warning',
      },
    ]);
    expect(checkCrossReferences([audit], [core])).toEqual([]);
  });
});
