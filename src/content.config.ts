import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

import { questionnaireSchema } from './domain/questionnaire-schema.ts';

// The same schema as `cairn validate`: a questionnaire that fails it fails the build.
const questionnaires = defineCollection({
  loader: glob({ pattern: '*.{yaml,yml}', base: './questionnaires' }),
  schema: questionnaireSchema,
});

export const collections = { questionnaires };
