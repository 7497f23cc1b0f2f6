import type { APIRoute, GetStaticPaths } from 'astro';

import { loadCatalogue } from '../../../components/catalogue.ts';
import type { Questionnaire } from '../../../domain/questionnaire-schema.ts';

/** Each questionnaire as JSON, fetched by the pages that answer and score it. */
export const getStaticPaths = (async () =>
  (await loadCatalogue()).map(({ questionnaire }) => ({
    params: { id: questionnaire.id },
    props: { questionnaire },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ questionnaire: Questionnaire }> = ({ props }) =>
  new Response(JSON.stringify(props.questionnaire), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
