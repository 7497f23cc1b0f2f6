import { useEffect, useMemo, useState } from 'preact/hooks';

import { valueText } from '../domain/answer-text.ts';
import type { CountedAnswer, ResolvedAnswers } from '../domain/answers.ts';
import type { Assessment } from '../domain/assessment.ts';
import { assessmentFileName } from '../domain/assessment-export.ts';
import {
  buildGapReport,
  gapReportJson,
  isProvisional,
  type GapReport,
  type ItemFinding,
} from '../domain/gap-report.ts';
import {
  areasOf,
  questionsIn,
  type QuestionnaireModel,
  type ScaleModel,
  type SectionModel,
} from '../domain/model.ts';
import { reportTables, toCsv } from '../domain/report-tables.ts';
import { scoreAssessment, scoreResultJson, type NodeScore, type ScoreResult } from '../domain/scoring.ts';
import { localize, type Text } from '../domain/text.ts';
import { xlsxWorkbook } from '../domain/xlsx.ts';
import type { Messages } from '../i18n/en.ts';
import { flush, updateAssessment } from '../stores/assessments.ts';
import { AssessmentGate } from './AssessmentGate.tsx';
import { ChartCanvas } from './ChartCanvas.tsx';
import { numeric, TableHead } from './TableHead.tsx';
import { displayOf, downloadText, fill, formatDateTime, formatRange } from './format.ts';

interface Props {
  locale: string;
  t: Messages['results'];
  labels: Messages['reportLabels'];
}

export function ResultsPage({ locale, t, labels }: Props) {
  return (
    <AssessmentGate locale={locale} t={t} frame="results">
      {(assessment, model) => (
        <ResultsView locale={locale} t={t} labels={labels} assessment={assessment} model={model} />
      )}
    </AssessmentGate>
  );
}

interface ViewProps extends Props {
  assessment: Assessment;
  model: QuestionnaireModel;
}

type T = Messages['results'];

/** The label of the highest level a score reaches on its scale. */
function levelReached(score: number, scale: ScaleModel, text: (value: Text | undefined) => string): string {
  let reached = scale.levels[0];
  for (const level of scale.levels) if (level.value <= score + 1e-9) reached = level;
  return reached ? text(reached.label) : '';
}

