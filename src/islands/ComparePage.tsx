import { useStore } from '@nanostores/preact';
import { useEffect, useMemo, useState } from 'preact/hooks';

import type { Assessment } from '../domain/assessment.ts';
import { compareAssessments, groupFigures, positionIn } from '../domain/compare.ts';
import { topSections, type QuestionnaireModel } from '../domain/model.ts';
import { readRoadmapSettings } from '../domain/roadmap.ts';
import { scoreAssessment, type NodeScore } from '../domain/scoring.ts';
import { localize, type Text } from '../domain/text.ts';
import type { Messages } from '../i18n/en.ts';
import { $assessments } from '../stores/assessments.ts';
import { connectBrowserStorage } from '../stores/browser-storage.ts';
import { loadQuestionnaireModel } from '../stores/questionnaires.ts';
import { ChartCanvas } from './ChartCanvas.tsx';
import { numeric, TableHead } from './TableHead.tsx';
import { displayOf, fill, formatRange } from './format.ts';

type T = Messages['compare'];

interface Props {
  locale: string;
  t: T;
}

/** The models of the questionnaires in use, loaded as they are needed. */
function useModels(ids: readonly string[]): Record<string, QuestionnaireModel | undefined> {
  const [models, setModels] = useState<Record<string, QuestionnaireModel | undefined>>({});
  const key = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    for (const id of new Set(ids)) {
      if (id in models) continue;
      void loadQuestionnaireModel(id).then((model) => setModels((known) => ({ ...known, [id]: model })));
    }
  }, [key]);
  return models;
}

export function ComparePage({ locale, t }: Props) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    connectBrowserStorage();
    setReady(true);
  }, []);
  const all = useStore($assessments);
  const [loaded, setLoaded] = useState<Assessment[]>([]);
  const stored = useMemo(
    () =>
      Object.values(all)
        .filter(Boolean)
        .sort((a, b) => (a.title ?? '').localeCompare(b.title ?? '')),
    [all],
  );
  const models = useModels([...stored, ...loaded].map((assessment) => assessment.questionnaire.id));
  if (!ready) return <div class="compare" />;
  if (stored.length === 0 && loaded.length === 0)
    return (
      <div class="compare" data-ready="true">
        <p class="notice notice--info">{t.empty}</p>
        <p>
          <a class="button button--primary" href={`/${locale}/assessments/`}>
            {t.toList}
          </a>
        </p>
        <Regional t={t} locale={locale} stored={[]} loaded={loaded} setLoaded={setLoaded} models={models} />
      </div>
    );
  return (
    <div class="compare" data-ready="true">
      <FollowUp t={t} locale={locale} stored={stored} models={models} />
      <Regional t={t} locale={locale} stored={stored} loaded={loaded} setLoaded={setLoaded} models={models} />
    </div>
  );
}

const label = (assessment: Assessment) =>
  [assessment.title || assessment.id, assessment.administration].filter(Boolean).join(' · ');

function signed(value: number | null, locale: string): string {
  if (value === null) return '–';
  const rounded = Math.round(value * 10) / 10;
  const text = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    Math.abs(rounded),
  );
  return rounded > 0 ? `+${text}` : rounded < 0 ? `−${text}` : text;
}

