import { useMemo, useState } from 'preact/hooks';

import type { Assessment } from '../domain/assessment.ts';
import { assessmentFileName } from '../domain/assessment-export.ts';
import { topSections, type QuestionnaireModel } from '../domain/model.ts';
import type { ActionKind } from '../domain/questionnaire-schema.ts';
import { ACTION_KINDS } from '../domain/vocabulary.ts';
import {
  ACTION_STATUSES,
  buildRoadmap,
  DEFAULT_PHASES,
  readRoadmapSettings,
  recordBaseline,
  roadmapJson,
  type ActionStatus,
  type PlannedAction,
  type PlanWarning,
  type Roadmap,
  type RoadmapSettings,
} from '../domain/roadmap.ts';
import { scoreAssessment, type ScoreResult } from '../domain/scoring.ts';
import { localize, type Text } from '../domain/text.ts';
import type { Messages } from '../i18n/en.ts';
import { flush, updateAssessment } from '../stores/assessments.ts';
import { AssessmentGate } from './AssessmentGate.tsx';
import { ChartCanvas } from './ChartCanvas.tsx';
import { numeric, TableHead } from './TableHead.tsx';
import { displayOf, downloadText, fill, formatDateTime, formatRange } from './format.ts';

type T = Messages['roadmap'];

interface Props {
  locale: string;
  t: T;
  labels: Messages['reportLabels'];
}

export function RoadmapPage({ locale, t, labels }: Props) {
  return (
    <AssessmentGate locale={locale} t={t} frame="roadmap">
      {(assessment, model) => (
        <RoadmapView locale={locale} t={t} labels={labels} assessment={assessment} model={model} />
      )}
    </AssessmentGate>
  );
}

interface ViewProps extends Props {
  assessment: Assessment;
  model: QuestionnaireModel;
}