function listOf(names: string[], t: T): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${t.and} ${names.at(-1)}`;
}

function ResultsView({ locale, t, labels, assessment, model }: ViewProps) {
  const id = assessment.id!;
  const text = (value: Text | undefined) => localize(value, locale, model.sourceLocale);
  const result = useMemo(() => scoreAssessment(model, assessment), [model, assessment]);
  const report = useMemo(() => buildGapReport(model, result), [model, result]);
  const resolved = result.answers;
  const areas = areasOf(model);
  const number = (value: number | null) => (value === null ? '–' : formatRange(value, locale));
  const titleOf = (nodeId: string) => {
    const section = model.sections.get(nodeId);
    if (section) return text(section.source.title);
    const question = model.questions.get(nodeId);
    return question ? text(question.source.prompt) : nodeId;
  };
  const names = new Map(assessment.respondents.map((r) => [r.id, r.name || r.id]));

  const setTarget = (nodeId: string, raw: string) => {
    const value = raw.trim() === '' ? undefined : Number(raw.replace(',', '.'));
    if (value !== undefined && !Number.isFinite(value)) return;
    updateAssessment(id, (latest) => {
      const targets = { ...latest.targets };
      if (value === undefined) delete targets[nodeId];
      else targets[nodeId] = value;
      return { ...latest, targets, updated: new Date().toISOString() };
    });
  };

  const base = assessmentFileName(assessment).replace(/\.cairn\.json$/, '');
  const exportAs = (format: 'csv' | 'xlsx' | 'json') => {
    flush();
    const tables = reportTables(model, assessment, result, report, { locale, labels });
    if (format === 'csv') downloadText(`${base}-report.csv`, toCsv(tables.items), 'text/csv;charset=utf-8');
    else if (format === 'json')
      downloadText(
        `${base}-report.json`,
        `${JSON.stringify({ ...scoreResultJson(result), ...gapReportJson(report) }, null, 2)}\n`,
      );
    else
      downloadText(
        `${base}-report.xlsx`,
        xlsxWorkbook([tables.summary, tables.items, tables.gaps]),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
  };

  // The summary and the areas come first; the long detail follows a frame later, so the
  // numbers a reader looks for are on screen as soon as possible (`npm run bench` times it).
  const [complete, setComplete] = useState(false);
  useEffect(() => {
    performance.mark('cairn:results-shown');
    const timer = setTimeout(() => setComplete(true), 0);
    return () => clearTimeout(timer);
  }, []);

  const overall = result.overall;
  const scale = model.root.scale;
  const summary = summarySentences(model, result, report, t, locale, text, titleOf);

  return (
    <div
      class="results"
      data-results-ready="true"
      data-results-complete={complete ? 'true' : undefined}
      data-assessment={id}
    >
      <header class="results__cover">
        <p class="eyebrow">
          {t.reportOf} · {text(model.source.title)} · {model.version}
        </p>
        <h1>{assessment.title || t.title}</h1>
        <dl class="facts results__facts">
          {assessment.administration && (
            <div>
              <dt>{labels.administration}</dt>
              <dd>{assessment.administration}</dd>
            </div>
          )}
          <div>
            <dt>{t.lastChange}</dt>
            <dd>{formatDateTime(assessment.updated, locale)}</dd>
          </div>
          {assessment.respondents.length > 0 && (
            <div>
              <dt>{t.respondents}</dt>
              <dd>
                {assessment.respondents
                  .map((r) => [r.name || r.id, r.unit].filter(Boolean).join(', '))
                  .join(' · ')}
              </dd>
            </div>
          )}
        </dl>
        <div class="results__actions">
          <a class="button button--secondary" href={`/${locale}/assess/#${encodeURIComponent(id)}`}>
            {t.answer}
          </a>
          <a class="button button--secondary" href={`/${locale}/roadmap/#${encodeURIComponent(id)}`}>
            {t.roadmap}
          </a>
          <button type="button" class="button button--primary" onClick={() => window.print()}>
            {t.print}
          </button>
          <div class="results__exports" role="group" aria-label={t.exportsLabel}>
            <span class="results__exports-label">{t.exportsLabel}</span>
            <button type="button" class="button button--secondary" onClick={() => exportAs('csv')}>
              {t.exportCsv}
            </button>
            <button type="button" class="button button--secondary" onClick={() => exportAs('xlsx')}>
              {t.exportXlsx}
            </button>
            <button type="button" class="button button--secondary" onClick={() => exportAs('json')}>
              {t.exportJson}
            </button>
          </div>
        </div>
      </header>

      <section class="results__summary" aria-labelledby="summary-title">
        <h2 id="summary-title">{t.summaryTitle}</h2>
        <div class="overall-card" data-node="overall">
          <p class="overall-card__label">{t.overall}</p>
          <p class="overall-card__score" data-score={overall.display ?? ''}>
            {overall.score === null ? t.noScore : displayOf(overall, locale)}
            {overall.score !== null && (
              <span class="overall-card__range">
                {' '}
                / {number(overall.min)}–{number(overall.max)}
              </span>
            )}
          </p>
          {overall.score !== null && (
            <p class="overall-card__level">
              {fill(t.levelReached, { label: levelReached(overall.score, scale, text) })}
            </p>
          )}
          <p class="overall-card__facts">
            <span>
              {t.target}
              {t.colon}
              <TargetInput
                nodeId={model.id}
                node={overall}
                assessment={assessment}
                t={t}
                name={t.overall}
                onChange={setTarget}
                locale={locale}
              />
            </span>
            <span data-gap="overall">
              {t.gap}
              {t.colon}
              {number(overall.gap)}
            </span>
            <span>
              {t.coverage}
              {t.colon}
              {fill(t.answeredOf, { answered: overall.answered, total: overall.total })}
            </span>
            {overall.insufficient > 0 && (
              <span>
                {t.insufficient}
                {t.colon}
                {overall.insufficient}
              </span>
            )}
            {report.provisional && <span class="badge badge--warning">{t.provisional}</span>}
          </p>
          <Why
            node={overall}
            model={model}
            t={t}
            locale={locale}
            titleOf={titleOf}
            resolved={resolved}
            names={names}
            result={result}
          />
        </div>
        <div class="results__sentences">
          {summary.map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
        </div>
      </section>

      <section aria-labelledby="areas-title" class="results__areas">
        <h2 id="areas-title">{t.areasTitle}</h2>
        <p class="hint">{t.targetHint}</p>
        <div class="results__profile">
          {areas.length >= 3 && (
            <ChartCanvas
              size="radar"
              label={t.radarLabel}
              spec={{
                kind: 'radar',
                labels: areas.map((area) => text(area.source.title)),
                current: areas.map((area) => result.nodes[area.id]?.score ?? null),
                target: areas.map((area) => result.nodes[area.id]?.target ?? null),
                min: scale.min,
                max: scale.max,
                currentLabel: t.current,
                targetLabel: t.target,
                locale,
              }}
            />
          )}
          <div class="table-wrap">
            <table class="results-table" id="areas-table">
              <caption class="visually-hidden">{t.areasTitle}</caption>
              <TableHead
                columns={[
                  t.areaColumn,
                  numeric(t.score),
                  numeric(t.target),
                  numeric(t.gap),
                  numeric(t.coverage),
                  numeric(t.insufficient),
                ]}
              />
              <tbody>
                {areas.map((area) => {
                  const node = result.nodes[area.id] ?? (area.isRoot ? overall : undefined);
                  if (!node) return null;
                  return (
                    <tr key={area.id} data-node={area.id}>
                      <th scope="row">
                        <a href={`#area-${area.id}`}>{text(area.source.title)}</a>
                        <Why
                          node={node}
                          model={model}
                          t={t}
                          locale={locale}
                          titleOf={titleOf}
                          resolved={resolved}
                          names={names}
                          result={result}
                        />
                      </th>
                      <ScoreTargetGap
                        nodeId={area.id}
                        node={node}
                        assessment={assessment}
                        t={t}
                        name={text(area.source.title)}
                        onChange={setTarget}
                        locale={locale}
                      />
                      <td class="number">
                        {fill(t.answeredOf, { answered: node.answered, total: node.total })}
                      </td>
                      <td class="number">{node.insufficient}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      </section>

      {complete && (
        <>
          <section aria-labelledby="heatmap-title" class="results__heatmap">
            <h2 id="heatmap-title">{t.heatmapTitle}</h2>
            <p class="hint">{t.heatmapHint}</p>
            <table class="heatmap">
              <caption class="visually-hidden">{t.heatmapTitle}</caption>
              <tbody>
                {areas.map((area) => (
                  <tr key={area.id}>
                    <th scope="row">{text(area.source.title)}</th>
                    <td>
                      <ul class="heatmap__cells">
                        {questionsIn(area)
                          .filter((question) => result.nodes[question.id])
                          .map((question) => {
                            const node = result.nodes[question.id]!;
                            return (
                              <li
                                key={question.id}
                                class={`heat heat--${heatClass(node)}`}
                                title={`${text(question.source.prompt)}: ${node.display ?? t.noScore}`}
                              >
                                <span class="visually-hidden">{text(question.source.prompt)}: </span>
                                {node.score === null ? '·' : displayOf(node, locale)}
                              </li>
                            );
                          })}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section aria-labelledby="gaps-title" class="results__gaps">
            <h2 id="gaps-title">{t.gapsTitle}</h2>
            <p class="hint">{t.gapsRule}</p>
            {report.gaps.length === 0 ? (
              <p>{t.noGaps}</p>
            ) : (
              <div class="table-wrap" tabIndex={0} role="group" aria-labelledby="gaps-title">
                <table class="results-table" id="gaps-table">
                  <caption class="visually-hidden">{t.gapsTitle}</caption>
                  <TableHead
                    columns={[
                      numeric(t.rank),
                      t.itemColumn,
                      t.areaColumn,
                      numeric(t.score),
                      numeric(t.target),
                      numeric(t.gap),
                      numeric(t.priority),
                    ]}
                  />
                  <tbody>
                    {report.gaps.map((gap, index) => (
                      <tr key={gap.id} data-gap-item={gap.id}>
                        <td class="number">{index + 1}</td>
                        <td>
                          {titleOf(gap.id)} <code>{gap.id}</code>
                          {gap.insufficient && <span class="badge badge--warning">{t.insufficient}</span>}
                        </td>
                        <td>{titleOf(gap.area)}</td>
                        <td class="number">{displayOf(result.nodes[gap.id]!, locale)}</td>
                        <td class="number">{number(gap.target)}</td>
                        <td class="number">{number(gap.gap)}</td>
                        <td class="number">{formatRange(Math.round(gap.priority * 1000) / 10, locale)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {report.gaps.length > 0 && (
              <div class="gaps-by-area">
                <h3>{t.byArea}</h3>
                {report.areas
                  .filter((area) => area.gaps.length > 0)
                  .map((area) => (
                    <div key={area.id} class="gaps-by-area__group">
                      <h4>
                        {titleOf(area.id)}{' '}
                        <span class="muted">
                          {displayOf(area.node, locale)}
                          {area.node.target !== null && ` → ${number(area.node.target)}`}
                        </span>
                      </h4>
                      <ol>
                        {area.gaps.map((gap) => (
                          <li key={gap.id}>
                            {titleOf(gap.id)}{' '}
                            <span class="muted">
                              ({displayOf(result.nodes[gap.id]!, locale)} → {number(gap.target)})
                            </span>
                          </li>
                        ))}
                      </ol>
                    </div>
                  ))}
              </div>
            )}
            <div class="results__lists">
              <FindingList
                title={t.strengthsTitle}
                hint={t.strengthsHint}
                empty={t.noStrengths}
                items={report.strengths}
                titleOf={titleOf}
                result={result}
                locale={locale}
                id="strengths"
              />
              <FindingList
                title={t.followUpTitle}
                hint={t.followUpHint}
                empty={t.noFollowUp}
                items={report.insufficient}
                titleOf={titleOf}
                result={result}
                locale={locale}
                id="follow-up"
              />
            </div>
          </section>

          {areas.map((area) => (
            <AreaDetail
              key={area.id}
              area={area}
              model={model}
              result={result}
              assessment={assessment}
              t={t}
              locale={locale}
              text={text}
              titleOf={titleOf}
              onTarget={setTarget}
              resolved={resolved}
              names={names}
            />
          ))}

          <section aria-labelledby="method-title" class="results__method">
            <h2 id="method-title">{t.methodTitle}</h2>
            {t.methodText.map((paragraph) => (
              <p key={paragraph}>
                {fill(paragraph, {
                  consolidation: t.consolidation[assessment.consolidation ?? 'median'],
                  na: t.naRule[model.na],
                  insufficient: t.insufficientRule[model.insufficient],
                })}
              </p>
            ))}
            <p>{t.gapsRule}</p>
            <p>
              <a href={`/${locale}/methodology/`}>{t.methodLink}</a>
            </p>
          </section>
        </>
      )}
    </div>
  );
}

function heatClass(node: NodeScore): string {
  if (node.normalized === null) return 'none';
  return String(Math.min(5, 1 + Math.floor(node.normalized * 4.999)));
}

function summarySentences(
  model: QuestionnaireModel,
  result: ScoreResult,
  report: GapReport,
  t: T,
  locale: string,
  text: (value: Text | undefined) => string,
  titleOf: (id: string) => string,
): string[] {
  const overall = result.overall;
  const number = (value: number) => formatRange(value, locale);
  const s = t.sentences;
  if (overall.score === null) return [s.none];
  const sentences = [
    fill(s.overall, {
      score: displayOf(overall, locale),
      label: levelReached(overall.score, model.root.scale, text),
      min: number(overall.min),
      max: number(overall.max),
    }),
  ];
  if (overall.target !== null)
    sentences.push(
      overall.gap && overall.gap > 1e-9
        ? fill(s.overallTarget, { target: number(overall.target), gap: number(overall.gap) })
        : fill(s.overallMet, { target: number(overall.target) }),
    );
  sentences.push(fill(s.coverage, { answered: overall.answered, total: overall.total }));
  if (report.provisional) sentences.push(s.provisional);
  const gapped = report.areas
    .filter((area) => area.node.gap !== null && area.node.gap > 1e-9)
    .sort((a, b) => b.node.gap! - a.node.gap!)
    .slice(0, 3)
    .map((area) => titleOf(area.id));
  sentences.push(gapped.length ? fill(s.largestGaps, { areas: listOf(gapped, t) }) : s.noGaps);
  sentences.push(fill(s.counts, { strengths: report.strengths.length, gaps: report.gaps.length }));
  if (report.insufficient.length) sentences.push(fill(s.insufficient, { n: report.insufficient.length }));
  return sentences;
}

function ScoreCell({ node, t, locale }: { node: NodeScore; t: T; locale: string }) {
  if (node.score === null) return <span class="muted">{node.status === 'na' ? t.naScore : t.noScore}</span>;
  return (
    <>
      {displayOf(node, locale)}
      {isProvisional(node) && (
        <span class="badge badge--warning" title={t.provisionalHint}>
          {t.provisional}
        </span>
      )}
    </>
  );
}

function TargetInput({
  nodeId,
  node,
  assessment,
  t,
  name,
  onChange,
  locale,
}: {
  nodeId: string;
  node: NodeScore;
  assessment: Assessment;
  t: T;
  name: string;
  onChange: (nodeId: string, raw: string) => void;
  locale: string;
}) {
  const own = assessment.targets[nodeId];
  const fallback = own === undefined || own === null ? node.target : undefined;
  return (
    <input
      class="target-input"
      type="number"
      inputMode="decimal"
      step="any"
      min={node.min}
      max={node.max}
      aria-label={fill(t.targetFor, { name })}
      value={own ?? ''}
      placeholder={fallback === null || fallback === undefined ? '' : formatRange(fallback, locale)}
      data-target={nodeId}
      onChange={(event) => onChange(nodeId, event.currentTarget.value)}
    />
  );
}

/** A node's score, its editable target and its gap: three cells of a row. */
function ScoreTargetGap(props: Parameters<typeof TargetInput>[0]) {
  const { node, nodeId, t, locale } = props;
  return (
    <>
      <td class="number" data-score={node.display ?? ''}>
        <ScoreCell node={node} t={t} locale={locale} />
      </td>
      <td class="number">
        <TargetInput {...props} />
      </td>
      <td class="number" data-gap={nodeId}>
        {node.gap === null ? '–' : formatRange(node.gap, locale)}
      </td>
    </>
  );
}

function Why({
  node,
  model,
  t,
  locale,
  titleOf,
  resolved,
  names,
  result,
}: {
  node: NodeScore;
  model: QuestionnaireModel;
  t: T;
  locale: string;
  titleOf: (id: string) => string;
  resolved: ResolvedAnswers;
  names: Map<string, string>;
  result: ScoreResult;
}) {
  const score = node.score === null ? t.noScore : displayOf(node, locale);
  const section = node.kind === 'overall' ? model.root : model.sections.get(node.id);
  const question = node.kind === 'question' ? model.questions.get(node.id) : undefined;
  const text = (value: Text | undefined) => localize(value, locale, model.sourceLocale);
  const answerText = (answer: CountedAnswer) =>
    answer.na
      ? t.naScore
      : [
          answer.value === undefined ? '' : valueText(question, answer.value, t, text),
          answer.insufficient ? `(${t.insufficient})` : '',
        ]
          .filter(Boolean)
          .join(' ');
  return (
    <details class="why">
      <summary>
        {t.why}
        <span class="visually-hidden"> {titleOf(node.kind === 'overall' ? model.id : node.id)}</span>
      </summary>
      <div class="why__body">
        <p class="why__title">{fill(t.whyTitle, { score })}</p>
        {section && (
          <p>
            {t.method}
            {t.colon}
            {t.methods[section.scoring.method]}
          </p>
        )}
        {section && node.counted.length > 0 && (
          <p>
            {t.counted}
            {t.colon}
            {node.counted
              .map((childId) => {
                const child = section.children.find((c) => c.id === childId);
                const childNode = result.nodes[childId];
                return `${titleOf(childId)} ${childNode ? displayOf(childNode, locale) : ''}${child && child.weight !== 1 ? ` (${fill(t.weight, { w: child.weight })})` : ''}`;
              })
              .join(' · ')}
          </p>
        )}
        {node.leftOut.length > 0 && (
          <p>
            {t.leftOut}
            {t.colon}
            {node.leftOut.map((left) => `${titleOf(left.id)} (${t.leftOutWhy[left.why]})`).join(' · ')}
          </p>
        )}
        {node.kind === 'question' && (
          <p>
            {t.answers}
            {t.colon}
            {[
              ...(resolved.byQuestion.get(node.id) ?? []).map(
                (answer) =>
                  `${names.get(answer.respondent ?? '') ?? answer.respondent}: ${answerText(answer)}`,
              ),
              ...(resolved.consensus.has(node.id)
                ? [`${t.consensus}: ${answerText(resolved.consensus.get(node.id)!)}`]
                : []),
            ].join(' · ') || '–'}
          </p>
        )}
        {locale === 'en' && <p class="why__engine">{node.explanation}</p>}
      </div>
    </details>
  );
}

function FindingList({
  title,
  hint,
  empty,
  items,
  titleOf,
  result,
  locale,
  id,
}: {
  title: string;
  hint: string;
  empty: string;
  items: readonly ItemFinding[];
  titleOf: (id: string) => string;
  result: ScoreResult;
  locale: string;
  id: string;
}) {
  return (
    <div class="finding-list" id={id}>
      <h3>{title}</h3>
      <p class="hint">{hint}</p>
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item.id}>
              {titleOf(item.id)} — <strong>{displayOf(result.nodes[item.id]!, locale)}</strong>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function AreaDetail({
  area,
  model,
  result,
  assessment,
  t,
  locale,
  text,
  titleOf,
  onTarget,
  resolved,
  names,
}: {
  area: SectionModel;
  model: QuestionnaireModel;
  result: ScoreResult;
  assessment: Assessment;
  t: T;
  locale: string;
  text: (value: Text | undefined) => string;
  titleOf: (id: string) => string;
  onTarget: (nodeId: string, raw: string) => void;
  resolved: ResolvedAnswers;
  names: Map<string, string>;
}) {
  const questions = questionsIn(area).filter((question) => result.nodes[question.id]);
  const node = result.nodes[area.id] ?? result.overall;
  const sameRange = questions.every(
    (question) => question.min === questions[0]?.min && question.max === questions[0]?.max,
  );
  const areaTitle = text(area.source.title);
  return (
    <section class="area-detail" id={`area-${area.id}`} aria-labelledby={`area-title-${area.id}`}>
      <h2 id={`area-title-${area.id}`}>
        {areaTitle}{' '}
        <span class="area-detail__score">{node.score === null ? '' : displayOf(node, locale)}</span>
      </h2>
      {questions.length > 0 && sameRange && (
        <ChartCanvas
          size="bar"
          rows={questions.length}
          label={fill(t.barLabel, { area: areaTitle })}
          spec={{
            kind: 'bar',
            labels: questions.map((question) => question.id),
            current: questions.map((question) => result.nodes[question.id]?.score ?? null),
            target: questions.map((question) => result.nodes[question.id]?.target ?? null),
            min: questions[0]!.min,
            max: questions[0]!.max,
            currentLabel: t.current,
            targetLabel: t.target,
            locale,
          }}
        />
      )}
      <div class="table-wrap">
        <table class="results-table">
          <caption class="visually-hidden">{fill(t.itemsOf, { area: areaTitle })}</caption>
          <TableHead columns={[t.itemColumn, numeric(t.score), numeric(t.target), numeric(t.gap)]} />
          <tbody>
            {questions.map((question) => {
              const item = result.nodes[question.id]!;
              return (
                <tr key={question.id} data-node={question.id}>
                  <th scope="row">
                    {text(question.source.prompt)} <code>{question.id}</code>
                    {item.insufficient > 0 && <span class="badge badge--warning">{t.insufficient}</span>}
                    <Why
                      node={item}
                      model={model}
                      t={t}
                      locale={locale}
                      titleOf={titleOf}
                      resolved={resolved}
                      names={names}
                      result={result}
                    />
                  </th>
                  <ScoreTargetGap
                    nodeId={question.id}
                    node={item}
                    assessment={assessment}
                    t={t}
                    name={text(question.source.prompt)}
                    onChange={onTarget}
                    locale={locale}
                  />
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