function FollowUp({
  t,
  locale,
  stored,
  models,
}: {
  t: T;
  locale: string;
  stored: Assessment[];
  models: Record<string, QuestionnaireModel | undefined>;
}) {
  const [beforeId, setBeforeId] = useState<string>('');
  const [afterId, setAfterId] = useState<string>('');
  const before = stored.find((assessment) => assessment.id === beforeId);
  const after = stored.find((assessment) => assessment.id === afterId);
  const same = before && after && before.questionnaire.id === after.questionnaire.id;
  const model = same ? models[before.questionnaire.id] : undefined;
  const comparison = useMemo(
    () => (model && before && after ? compareAssessments(model, before, after) : undefined),
    [model, before, after],
  );
  const text = (value: Text | undefined) => (model ? localize(value, locale, model.sourceLocale) : '');
  const titleOf = (id: string) =>
    text(model?.sections.get(id)?.source.title) || text(model?.questions.get(id)?.source.prompt) || id;
  const areas = model ? topSections(model) : [];
  const show = (node: NodeScore | undefined) => (node && node.score !== null ? displayOf(node, locale) : '–');
  const deltaCell = (delta: number | null) => (
    <td
      class={`number delta${delta === null ? '' : delta > 1e-9 ? ' delta--up' : delta < -1e-9 ? ' delta--down' : ''}`}
      data-delta
    >
      {signed(delta, locale)}
    </td>
  );
  const plan = before ? readRoadmapSettings(before.roadmap) : undefined;
  const statuses = plan ? Object.values(plan.status) : [];
  const plannedOverall = plan?.baseline?.scores['overall']?.at(-1);

  return (
    <section class="compare__follow" aria-labelledby="follow-title">
      <h2 id="follow-title">{t.followTitle}</h2>
      <div class="field-row">
        {(
          [
            ['compare-before', t.baseline, beforeId, setBeforeId],
            ['compare-after', t.followUp, afterId, setAfterId],
          ] as const
        ).map(([id, name, value, set]) => (
          <div class="field" key={id}>
            <label for={id}>{name}</label>
            <select id={id} value={value} onChange={(event) => set(event.currentTarget.value)}>
              <option value="">{t.choose}</option>
              {stored.map((assessment) => (
                <option key={assessment.id} value={assessment.id}>
                  {label(assessment)}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      {before && after && !same && <p class="notice notice--warning">{t.sameQuestionnaire}</p>}
      {comparison && model && before && after && (
        <div data-comparison>
          {(['before', 'after'] as const).map((side) => {
            const migration = comparison.migrations[side];
            const source = side === 'before' ? before : after;
            if (!migration) return null;
            return (
              <div class="notice notice--info" key={side}>
                <p>
                  {fill(t.migrated, {
                    file: label(source),
                    from: source.questionnaire.version,
                    to: model.version,
                  })}
                </p>
                {migration.renamed.length > 0 && (
                  <p>
                    {fill(t.renamed, { items: migration.renamed.map(([a, b]) => `${a} → ${b}`).join(', ') })}
                  </p>
                )}
                {migration.dropped.length > 0 && (
                  <p>{fill(t.dropped, { items: migration.dropped.join(', ') })}</p>
                )}
              </div>
            );
          })}
          {comparison.newItems.length > 0 && (
            <p class="hint">{fill(t.newItems, { items: comparison.newItems.map(titleOf).join(' · ') })}</p>
          )}
          {areas.length >= 3 && (
            <ChartCanvas
              size="radar"
              label={t.radarLabel}
              spec={{
                kind: 'radar',
                labels: areas.map((area) => text(area.source.title)),
                current: areas.map((area) => comparison.after.nodes[area.id]?.score ?? null),
                target: areas.map((area) => comparison.before.nodes[area.id]?.score ?? null),
                min: model.root.scale.min,
                max: model.root.scale.max,
                currentLabel: t.followUp,
                targetLabel: t.baseline,
                locale,
              }}
            />
          )}
          <div class="table-wrap" tabIndex={0} role="group" aria-labelledby="follow-title">
            <table class="results-table" id="follow-table">
              <caption class="visually-hidden">{t.followTitle}</caption>
              <TableHead columns={[t.area, numeric(t.baseline), numeric(t.followUp), numeric(t.change)]} />
              <tbody>
                {comparison.nodes
                  .filter((node) => areas.some((area) => area.id === node.id))
                  .map((node) => (
                    <tr key={node.id} data-node={node.id}>
                      <th scope="row">{titleOf(node.id)}</th>
                      <td class="number">{show(node.before)}</td>
                      <td class="number">{show(node.after)}</td>
                      {deltaCell(node.delta)}
                    </tr>
                  ))}
                <tr data-node="overall" class="results-table__total">
                  <th scope="row">{t.overall}</th>
                  <td class="number">{show(comparison.overall.before)}</td>
                  <td class="number">{show(comparison.overall.after)}</td>
                  {deltaCell(comparison.overall.delta)}
                </tr>
              </tbody>
            </table>
          </div>
          {areas.map((area) => {
            const items = comparison.nodes.filter(
              (node) => model.questions.get(node.id)?.parent.id === area.id,
            );
            if (items.length === 0) return null;
            return (
              <details key={area.id} class="compare__items">
                <summary>{fill(t.itemsOf, { area: text(area.source.title) })}</summary>
                <table class="results-table">
                  <TableHead
                    columns={[t.item, numeric(t.baseline), numeric(t.followUp), numeric(t.change)]}
                  />
                  <tbody>
                    {items.map((node) => (
                      <tr key={node.id} data-node={node.id}>
                        <th scope="row">{titleOf(node.id)}</th>
                        <td class="number">{show(node.before)}</td>
                        <td class="number">{show(node.after)}</td>
                        {deltaCell(node.delta)}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            );
          })}
          {statuses.length > 0 && (
            <p>
              {fill(t.roadmapProgress, {
                done: statuses.filter((status) => status === 'done').length,
                total: statuses.filter((status) => status !== 'dropped').length,
              })}
            </p>
          )}
          {plannedOverall != null && comparison.overall.after?.score != null && (
            <p>
              {fill(t.plannedVsNow, {
                planned: formatRange(Math.round(plannedOverall * 10) / 10, locale),
                now: show(comparison.overall.after),
              })}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

function Regional({
  t,
  locale,
  stored,
  loaded,
  setLoaded,
  models,
}: {
  t: T;
  locale: string;
  stored: Assessment[];
  loaded: Assessment[];
  setLoaded: (next: Assessment[]) => void;
  models: Record<string, QuestionnaireModel | undefined>;
}) {
  const candidates = [...stored, ...loaded];
  const questionnaires = [...new Set(candidates.map((assessment) => assessment.questionnaire.id))];
  const [questionnaire, setQuestionnaire] = useState<string>('');
  const chosenQuestionnaire = questionnaire || questionnaires[0] || '';
  const pool = candidates.filter((assessment) => assessment.questionnaire.id === chosenQuestionnaire);
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const [hidden, setHidden] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const model = models[chosenQuestionnaire];
  const included = pool.filter((assessment) => !excluded.has(assessment.id ?? ''));
  const results = useMemo(
    () => (model ? included.map((assessment) => scoreAssessment(model, assessment)) : []),
    [model, included.map((assessment) => `${assessment.id}:${assessment.updated}`).join('|')],
  );
  const text = (value: Text | undefined) => (model ? localize(value, locale, model.sourceLocale) : '');
  const areas = model ? topSections(model) : [];
  const columns = [
    ...areas.map((area) => ({ id: area.id, name: text(area.source.title) })),
    { id: '', name: t.overall },
  ];
  const scoreOf = (index: number, id: string) =>
    (id ? results[index]?.nodes[id] : results[index]?.overall)?.score ?? null;
  const groups = columns.map((column) => groupFigures(results.map((_, index) => scoreOf(index, column.id))));
  const nameOf = (assessment: Assessment, index: number) =>
    hidden
      ? fill(t.anonymous, { letter: String.fromCharCode(65 + (index % 26)) })
      : assessment.administration || assessment.title || assessment.id || '';
  const number = (value: number) => formatRange(Math.round(value * 10) / 10, locale);

  const loadFiles = async (files: readonly File[]) => {
    const { parseAssessmentText } = await import('../domain/assessment-file.ts');
    const next = [...loaded];
    const found: string[] = [];
    for (const file of files) {
      const parsed = parseAssessmentText(await file.text(), file.name);
      if (!parsed.ok) {
        found.push(...parsed.problems);
        continue;
      }
      next.push({ ...parsed.assessment, id: parsed.assessment.id || `${file.name}-${next.length}` });
    }
    setProblems(found);
    setLoaded(next);
  };

  return (
    <section class="compare__regional" aria-labelledby="regional-title">
      <h2 id="regional-title">{t.regionalTitle}</h2>
      <p class="hint">{t.regionalLead}</p>
      <div class="compare__controls">
        {questionnaires.length > 1 && (
          <label>
            {t.questionnaire}{' '}
            <select
              value={chosenQuestionnaire}
              onChange={(event) => setQuestionnaire(event.currentTarget.value)}
            >
              {questionnaires.map((id) => (
                <option key={id} value={id}>
                  {models[id] ? localize(models[id]!.source.title, locale, models[id]!.sourceLocale) : id}
                </option>
              ))}
            </select>
          </label>
        )}
        <input
          id="regional-files"
          type="file"
          class="visually-hidden"
          accept=".json,application/json"
          multiple
          onChange={(event) => {
            const input = event.currentTarget;
            const files = [...(input.files ?? [])];
            input.value = '';
            void loadFiles(files);
          }}
        />
        <label for="regional-files" class="button button--secondary">
          {t.loadFiles}
        </label>
        <span class="hint">{t.loadedNote}</span>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={hidden}
            onChange={(event) => setHidden(event.currentTarget.checked)}
          />
          {t.hideNames}
        </label>
      </div>
      {problems.length > 0 && (
        <div class="notice notice--error" role="alert">
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      {pool.length > 0 && (
        <fieldset class="compare__pool">
          <legend>{t.include}</legend>
          {pool.map((assessment, index) => (
            <label class="checkbox" key={assessment.id}>
              <input
                type="checkbox"
                checked={!excluded.has(assessment.id ?? '')}
                onChange={(event) => {
                  const next = new Set(excluded);
                  if (event.currentTarget.checked) next.delete(assessment.id ?? '');
                  else next.add(assessment.id ?? '');
                  setExcluded(next);
                }}
              />
              {hidden ? nameOf(assessment, index) : label(assessment)}
            </label>
          ))}
        </fieldset>
      )}
      {model && included.length > 0 && (
        <div class="table-wrap" tabIndex={0} role="group" aria-labelledby="regional-title">
          <table class="results-table regional" id="regional-table">
            <caption class="visually-hidden">{t.regionalTitle}</caption>
            <TableHead columns={[t.administration, ...columns.map((column) => numeric(column.name))]} />
            <tbody>
              {included.map((assessment, row) => (
                <tr key={assessment.id} data-administration={row}>
                  <th scope="row">{nameOf(assessment, row)}</th>
                  {columns.map((column, col) => {
                    const score = scoreOf(row, column.id);
                    const node = column.id ? results[row]?.nodes[column.id] : results[row]?.overall;
                    const position = positionIn(score, groups[col]!);
                    const normalized = node?.normalized;
                    const shade =
                      normalized == null ? 'none' : String(Math.min(5, 1 + Math.floor(normalized * 4.999)));
                    return (
                      <td class={`number heat heat--${shade} regional__cell`} key={column.id || 'overall'}>
                        {node ? displayOf(node, locale) : '–'}
                        {position === 'high' && (
                          <span class="regional__mark" title={t.above}>
                            {' '}
                            ▲<span class="visually-hidden">{t.above}</span>
                          </span>
                        )}
                        {position === 'low' && (
                          <span class="regional__mark" title={t.below}>
                            {' '}
                            ▼<span class="visually-hidden">{t.below}</span>
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
            <tfoot>
              {(['q1', 'median', 'q3'] as const).map((figure) => (
                <tr key={figure} data-figure={figure}>
                  <th scope="row">{t[figure]}</th>
                  {groups.map((group, col) => (
                    <td class="number" key={col}>
                      {group ? number(group[figure]) : '–'}
                    </td>
                  ))}
                </tr>
              ))}
            </tfoot>
          </table>
        </div>
      )}
      {model && included.length > 0 && included.length < 3 && <p class="hint">{t.tooFew}</p>}
    </section>
  );
}