function RoadmapView({ locale, t, labels, assessment, model }: ViewProps) {
  const id = assessment.id!;
  const text = (value: Text | undefined) => localize(value, locale, model.sourceLocale);
  const sourceText = (value: Text | undefined) => localize(value, model.sourceLocale, model.sourceLocale);
  const result = useMemo(() => scoreAssessment(model, assessment), [model, assessment]);
  const settings = useMemo(() => readRoadmapSettings(assessment.roadmap), [assessment.roadmap]);
  const roadmap = useMemo(
    () => buildRoadmap(model, assessment, result, settings),
    [model, assessment, result, settings],
  );
  const [view, setView] = useState<'list' | 'timeline'>('list');
  const number = (value: number) => formatRange(value, locale);
  const phaseName = (index: number | null) =>
    index === null ? t.beyondTitle : fill(t.phase, { n: index + 1 });
  const itemTitle = (questionId: string) =>
    text(model.questions.get(questionId)?.source.prompt) || questionId;

  const save = (change: (current: RoadmapSettings) => Partial<RoadmapSettings>) =>
    updateAssessment(id, (latest) => {
      const current = readRoadmapSettings(latest.roadmap);
      const previous = latest.roadmap && typeof latest.roadmap === 'object' ? (latest.roadmap as object) : {};
      return {
        ...latest,
        roadmap: { ...previous, ...current, ...change(current) },
        updated: new Date().toISOString(),
      };
    });

  const base = assessmentFileName(assessment).replace(/\.cairn\.json$/, '');
  const exportAs = async (format: 'docx' | 'xlsx' | 'json') => {
    flush();
    if (!roadmap.ok) return;
    if (format === 'json') {
      downloadText(
        `${base}-roadmap.json`,
        `${JSON.stringify({ roadmap: roadmapJson(roadmap, sourceText) }, null, 2)}\n`,
      );
      return;
    }
    const { planExport } = await import('./plan-export.ts');
    const file = await planExport(format, { model, assessment, result, roadmap, locale, labels, t });
    downloadText(`${base}-roadmap.${format}`, file.bytes, file.type);
  };

  const titleOf = (action: PlannedAction | undefined) => (action ? text(action.title) : '');
  const byId = roadmap.ok ? new Map(roadmap.actions.map((action) => [action.id, action])) : new Map();

  const reasonOf = (action: PlannedAction): string => {
    const { placement } = action;
    const parts: string[] = [];
    if (placement.kind === 'dropped') return t.reasons.dropped;
    if (placement.kind === 'manual') parts.push(t.reasons.manual);
    if (placement.waitedFor)
      parts.push(
        fill(t.reasons.waited, {
          action: titleOf(byId.get(placement.waitedFor.action)),
          phase: phaseName(placement.waitedFor.phase),
        }),
      );
    if (placement.fullPhases.length)
      parts.push(
        fill(t.reasons.full, { phases: placement.fullPhases.map((index) => phaseName(index)).join(', ') }),
      );
    if (placement.oversized) parts.push(t.reasons.oversized);
    if (placement.kind === 'beyond') parts.push(t.reasons.beyond);
    if (parts.length === 0) parts.push(t.reasons.earliest);
    if (action.neededBy.length)
      parts.push(
        fill(t.reasons.neededBy, {
          actions: action.neededBy.map((other) => titleOf(byId.get(other))).join(', '),
        }),
      );
    return parts.join('; ');
  };

  const warningText = (warning: PlanWarning) => {
    if (warning.kind === 'over-capacity')
      return fill(t.warnings.overCapacity, {
        phase: phaseName(warning.phase),
        used: number(warning.used),
        capacity: number(warning.capacity),
      });
    const template =
      warning.kind === 'dependency-later' ? t.warnings.dependencyLater : t.warnings.dependencyDropped;
    return fill(template, { action: titleOf(byId.get(warning.action)), on: titleOf(byId.get(warning.on)) });
  };

  return (
    <div class="roadmap" data-roadmap-ready="true" data-assessment={id}>
      <header class="results__cover roadmap__head">
        <p class="eyebrow">
          {t.title} · {text(model.source.title)} · {model.version}
        </p>
        <h1>{assessment.title || t.title}</h1>
        <p class="lead">{t.lead}</p>
        <div class="results__actions">
          <a class="button button--secondary" href={`/${locale}/assess/#${encodeURIComponent(id)}`}>
            {t.answer}
          </a>
          <a class="button button--secondary" href={`/${locale}/results/#${encodeURIComponent(id)}`}>
            {t.results}
          </a>
          {roadmap.ok && (
            <div class="results__exports" role="group" aria-label={t.exportsLabel}>
              <span class="results__exports-label">{t.exportsLabel}</span>
              <button type="button" class="button button--secondary" onClick={() => void exportAs('docx')}>
                {t.exportDocx}
              </button>
              <button type="button" class="button button--secondary" onClick={() => void exportAs('xlsx')}>
                {t.exportXlsx}
              </button>
              <button type="button" class="button button--secondary" onClick={() => void exportAs('json')}>
                {t.exportJson}
              </button>
            </div>
          )}
        </div>
      </header>

      <Settings t={t} settings={settings} save={save} locale={locale} />

      {!roadmap.ok ? (
        <p class="notice notice--error" role="alert">
          {fill(t.cycle, { cycle: roadmap.cycle.join(' → ') })}
        </p>
      ) : (
        <>
          <PlanSummary t={t} roadmap={roadmap} itemTitle={itemTitle} locale={locale} />
          {roadmap.warnings.length > 0 && (
            <div class="notice notice--warning" role="status" data-warnings>
              <ul>
                {roadmap.warnings.map((warning) => (
                  <li key={JSON.stringify(warning)}>{warningText(warning)}</li>
                ))}
              </ul>
            </div>
          )}
          {roadmap.actions.length > 0 && (
            <div class="view-switch" role="group" aria-label={t.viewLabel}>
              {(['list', 'timeline'] as const).map((option) => (
                <button
                  key={option}
                  type="button"
                  class={`button ${view === option ? 'button--primary' : 'button--secondary'}`}
                  aria-pressed={view === option}
                  onClick={() => setView(option)}
                >
                  {option === 'list' ? t.list : t.timeline}
                </button>
              ))}
            </div>
          )}
          {view === 'timeline' ? (
            <Timeline t={t} roadmap={roadmap} text={text} phaseName={phaseName} />
          ) : (
            <PlanList
              t={t}
              roadmap={roadmap}
              settings={settings}
              save={save}
              text={text}
              itemTitle={itemTitle}
              phaseName={phaseName}
              reasonOf={reasonOf}
              locale={locale}
            />
          )}
          <Projection
            t={t}
            roadmap={roadmap}
            model={model}
            result={result}
            text={text}
            phaseName={phaseName}
            locale={locale}
          />
          <BaselineProgress
            t={t}
            roadmap={roadmap}
            model={model}
            result={result}
            settings={settings}
            save={save}
            text={text}
            phaseName={phaseName}
            locale={locale}
          />
        </>
      )}
      <AddAction t={t} model={model} text={text} settings={settings} save={save} />
    </div>
  );
}

