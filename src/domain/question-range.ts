/** Item ranges, kept apart from the schema so the browser can score without it. */
import type { Question, Scale } from './questionnaire-schema.ts';

/** The range of a scored question (SPEC §2), or undefined for `number` and `text`. */
export function questionRange(
  question: Question,
  scales: Record<string, Scale>,
  sectionScale: string,
): { min: number; max: number } | undefined {
  switch (question.type) {
    case 'level': {
      const scale = scales[question.scale ?? sectionScale];
      if (!scale || scale.levels.length === 0) return undefined;
      const values = scale.levels.map((level) => level.value);
      return { min: Math.min(...values), max: Math.max(...values) };
    }
    case 'choice': {
      const scores = (question.options ?? []).map((option) => option.score);
      if (scores.length === 0) return undefined;
      return { min: Math.min(...scores), max: Math.max(...scores) };
    }
    case 'multi': {
      const positive = (question.options ?? []).reduce((sum, o) => sum + Math.max(0, o.score), 0);
      return { min: 0, max: positive };
    }
    case 'boolean': {
      const yes = question.score?.true ?? 1;
      const no = question.score?.false ?? 0;
      return { min: Math.min(yes, no), max: Math.max(yes, no) };
    }
    default:
      return undefined;
  }
}
