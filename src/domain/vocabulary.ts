/** The words of the questionnaire format (SPEC §2), apart from the schema so pages can use them without it. */
export const METHODS = ['mean', 'weighted-mean', 'median', 'min', 'sum', 'cumulative'] as const;
export const ROUNDINGS = ['none', 'floor', 'half-down', 'half-up', 'nearest'] as const;
export const QUESTION_TYPES = ['level', 'choice', 'multi', 'boolean', 'number', 'text'] as const;
export const ACTION_KINDS = [
  'legislation',
  'organisation',
  'process',
  'people',
  'technology',
  'partnership',
] as const;