function Settings({
  t,
  settings,
  save,
  locale,
}: {
  t: T;
  settings: RoadmapSettings;
  save: (change: (current: RoadmapSettings) => Partial<RoadmapSettings>) => void;
  locale: string;
}) {
  const setEnd = (index: number, value: number) =>
    save((current) => {
      const phases = current.phases.map((phase) => ({ ...phase }));
      if (!Number.isFinite(value) || value <= phases[index]!.start) return {};
      phases[index]!.end = value;
      // Each phase starts where the one before ends.
      for (let next = index + 1; next < phases.length; next += 1) {
        const length = phases[next]!.end - phases[next]!.start;
        phases[next]!.start = phases[next - 1]!.end;
        phases[next]!.end = phases[next]!.start + Math.max(1, length);
      }
      return { phases };
    });
  return (
    <section class="card roadmap__settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{t.settingsTitle}</h2>
      <div class="roadmap__settings-grid">
        <div class="field">
          <label for="capacity">{t.capacity}</label>
          <input
            id="capacity"
            type="number"
            min="0.5"
            step="0.5"
            value={settings.capacity}
            onChange={(event) => {
              const value = Number(event.currentTarget.value);
              if (Number.isFinite(value) && value > 0) save(() => ({ capacity: value }));
            }}
          />
        </div>
        {settings.phases.map((phase, index) => (
          <div class="field" key={index}>
            <label for={`phase-end-${index}`}>{fill(t.phaseEnd, { n: index + 1 })}</label>
            <input
              id={`phase-end-${index}`}
              type="number"
              min={phase.start + 1}
              step="1"
              value={phase.end}
              aria-describedby={`phase-start-${index}`}
              onChange={(event) => setEnd(index, Number(event.currentTarget.value))}
            />
            <span class="hint" id={`phase-start-${index}`}>
              {fill(t.phaseMonths, {
                start: formatRange(phase.start, locale),
                end: formatRange(phase.end, locale),
              })}
            </span>
          </div>
        ))}
      </div>
      <div class="form-actions">
        <button
          type="button"
          class="button button--secondary"
          onClick={() =>
            save((current) => {
              const last = current.phases.at(-1)!;
              return { phases: [...current.phases, { start: last.end, end: last.end + 12 }] };
            })
          }
        >
          {t.addPhase}
        </button>
        {settings.phases.length > 1 && (
          <button
            type="button"
            class="button button--secondary"
            onClick={() => save((current) => ({ phases: current.phases.slice(0, -1) }))}
          >
            {t.removePhase}
          </button>
        )}
        <button
          type="button"
          class="button button--quiet"
          onClick={() => save(() => ({ phases: DEFAULT_PHASES }))}
        >
          {t.resetPhases}
        </button>
      </div>
    </section>
  );
}

function PlanSummary({
  t,
  roadmap,
  itemTitle,
  locale,
}: {
  t: T;
  roadmap: Extract<Roadmap, { ok: true }>;
  itemTitle: (id: string) => string;
  locale: string;
}) {
  const active = roadmap.actions.filter((action) => action.status !== 'dropped');
  const effort = active.reduce((sum, action) => sum + action.effort, 0);
  const months = Math.max(0, ...active.map((action) => action.end ?? 0));
  return (
    <div class="roadmap__summary">
      {roadmap.actions.length === 0 ? (
        <p>{t.nothing}</p>
      ) : (
        <p class="roadmap__totals">
          {fill(t.summary, {
            n: active.length,
            effort: formatRange(effort, locale),
            months: formatRange(months, locale),
          })}
        </p>
      )}
      {roadmap.unassessed.length > 0 && (
        <p class="hint">{fill(t.unassessed, { items: roadmap.unassessed.map(itemTitle).join(' · ') })}</p>
      )}
      {roadmap.uncovered.length > 0 && (
        <p class="hint">{fill(t.uncovered, { items: roadmap.uncovered.map(itemTitle).join(' · ') })}</p>
      )}
    </div>
  );
}

