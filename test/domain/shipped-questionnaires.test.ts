import { readdirSync, readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { checkCrossReferences, placedQuestions } from '../../src/domain/cross-references.ts';
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

describe('rm-core action library', () => {
  const { questionnaire } = load('rm-core.yaml');
  const model = buildModel(questionnaire);

  it('has a step to every level from 2 to at least 4 for every item, with effort, duration and owner', () => {
    for (const question of model.questions.values()) {
      const actions = question.source.actions ?? [];
      const levels = actions.map((action) => action.to);
      for (const level of [2, 3, 4]) expect(levels, question.id).toContain(level);
      for (const action of actions) {
        expect(action.effort, action.id).toBeGreaterThan(0);
        expect(action.duration, action.id).toBeGreaterThan(0);
        expect(action.owner, action.id).toBeDefined();
        expect(action.kind, action.id).toBeDefined();
      }
    }
  });

  it('makes advanced analytics wait for data governance, and automated selectivity for its legal basis', () => {
    const action = (id: string) =>
      [...model.questions.values()].flatMap((q) => q.source.actions ?? []).find((a) => a.id === id);
    expect(action('data-analytics-to-3')?.dependsOn).toContain('data-governance-to-3');
    expect(action('selectivity-automation-to-3')?.dependsOn).toContain('legal-selectivity-basis-to-3');
  });
});

describe('companion questionnaires', () => {
  const companions = ['pca.yaml', 'data-intelligence.yaml', 'capacity-building.yaml'];

  it.each(companions)(
    '%s has 15 to 30 items with distinct rubrics, evidence, references and actions',
    (name) => {
      const model = buildModel(load(name).questionnaire);
      const questions = [...model.questions.values()];
      expect(questions.length).toBeGreaterThanOrEqual(15);
      expect(questions.length).toBeLessThanOrEqual(30);
      for (const question of questions) {
        const rubrics = Object.values(question.source.levels ?? {}).map((text) => JSON.stringify(text));
        expect(new Set(rubrics).size, question.id).toBe(question.scale!.values.length);
        expect(question.source.evidence?.length ?? 0, question.id).toBeGreaterThanOrEqual(2);
        expect(question.source.references?.length ?? 0, question.id).toBeGreaterThanOrEqual(1);
        expect(question.source.actions?.length ?? 0, question.id).toBeGreaterThanOrEqual(3);
      }
    },
  );

  it('exercise other scales and methods than the default weighted mean', () => {
    const methods = new Set<string>();
    const scales = new Set<string>();
    for (const name of companions) {
      const model = buildModel(load(name).questionnaire);
      for (const section of model.sections.values()) {
        methods.add(section.scoring.method);
        scales.add(section.scale.name);
      }
    }
    expect([...methods].sort()).toEqual(
      expect.arrayContaining(['cumulative', 'mean', 'min', 'weighted-mean']),
    );
    expect(scales.size).toBeGreaterThanOrEqual(3);
  });

  it('never reuses an item id of another shipped questionnaire', () => {
    const seen = new Map<string, string>();
    for (const name of files) {
      for (const id of buildModel(load(name).questionnaire).questions.keys()) {
        expect(seen.get(id), `${id} in ${name}`).toBeUndefined();
        seen.set(id, name);
      }
    }
  });

  it('says on both sides which items several questionnaires assess, and every link resolves', () => {
    const all = files.map((name) => load(name).questionnaire);
    expect(checkCrossReferences(all)).toEqual([]);
    const declared = new Set<string>();
    for (const questionnaire of all)
      for (const { question } of placedQuestions(questionnaire))
        for (const link of question.alsoIn ?? [])
          declared.add(`${questionnaire.id}/${question.id} → ${link.questionnaire}/${link.question}`);
    for (const pair of declared) {
      const [from, to] = pair.split(' → ');
      expect(declared, `${to} names ${from} back`).toContain(`${to} → ${from}`);
    }
    // Each companion deepens part of rm-core.
    for (const companion of ['pca', 'data-intelligence', 'capacity-building'])
      expect(
        [...declared].some((pair) => pair.startsWith(`${companion}/`) && pair.includes('→ rm-core/')),
      ).toBe(true);
  });
});
