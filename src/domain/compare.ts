/**
 * Comparisons: a follow-up against its baseline, and several administrations
 * side by side. Both start from score results of one questionnaire version.
 */
import type { Assessment } from './assessment.ts';
import { migrateAssessment, type Migration } from './merge.ts';
import type { QuestionnaireModel } from './model.ts';
import { scoreAssessment, type NodeScore, type ScoreResult } from './scoring.ts';

export interface Delta {
  readonly id: string;
  readonly before: NodeScore | undefined;
  readonly after: NodeScore | undefined;
  /** After minus before; null unless both have a score. */
  readonly delta: number | null;
}

export interface Comparison {
  readonly before: ScoreResult;
  readonly after: ScoreResult;
  readonly overall: Delta;
  /** Every section and visible scored question of either, in questionnaire order. */
  readonly nodes: readonly Delta[];
  /** How each file was brought to the questionnaire's version, when it was of another one. */
  readonly migrations: { readonly before?: Migration | undefined; readonly after?: Migration | undefined };
  /** Scored items that the follow-up answers and the baseline never did (new, or skipped then). */
  readonly newItems: readonly string[];
}

const deltaOf = (id: string, before: NodeScore | undefined, after: NodeScore | undefined): Delta => ({
  id,
  before,
  after,
  delta: before?.score != null && after?.score != null ? after.score - before.score : null,
});

/** Brings a file to the model's version, leaving the original as it was. */
function atVersion(model: QuestionnaireModel, assessment: Assessment) {
  if (assessment.questionnaire.version === model.version) return { assessment, migration: undefined };
  const migration = migrateAssessment(model, assessment);
  return { assessment: migration.assessment, migration };
}

export function compareAssessments(
  model: QuestionnaireModel,
  baseline: Assessment,
  followUp: Assessment,
): Comparison {
  const before = atVersion(model, baseline);
  const after = atVersion(model, followUp);
  const beforeResult = scoreAssessment(model, before.assessment);
  const afterResult = scoreAssessment(model, after.assessment);
  const ids = [...model.sections.keys(), ...model.questions.keys()].filter(
    (id) => beforeResult.nodes[id] || afterResult.nodes[id],
  );
  const order = new Map([...model.questions.keys()].map((id, index) => [id, index]));
  const answeredBefore = new Set(before.assessment.answers.map((answer) => answer.question));
  return {
    before: beforeResult,
    after: afterResult,
    overall: deltaOf('overall', beforeResult.overall, afterResult.overall),
    nodes: ids.map((id) => deltaOf(id, beforeResult.nodes[id], afterResult.nodes[id])),
    migrations: { before: before.migration, after: after.migration },
    newItems: [...model.questions.keys()]
      .filter((id) => afterResult.nodes[id]?.score != null && !answeredBefore.has(id))
      .sort((a, b) => order.get(a)! - order.get(b)!),
  };
}

/** Quantile by linear interpolation between order statistics (the usual spreadsheet method). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

export interface GroupFigures {
  readonly count: number;
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
}

/** No group figure rests on fewer than three administrations, so none can be singled out. */
export const MIN_GROUP = 3;

/** Median and quartiles of the scores that exist; null below the minimum group size. */
export function groupFigures(scores: readonly (number | null | undefined)[]): GroupFigures | null {
  const values = scores.filter((score): score is number => typeof score === 'number').sort((a, b) => a - b);
  if (values.length < MIN_GROUP) return null;
  return {
    count: values.length,
    median: quantile(values, 0.5),
    q1: quantile(values, 0.25),
    q3: quantile(values, 0.75),
  };
}

/** Where a score stands in the group: below the first quartile, in the middle half, or above the third. */
export function positionIn(
  score: number | null,
  group: GroupFigures | null,
): 'low' | 'middle' | 'high' | null {
  if (score === null || group === null) return null;
  if (score < group.q1 - 1e-9) return 'low';
  if (score > group.q3 + 1e-9) return 'high';
  return 'middle';
}