function PlanList({
  t,
  roadmap,
  settings,
  save,
  text,
  itemTitle,
  phaseName,
  reasonOf,
  locale,
}: {
  t: T;
  roadmap: Extract<Roadmap, { ok: true }>;
  settings: RoadmapSettings;
  save: (change: (current: RoadmapSettings) => Partial<RoadmapSettings>) => void;
  text: (value: Text | undefined) => string;
  itemTitle: (id: string) => string;
  phaseName: (index: number | null) => string;
  reasonOf: (action: PlannedAction) => string;
  locale: string;
}) {
  const groups: {
    key: string;
    title: string;
    hint?: string;
    phase?: (typeof roadmap.phases)[number];
    actions: PlannedAction[];
  }[] = [
    ...roadmap.phases.map((phase) => ({
      key: `phase-${phase.index}`,
      title: `${phaseName(phase.index)} · ${fill(t.phaseMonths, { start: formatRange(phase.start, locale), end: formatRange(phase.end, locale) })}`,
      phase,
      actions: roadmap.actions.filter((action) => action.phase === phase.index),
    })),
    {
      key: 'beyond',
      title: t.beyondTitle,
      hint: t.beyondHint,
      actions: roadmap.actions.filter((action) => action.placement.kind === 'beyond'),
    },
    {
      key: 'dropped',
      title: t.droppedTitle,
      actions: roadmap.actions.filter((action) => action.status === 'dropped'),
    },
  ];
  const setRecord = (key: 'owners' | 'comments', actionId: string, value: string) =>
    save((current) => {
      const next = { ...current[key] };
      if (value.trim()) next[actionId] = value;
      else delete next[actionId];
      return { [key]: next };
    });
  return (
    <div class="plan-list">
      {groups
        .filter((group) => group.phase || group.actions.length > 0)
        .map((group) => (
          <section
            key={group.key}
            class="plan-phase"
            aria-labelledby={`${group.key}-title`}
            data-phase={group.key}
          >
            <h2 id={`${group.key}-title`}>{group.title}</h2>
            {group.phase && (
              <p class="plan-phase__load">
                <span data-load>
                  {fill(t.phaseLoad, {
                    used: formatRange(group.phase.used, locale),
                    capacity: formatRange(group.phase.capacity, locale),
                  })}
                </span>
                <meter min={0} max={group.phase.capacity} value={group.phase.used} aria-hidden="true" />
                {group.actions.length > 0 && (
                  <span data-progress>
                    {fill(t.phaseProgress, { done: group.phase.done, total: group.actions.length })}
                  </span>
                )}
              </p>
            )}
            {group.hint && <p class="hint">{group.hint}</p>}
            {group.actions.length > 0 && (
              <div class="table-wrap">
                <table class="results-table plan-table">
                  <TableHead
                    columns={[
                      t.columns.action,
                      t.columns.step,
                      numeric(t.columns.effort),
                      numeric(t.columns.duration),
                      t.columns.owner,
                      t.columns.status,
                      t.columns.phase,
                    ]}
                  />
                  <tbody>
                    {group.actions.map((action) => {
                      const title = text(action.title);
                      return (
                        <tr
                          key={action.id}
                          data-action={action.id}
                          class={`plan-row plan-row--${action.status}`}
                        >
                          <th scope="row">
                            <span class="plan-row__title">{title}</span>
                            {action.custom && <span class="badge">{t.custom}</span>}
                            <span class="plan-row__item">{itemTitle(action.question)}</span>
                            <span class="plan-row__meta">
                              {action.kind && (
                                <span class={`kind kind--${action.kind}`}>{t.kinds[action.kind]}</span>
                              )}
                              <span class="plan-row__why" data-why>
                                {t.columns.why}
                                {t.colon}
                                {reasonOf(action)}
                              </span>
                            </span>
                            <label class="visually-hidden" for={`comment-${action.id}`}>
                              {fill(t.commentLabel, { action: title })}
                            </label>
                            <input
                              id={`comment-${action.id}`}
                              class="plan-row__comment"
                              placeholder={t.columns.comment}
                              value={settings.comments[action.id] ?? ''}
                              onChange={(event) =>
                                setRecord('comments', action.id, event.currentTarget.value)
                              }
                            />
                          </th>
                          <td class="nowrap">
                            {formatRange(action.from, locale)} → {formatRange(action.to, locale)}
                          </td>
                          <td class="number">{formatRange(action.effort, locale)}</td>
                          <td class="number">
                            {action.start === null
                              ? formatRange(action.duration, locale)
                              : `${formatRange(action.start, locale)}–${formatRange(action.end!, locale)}`}
                          </td>
                          <td>
                            <input
                              class="plan-row__owner"
                              aria-label={fill(t.ownerLabel, { action: title })}
                              value={settings.owners[action.id] ?? text(action.owner)}
                              onChange={(event) => setRecord('owners', action.id, event.currentTarget.value)}
                            />
                          </td>
                          <td>
                            <select
                              aria-label={fill(t.statusLabel, { action: title })}
                              value={action.status}
                              onChange={(event) => {
                                const status = event.currentTarget.value as ActionStatus;
                                save((current) => ({ status: { ...current.status, [action.id]: status } }));
                              }}
                            >
                              {ACTION_STATUSES.map((status) => (
                                <option key={status} value={status}>
                                  {t.statuses[status]}
                                </option>
                              ))}
                            </select>
                          </td>
                          <td>
                            <select
                              aria-label={fill(t.moveLabel, { action: title })}
                              value={settings.placements[action.id] ?? ''}
                              disabled={action.status === 'dropped'}
                              onChange={(event) => {
                                const raw = event.currentTarget.value;
                                save((current) => {
                                  const placements = { ...current.placements };
                                  if (raw === '') delete placements[action.id];
                                  else placements[action.id] = Number(raw);
                                  return { placements };
                                });
                              }}
                            >
                              <option value="">
                                {t.automatic}
                                {action.phase !== null && action.placement.kind !== 'manual'
                                  ? ` (${phaseName(action.phase)})`
                                  : ''}
                              </option>
                              {roadmap.phases.map((phase) => (
                                <option key={phase.index} value={phase.index}>
                                  {phaseName(phase.index)}
                                </option>
                              ))}
                            </select>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        ))}
    </div>
  );
}

function Timeline({
  t,
  roadmap,
  text,
  phaseName,
}: {
  t: T;
  roadmap: Extract<Roadmap, { ok: true }>;
  text: (value: Text | undefined) => string;
  phaseName: (index: number | null) => string;
}) {
  const scheduled = roadmap.actions.filter((action) => action.start !== null);
  const total = Math.max(
    1,
    ...roadmap.phases.map((phase) => phase.end),
    ...scheduled.map((action) => action.end!),
  );
  const percent = (months: number) => `${(months / total) * 100}%`;
  const kinds = [...new Set(scheduled.map((action) => action.kind ?? 'process'))];
  return (
    <section class="gantt" aria-label={t.timeline}>
      <ul class="gantt__legend">
        {kinds.map((kind) => (
          <li key={kind}>
            <span class={`gantt__swatch kind--${kind}`} aria-hidden="true" />
            {t.kinds[kind]}
          </li>
        ))}
      </ul>
      <div class="gantt__axis" aria-hidden="true">
        <span class="gantt__label" />
        <div class="gantt__track">
          {roadmap.phases.map((phase) => (
            <span
              key={phase.index}
              class="gantt__phase"
              style={{ insetInlineStart: percent(phase.start), inlineSize: percent(phase.end - phase.start) }}
            >
              {phaseName(phase.index)}
            </span>
          ))}
        </div>
      </div>
      <ol class="gantt__rows">
        {scheduled.map((action) => (
          <li key={action.id} class="gantt__row" data-action={action.id}>
            <span class="gantt__label">{text(action.title)}</span>
            <div class="gantt__track">
              <span
                class={`gantt__bar kind--${action.kind ?? 'process'} gantt__bar--${action.status}`}
                style={{
                  insetInlineStart: percent(action.start!),
                  inlineSize: percent(Math.max(0.5, action.end! - action.start!)),
                }}
                title={`${text(action.title)}: ${action.start}–${action.end}`}
              >
                <span class="visually-hidden">
                  {phaseName(action.phase)}, {action.start}–{action.end}
                </span>
              </span>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Projection({
  t,
  roadmap,
  model,
  result,
  text,
  phaseName,
  locale,
}: {
  t: T;
  roadmap: Extract<Roadmap, { ok: true }>;
  model: QuestionnaireModel;
  result: ScoreResult;
  text: (value: Text | undefined) => string;
  phaseName: (index: number | null) => string;
  locale: string;
}) {
  const areas = topSections(model);
  if (areas.length === 0) return null;
  const moments = [result, ...roadmap.projections];
  const momentName = (index: number) =>
    index === 0 ? t.now : fill(t.after, { phase: phaseName(index - 1) });
  return (
    <section aria-labelledby="projection-title" class="projection">
      <h2 id="projection-title">{t.projectionTitle}</h2>
      <p class="hint">{t.projectionHint}</p>
      <ChartCanvas
        size="projection"
        label={t.projectionChart}
        spec={{
          kind: 'projection',
          labels: areas.map((area) => text(area.source.title)),
          series: moments.map((moment, index) => ({
            label: momentName(index),
            data: areas.map((area) => moment.nodes[area.id]?.score ?? null),
          })),
          current: [],
          target: areas.map((area) => result.nodes[area.id]?.target ?? null),
          min: model.root.scale.min,
          max: model.root.scale.max,
          currentLabel: t.now,
          targetLabel: t.target,
          locale,
        }}
      />
      <div class="table-wrap" tabIndex={0} role="group" aria-labelledby="projection-title">
        <table class="results-table" id="projection-table">
          <caption class="visually-hidden">{t.projectionTitle}</caption>
          <TableHead
            columns={[t.area, ...moments.map((_, index) => numeric(momentName(index))), numeric(t.target)]}
          />
          <tbody>
            {[
              ...areas.map((area) => ({ id: area.id, name: text(area.source.title) })),
              { id: '', name: t.overall },
            ].map((row) => {
              const nodeOf = (moment: ScoreResult) => (row.id ? moment.nodes[row.id] : moment.overall);
              const target = nodeOf(result)?.target ?? null;
              return (
                <tr key={row.id || 'overall'} data-node={row.id || 'overall'}>
                  <th scope="row">{row.name}</th>
                  {moments.map((moment, index) => {
                    const node = nodeOf(moment);
                    return (
                      <td class="number" key={index}>
                        {node ? displayOf(node, locale) : '–'}
                      </td>
                    );
                  })}
                  <td class="number">{target === null ? '–' : formatRange(target, locale)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function AddAction({
  t,
  model,
  text,
  settings,
  save,
}: {
  t: T;
  model: QuestionnaireModel;
  text: (value: Text | undefined) => string;
  settings: RoadmapSettings;
  save: (change: (current: RoadmapSettings) => Partial<RoadmapSettings>) => void;
}) {
  const [error, setError] = useState<string | undefined>();
  const questions = [...model.questions.values()].filter((question) => question.type === 'level');
  return (
    <section class="card roadmap__add" aria-labelledby="add-title">
      <h2 id="add-title">{t.addTitle}</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const field = (name: string) => form.get(name)?.toString().trim() ?? '';
          const effort = Number(field('effort'));
          const duration = Number(field('duration'));
          const question = model.questions.get(field('question'));
          if (
            !field('title') ||
            !question ||
            !(effort >= 0) ||
            !(duration >= 0) ||
            field('effort') === '' ||
            field('duration') === ''
          ) {
            setError(t.addError);
            return;
          }
          setError(undefined);
          const taken = new Set([...settings.custom.map((action) => action.id)]);
          let n = 1;
          while (taken.has(`custom-${question.id}-${n}`)) n += 1;
          const dependsOn = field('dependsOn')
            .split(',')
            .map((part) => part.trim())
            .filter(Boolean);
          save((current) => ({
            custom: [
              ...current.custom,
              {
                id: `custom-${question.id}-${n}`,
                question: question.id,
                to: Number(field('to')),
                title: field('title'),
                effort,
                duration,
                kind: (field('kind') || undefined) as ActionKind | undefined,
                ...(dependsOn.length ? { dependsOn } : {}),
              },
            ],
          }));
          (event.currentTarget as HTMLFormElement).reset();
        }}
      >
        <div class="field-row">
          <div class="field">
            <label for="add-question">{t.addItem}</label>
            <select id="add-question" name="question">
              {questions.map((question) => (
                <option key={question.id} value={question.id}>
                  {text(question.source.prompt)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="add-to">{t.addTo}</label>
            <select id="add-to" name="to">
              {model.root.scale.values.slice(1).map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div class="field">
          <label for="add-title-input">{t.addTitleLabel}</label>
          <input id="add-title-input" name="title" aria-invalid={error ? 'true' : undefined} />
        </div>
        <div class="field-row">
          <div class="field">
            <label for="add-effort">{t.addEffort}</label>
            <input id="add-effort" name="effort" type="number" min="0" step="0.5" />
          </div>
          <div class="field">
            <label for="add-duration">{t.addDuration}</label>
            <input id="add-duration" name="duration" type="number" min="0" step="1" />
          </div>
          <div class="field">
            <label for="add-kind">{t.addKind}</label>
            <select id="add-kind" name="kind">
              {ACTION_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t.kinds[kind]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div class="field">
          <label for="add-depends">{t.addDependsOn}</label>
          <input id="add-depends" name="dependsOn" />
        </div>
        {error && (
          <p class="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="button button--primary">
          {t.addButton}
        </button>
      </form>
      {settings.custom.length > 0 && (
        <ul class="custom-list">
          {settings.custom.map((action) => (
            <li key={action.id}>
              {action.title} <code>{action.id}</code>{' '}
              <button
                type="button"
                class="button button--quiet"
                onClick={() =>
                  save((current) => ({ custom: current.custom.filter((other) => other.id !== action.id) }))
                }
              >
                {t.removeCustom}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function BaselineProgress({
  t,
  roadmap,
  model,
  result,
  settings,
  save,
  text,
  phaseName,
  locale,
}: {
  t: T;
  roadmap: Extract<Roadmap, { ok: true }>;
  model: QuestionnaireModel;
  result: ScoreResult;
  settings: RoadmapSettings;
  save: (change: (current: RoadmapSettings) => Partial<RoadmapSettings>) => void;
  text: (value: Text | undefined) => string;
  phaseName: (index: number | null) => string;
  locale: string;
}) {
  const baseline = settings.baseline;
  const areas = topSections(model);
  const score = (value: number | null | undefined) =>
    value === null || value === undefined ? '–' : formatRange(Math.round(value * 10) / 10, locale);
  return (
    <section class="baseline" aria-labelledby="baseline-title">
      {baseline ? (
        <>
          <h2 id="baseline-title">
            {fill(t.baselineTitle, { date: formatDateTime(baseline.recorded, locale) })}
          </h2>
          <p class="hint">{t.baselineHint}</p>
          <div class="table-wrap" tabIndex={0} role="group" aria-labelledby="baseline-title">
            <table class="results-table" id="baseline-table">
              <TableHead
                columns={[
                  t.area,
                  numeric(t.atBaseline),
                  ...baseline.phases.map((_, index) => numeric(fill(t.planned, { phase: phaseName(index) }))),
                  numeric(t.now),
                ]}
              />
              <tbody>
                {[
                  ...areas.map((area) => ({ id: area.id, name: text(area.source.title) })),
                  { id: 'overall', name: t.overall },
                ].map((row) => {
                  const planned = baseline.scores[row.id] ?? [];
                  const now =
                    row.id === 'overall' ? result.overall.score : (result.nodes[row.id]?.score ?? null);
                  return (
                    <tr key={row.id} data-node={row.id}>
                      <th scope="row">{row.name}</th>
                      {planned.map((value, index) => (
                        <td class="number" key={index}>
                          {score(value)}
                        </td>
                      ))}
                      <td class="number" data-now>
                        <strong>{score(now)}</strong>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <h2 id="baseline-title" class="visually-hidden">
          {t.baselineRecord}
        </h2>
      )}
      <button
        type="button"
        class="button button--secondary"
        onClick={() =>
          save(() => ({ baseline: recordBaseline(model, result, roadmap, new Date().toISOString()) }))
        }
      >
        {baseline ? t.baselineReplace : t.baselineRecord}
      </button>
    </section>
  );
}
