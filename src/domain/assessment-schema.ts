/** The shape of an assessment file (SPEC §3), checked with zod. */
// zod/mini: the same checks as zod, a fraction of the weight in the pages that answer.
import * as z from 'zod/mini';

import { CONSOLIDATIONS } from './assessment.ts';

const answerValueSchema = z.union([z.number(), z.string(), z.boolean(), z.array(z.string()), z.null()]);

const answerSchema = z.looseObject({
  question: z.string(),
  respondent: z.string(),
  value: z.optional(answerValueSchema),
  na: z.optional(z.boolean()),
  insufficient: z.optional(z.boolean()),
  note: z.optional(z.string()),
  evidence: z.optional(z.array(z.string())),
  updated: z.optional(z.string()),
});

const consensusSchema = z.looseObject({
  question: z.string(),
  value: z.optional(answerValueSchema),
  na: z.optional(z.boolean()),
  insufficient: z.optional(z.boolean()),
  reason: z.optional(z.string()),
  by: z.optional(z.string()),
  updated: z.optional(z.string()),
});

const respondentSchema = z.looseObject({
  id: z.string().check(z.minLength(1, 'a respondent needs an id')),
  name: z.optional(z.string()),
  role: z.optional(z.string()),
  unit: z.optional(z.string()),
});

export const assessmentSchema = z.looseObject({
  format: z.literal('cairn.assessment', 'must be "cairn.assessment"'),
  formatVersion: z.literal(1, 'must be 1'),
  id: z.optional(z.string()),
  title: z.optional(z.string()),
  administration: z.optional(z.string()),
  questionnaire: z.looseObject({ id: z.string(), version: z.string() }),
  created: z.optional(z.string()),
  updated: z.optional(z.string()),
  consolidation: z.optional(z.enum(CONSOLIDATIONS, `must be one of ${CONSOLIDATIONS.join(', ')}`)),
  respondents: z._default(z.array(respondentSchema), []),
  answers: z._default(z.array(answerSchema), []),
  consensus: z._default(z.array(consensusSchema), []),
  targets: z._default(z.record(z.string(), z.nullable(z.number())), {}),
  roadmap: z.optional(z.unknown()),
});

/** One line for a schema issue: what was expected where zod's own words are vague. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? `missing (expected ${issue.expected})`
        : `expected ${issue.expected}, not ${kindOf(issue.input)}`;
    case 'invalid_union':
      return `expected a number, text, true/false or list of option ids, not ${kindOf(issue.input)}`;
    default:
      return issue.message;
  }
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

export type Assessment = z.infer<typeof assessmentSchema>;
export type AnswerEntry = z.infer<typeof answerSchema>;
export type ConsensusEntry = z.infer<typeof consensusSchema>;
export type AnswerValue = z.infer<typeof answerValueSchema>;
