import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { Assessment } from '../../src/domain/assessment.ts';
import { buildModel, type SectionModel } from '../../src/domain/model.ts';
import type { Questionnaire } from '../../src/domain/questionnaire-schema.ts';
import { scoreAssessment, type ScoreResult } from '../../src/domain/scoring.ts';
import { allQuestions, prng, randomAssessment, randomQuestionnaire, type Random } from './random-model.ts';

const RUNS = { numRuns: 150 };
const EPS = 1e-9;
const score = (q: Questionnaire, a: Assessment) => scoreAssessment(buildModel(q), a);
const everyNode = (result: ScoreResult) => [result.overall, ...Object.values(result.nodes)];

/** Every node of `before` has the same score and display in `after` (and the same counts, if asked). */
function expectSameScores(before: ScoreResult, after: ScoreResult, options: { counts: boolean }) {
  for (const [id, node] of Object.entries(before.nodes)) {
    const other = after.nodes[id]!;
    if (node.score === null) expect(other.score).toBeNull();
    else expect(other.score).toBeCloseTo(node.score, 9);
    expect(other.display).toBe(node.display);
    if (options.counts)
      expect([other.answered, other.total, other.insufficient]).toEqual([
        node.answered,
        node.total,
        node.insufficient,
      ]);
  }
  expect(after.overall.display).toBe(before.overall.display);
}

function shuffled<T>(random: Random, list: readonly T[]): T[] {
  const copy = [...list];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

function shuffleTree<T extends { sections?: unknown[] | undefined; questions?: unknown[] | undefined }>(
  random: Random,
  node: T,
): T {
  return {
    ...node,
    sections:
      node.sections && shuffled(random, node.sections).map((child) => shuffleTree(random, child as T)),
    questions: node.questions && shuffled(random, node.questions),
  };
}

describe('SPEC §4.5 properties of every method', () => {
  it('keeps every score within its range and normalized within [0, 1] (§4.5, §4)', () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const random = prng(seed);
        const q = randomQuestionnaire(random);
        for (const node of everyNode(score(q, randomAssessment(random, q)))) {
          if (node.score === null) {
            expect(node.normalized).toBeNull();
            continue;
          }
          expect(node.score).toBeGreaterThanOrEqual(node.min - EPS);
          expect(node.score).toBeLessThanOrEqual(node.max + EPS);
          expect(node.normalized!).toBeGreaterThanOrEqual(0);
          expect(node.normalized!).toBeLessThanOrEqual(1);
          expect(node.answered).toBeLessThanOrEqual(node.total);
          expect(node.insufficient).toBeLessThanOrEqual(node.answered);
          if (node.gap !== null) expect(node.gap).toBeGreaterThanOrEqual(0);
        }
      }),
      RUNS,
    );
  });

  it('does not depend on the order of children or of answers (§4.5)', () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const random = prng(seed);
        const q = randomQuestionnaire(random);
        const a = randomAssessment(random, q);
        const reordered = shuffleTree(random, q);
        const before = score(q, a);
        const after = score(reordered, { ...a, answers: shuffled(random, a.answers) });
        expectSameScores(before, after, { counts: true });
      }),
      RUNS,
    );
  });

  it('changes no score when an N/A item is added under na: exclude (§4.2, §4.5)', () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const random = prng(seed);
        const q = { ...randomQuestionnaire(random), na: 'exclude' as const };
        const a = randomAssessment(random, q);
        const before = score(q, a);
        // Add one N/A-only item to a random section.
        const sections: { questions?: unknown[]; scoring?: { method?: string }; scale?: string }[] = [];
        const collect = (list: unknown[] | undefined) => {
          for (const section of (list ?? []) as { sections?: unknown[] }[]) {
            sections.push(section as never);
            collect(section.sections);
          }
        };
        const copy = JSON.parse(JSON.stringify(q)) as Questionnaire;
        collect(copy.sections);
        const target = sections[Math.floor(random() * sections.length)]!;
        const cumulative = target.scoring?.method === 'cumulative';
        target.questions = [
          ...(target.questions ?? []),
          {
            id: 'extra-na',
            type: 'boolean',
            prompt: 'N/A item',
            ...(cumulative ? { level: target.scale === 'four' ? 0 : 1 } : {}),
          },
        ];
        const after = score(copy, {
          ...a,
          answers: [...a.answers, { question: 'extra-na', respondent: 'r1', na: true }],
        });
        expectSameScores(before, after, { counts: false });
      }),
      RUNS,
    );
  });

  it('never lowers an ancestor when one answer is raised (§4.5 monotonicity, every method and rounding)', () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const random = prng(seed);
        const q = randomQuestionnaire(random);
        const a = randomAssessment(random, q);
        const model = buildModel(q);
        const withValue = a.answers.filter((answer) => answer.value !== undefined && !answer.na);
        if (withValue.length === 0) return;
        const chosen = withValue[Math.floor(random() * withValue.length)]!;
        const question = model.questions.get(chosen.question)!;
        const itemScore = (value: unknown): number => {
          switch (question.type) {
            case 'level':
              return value as number;
            case 'choice':
              return question.optionScores.get(value as string)!;
            case 'multi':
              return Math.min(
                question.max,
                Math.max(
                  0,
                  (value as string[]).reduce((sum, id) => sum + question.optionScores.get(id)!, 0),
                ),
              );
            default:
              return value ? question.booleanScores.true : question.booleanScores.false;
          }
        };
        const info = allQuestions(q).find((candidate) => candidate.id === chosen.question)!;
        const candidates: unknown[] = [];
        if (question.type === 'level') candidates.push(...(question.scale?.values ?? []));
        else if (question.type === 'choice') candidates.push(...question.optionScores.keys());
        else if (question.type === 'boolean') candidates.push(true, false);
        else
          candidates.push(
            [],
            ...info.options!.map((option) => [option.id]),
            info.options!.map((option) => option.id),
          );
        const higher = candidates.filter((value) => itemScore(value) > itemScore(chosen.value) + EPS);
        if (higher.length === 0) return;
        const raised = higher[Math.floor(random() * higher.length)];
        const before = score(q, a);
        const after = score(q, {
          ...a,
          answers: a.answers.map((answer) =>
            answer === chosen ? { ...answer, value: raised as never } : answer,
          ),
        });
        let ancestor: SectionModel | undefined = question.parent;
        while (ancestor) {
          const id = ancestor.isRoot ? q.id : ancestor.id;
          const was = ancestor.isRoot ? before.overall : before.nodes[id]!;
          const now = ancestor.isRoot ? after.overall : after.nodes[id]!;
          if (was.score !== null) expect(now.score!).toBeGreaterThanOrEqual(was.score - EPS);
          ancestor = ancestor.parent;
        }
      }),
      { numRuns: 300 },
    );
  });
});
