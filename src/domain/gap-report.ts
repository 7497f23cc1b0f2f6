/**
 * The gap report: what stands below its target, ranked by how much closing it
 * would move the overall result; what already meets its target; what lacks
 * evidence. Built from a score result, so it always agrees with the scores.
 */
import { EPSILON } from './ids.ts';
import { areaOf, topSections, type QuestionnaireModel, type SectionModel } from './model.ts';
import type { NodeScore, ScoreResult } from './scoring.ts';

export interface ItemFinding {
  readonly id: string;
  /** The top-level section the item belongs to (the questionnaire's id when it has none). */
  readonly area: string;
  readonly score: number;
  readonly display: string;
  readonly min: number;
  readonly max: number;
  readonly target: number | null;
  readonly gap: number | null;
  /** The item's share of the overall score: its weight among its siblings, times its section's share, up to the root. */
  readonly effectiveWeight: number;
  /** Gap as a share of the item's range, times its effective weight (0 when there is no gap). */
  readonly priority: number;
  readonly insufficient: boolean;
}

export interface AreaFinding {
  readonly id: string;
  readonly node: NodeScore;
  readonly provisional: boolean;
  readonly gaps: readonly ItemFinding[];
}

export interface GapReport {
  readonly overall: NodeScore;
  readonly provisional: boolean;
  /** Every scored item below its target, highest priority first. */
  readonly gaps: readonly ItemFinding[];
  /** Top-level sections in questionnaire order, each with its gaps in priority order. */
  readonly areas: readonly AreaFinding[];
  /** Scored items at or above their target, in questionnaire order. */
  readonly strengths: readonly ItemFinding[];
  /** Answered items marked "insufficient evidence", in questionnaire order. */
  readonly insufficient: readonly ItemFinding[];
  /** Visible scored items without a score (unanswered or N/A). */
  readonly unscored: readonly string[];
}

/** A score based on fewer than half of its items is provisional. */
export function isProvisional(node: NodeScore): boolean {
  return node.kind !== 'question' && node.score !== null && node.answered * 2 < node.total;
}

/** Weight shares of every visible node, from the root down (SPEC §4.5 weights, renormalized over visible children). */
export function effectiveWeights(model: QuestionnaireModel, result: ScoreResult): Map<string, number> {
  const shares = new Map<string, number>();
  const visit = (section: SectionModel, share: number) => {
    const present = section.children.filter((child) => {
      const node = result.nodes[child.id];
      return node !== undefined && node.total > 0;
    });
    const total = present.reduce((sum, child) => sum + child.weight, 0);
    for (const child of present) {
      const childShare = total > 0 ? (share * child.weight) / total : 0;
      shares.set(child.id, childShare);
      if (child.kind === 'section') visit(child, childShare);
    }
  };
  visit(model.root, 1);
  return shares;
}

export function buildGapReport(model: QuestionnaireModel, result: ScoreResult): GapReport {
  const weights = effectiveWeights(model, result);
  const findings: ItemFinding[] = [];
  const unscored: string[] = [];
  for (const question of model.questions.values()) {
    const node = result.nodes[question.id];
    if (!node || node.kind !== 'question') continue;
    if (node.score === null) {
      unscored.push(question.id);
      continue;
    }
    const effectiveWeight = weights.get(question.id) ?? 0;
    const width = node.max - node.min;
    const gap = node.gap !== null && node.gap > EPSILON ? node.gap : node.gap === null ? null : 0;
    findings.push({
      id: question.id,
      area: areaOf(question, model),
      score: node.score,
      display: node.display ?? '',
      min: node.min,
      max: node.max,
      target: node.target,
      gap,
      effectiveWeight,
      priority: gap && width > 0 ? (gap / width) * effectiveWeight : 0,
      insufficient: node.insufficient > 0,
    });
  }
  const order = new Map(findings.map((finding, index) => [finding.id, index]));
  const gaps = findings
    .filter((finding) => finding.gap !== null && finding.gap > 0)
    .sort((a, b) =>
      Math.abs(a.priority - b.priority) >= EPSILON
        ? b.priority - a.priority
        : order.get(a.id)! - order.get(b.id)!,
    );
  const areaIds = topSections(model).map((section) => section.id);
  const areas = areaIds
    .map((id) => result.nodes[id])
    .filter((node): node is NodeScore => node !== undefined)
    .map((node) => ({
      id: node.id,
      node,
      provisional: isProvisional(node),
      gaps: gaps.filter((gap) => gap.area === node.id),
    }));
  return {
    overall: result.overall,
    provisional: isProvisional(result.overall),
    gaps,
    areas,
    strengths: findings.filter((finding) => finding.target !== null && finding.gap === 0),
    insufficient: findings.filter((finding) => finding.insufficient),
    unscored,
  };
}

/** The gap report as `report --format json` prints it, beside the score result. */
export function gapReportJson(report: GapReport) {
  const item = (finding: ItemFinding) => ({
    id: finding.id,
    area: finding.area,
    score: tidy(finding.score),
    display: finding.display,
    target: finding.target === null ? null : tidy(finding.target),
    gap: finding.gap === null ? null : tidy(finding.gap),
    effectiveWeight: tidy(finding.effectiveWeight),
    priority: tidy(finding.priority),
    insufficient: finding.insufficient,
  });
  return {
    provisional: report.provisional,
    gaps: report.gaps.map(item),
    strengths: report.strengths.map((finding) => finding.id),
    insufficient: report.insufficient.map((finding) => finding.id),
    unscored: report.unscored,
  };
}

const tidy = (value: number) => Number(value.toPrecision(12));
