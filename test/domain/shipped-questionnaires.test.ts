import { readdirSync, readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { buildModel, walk } from '../../src/domain/model.ts';
import { parseQuestionnaireText } from '../../src/domain/questionnaire-file.ts';
import type { Question } from '../../src/domain/questionnaire-schema.ts';
import { translationCoverage } from '../../src/domain/translation.ts';

const files = readdirSync('questionnaires').filter((name) => name.endsWith('.yaml'));
const load = (name: string) => {
  const result = parseQuestionnaireText(readFileSync(`questionnaires/${name}`, 'utf8'), name);
  return { ...result, questionnaire: result.questionnaire! };
};

describe('shipped questionnaires', () => {
  it.each(files)('%s is valid, named after its id and translated in every locale', (name) => {
    const { questionnaire, problems } = load(name);
    expect(problems).toEqual([]);
    expect(`${questionnaire.id}.yaml`).toBe(name);
    for (const coverage of translationCoverage(questionnaire))
      expect(coverage.translated).toBe(coverage.total);
  });
});

describe('rm-core', () => {
  const { questionnaire } = load('rm-core.yaml');
  const model = buildModel(questionnaire);
  const questions = [...walk(model.root)]
    .filter((node) => node.kind === 'question')
    .map((node) => node.source as Question);
  const texts = (question: Question) =>
    Object.values(question.levels ?? {}).map((text) => JSON.stringify(text));

  it('covers the ten areas with 40 to 60 level items', () => {
    expect(questionnaire.sections?.map((section) => section.id)).toEqual([
      'legal',
      'governance',
      'organization',
      'process',
      'compliance',
      'selectivity',
      'intelligence',
      'data',
      'cooperation',
      'performance',
    ]);
    expect(questions.length).toBeGreaterThanOrEqual(40);
    expect(questions.length).toBeLessThanOrEqual(60);
    expect(questions.every((question) => question.type === 'level')).toBe(true);
  });

  it('gives every item five distinct rubric levels, help, evidence and a reference', () => {
    for (const question of questions) {
      expect(new Set(texts(question)).size, question.id).toBe(5);
      expect(question.help, question.id).toBeDefined();
      expect(question.evidence?.length ?? 0, question.id).toBeGreaterThanOrEqual(2);
      expect(question.references?.length ?? 0, question.id).toBeGreaterThanOrEqual(1);
    }
  });

  it('targets level 3 by default', () => {
    expect(questionnaire.target).toBe(3);
  });
});
