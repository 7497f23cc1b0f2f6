import { useState } from 'preact/hooks';

import { valueText } from '../domain/answer-text.ts';
import type { CountedAnswer, ResolvedAnswers } from '../domain/answers.ts';
import type { Assessment } from '../domain/assessment.ts';
import { spreadOf } from '../domain/dispersion.ts';
import type { QuestionModel, QuestionnaireModel } from '../domain/model.ts';
import type { ScoreResult } from '../domain/scoring.ts';
import { localize, type Text } from '../domain/text.ts';
import type { Messages } from '../i18n/en.ts';
import { numeric, TableHead } from './TableHead.tsx';
import { displayOf, fill, formatDateTime, formatRange } from './format.ts';

type T = Messages['runner'];

interface Props {
  questions: readonly QuestionModel[];
  model: QuestionnaireModel;
  assessment: Assessment;
  resolved: ResolvedAnswers;
  result: ScoreResult;
  t: T;
  locale: string;
  /** Who is recording a consensus, by default. */
  defaultBy: string;
  onAgree: (
    question: string,
    input: { value?: number | string | boolean; na?: boolean; reason: string; by: string },
  ) => void;
  onWithdraw: (question: string) => void;
}

/**
 * Every respondent's answer side by side, how far apart they are, and the
 * team's agreed rating with its reason: the view a mission works from.
 */
export function MatrixView({
  questions,
  model,
  assessment,
  resolved,
  result,
  t,
  locale,
  defaultBy,
  onAgree,
  onWithdraw,
}: Props) {
  const [threshold, setThreshold] = useState(2);
  const [onlyDisagreements, setOnlyDisagreements] = useState(false);
  const [editing, setEditing] = useState<string | undefined>();
  const text = (value: Text | undefined) => localize(value, locale, model.sourceLocale);
  const tt = t.team;
  const respondents = assessment.respondents;
  const rows = questions
    .filter((question) => question.scored && result.nodes[question.id])
    .map((question) => {
      const answers = resolved.byQuestion.get(question.id) ?? [];
      return { question, answers, spread: spreadOf(question, answers) };
    });
  const apart = (row: (typeof rows)[number]) => row.spread.range >= threshold - 1e-9;
  // Disagreements first, the widest on top; then the rest in questionnaire order.
  const ordered = [...rows].sort(
    (a, b) => Number(apart(b)) - Number(apart(a)) || (apart(a) ? b.spread.range - a.spread.range : 0),
  );
  const shown = onlyDisagreements ? ordered.filter(apart) : ordered;
  const disagreements = rows.filter(apart).length;

  const show = (question: QuestionModel, answer: CountedAnswer | undefined) => {
    if (!answer) return tt.noAnswer;
    if (answer.na) return t.na;
    const value = answer.value;
    const shownValue = value === undefined ? '' : valueText(question, value, t, text);
    return (
      <>
        {shownValue}
        {answer.insufficient && (
          <abbr title={t.insufficient} class="matrix__flag">
            {' '}
            ⚠<span class="visually-hidden">{t.insufficient}</span>
          </abbr>
        )}
      </>
    );
  };

  return (
    <div class="matrix">
      <div class="matrix__filters">
        <label class="checkbox">
          <input
            type="checkbox"
            checked={onlyDisagreements}
            onChange={(event) => setOnlyDisagreements(event.currentTarget.checked)}
          />
          {tt.onlyDisagreements}
        </label>
        <input
          type="number"
          class="matrix__threshold"
          min="0"
          step="0.5"
          value={threshold}
          aria-label={tt.threshold}
          onChange={(event) => {
            const value = Number(event.currentTarget.value);
            if (Number.isFinite(value) && value >= 0) setThreshold(value);
          }}
        />
        <span>{tt.levelsApart}</span>
        <span class="hint" data-disagreements={disagreements}>
          {fill(tt.disagreementCount, { n: disagreements, threshold: formatRange(threshold, locale) })}
        </span>
      </div>
      {shown.length === 0 ? (
        <p>{tt.noDisagreement}</p>
      ) : (
        <div class="table-wrap">
          <table class="results-table matrix__table">
            <TableHead
              columns={[
                tt.item,
                ...respondents.map((respondent) => numeric(respondent.name || respondent.id)),
                numeric(tt.range),
                numeric(tt.deviation),
                numeric(tt.consolidated),
                tt.consensus,
              ]}
            />
            <tbody>
              {shown.map(({ question, answers, spread }) => {
                const byRespondent = new Map(answers.map((answer) => [answer.respondent, answer]));
                const consensus = resolved.consensus.get(question.id);
                const entry = [...assessment.consensus]
                  .reverse()
                  .find((other) => other.question === question.id);
                const node = result.nodes[question.id]!;
                const prompt = text(question.source.prompt);
                return (
                  <tr
                    key={question.id}
                    data-matrix={question.id}
                    class={apart({ question, answers, spread }) ? 'matrix__row--apart' : ''}
                  >
                    <th scope="row">
                      {prompt} <code>{question.id}</code>
                    </th>
                    {respondents.map((respondent) => (
                      <td class="number" key={respondent.id}>
                        {show(question, byRespondent.get(respondent.id))}
                      </td>
                    ))}
                    <td class="number" data-range>
                      {formatRange(spread.range, locale)}
                    </td>
                    <td class="number">{formatRange(Math.round(spread.deviation * 100) / 100, locale)}</td>
                    <td class="number">{node.score === null ? '–' : displayOf(node, locale)}</td>
                    <td class="matrix__consensus">
                      {consensus && entry && (
                        <p data-consensus>
                          <strong>{show(question, consensus)}</strong>{' '}
                          <span class="hint">
                            {fill(tt.agreedBy, {
                              by: entry.by ?? '',
                              when: formatDateTime(entry.updated, locale),
                              reason: entry.reason ?? '',
                            })}
                          </span>
                        </p>
                      )}
                      {editing === question.id ? (
                        <ConsensusForm
                          question={question}
                          t={t}
                          text={text}
                          defaultBy={defaultBy}
                          onCancel={() => setEditing(undefined)}
                          onSave={(input) => {
                            onAgree(question.id, input);
                            setEditing(undefined);
                          }}
                          label={prompt}
                        />
                      ) : (
                        <div class="matrix__actions">
                          <button
                            type="button"
                            class="button button--secondary"
                            onClick={() => setEditing(question.id)}
                          >
                            {consensus ? tt.change : tt.agree}
                            <span class="visually-hidden">: {prompt}</span>
                          </button>
                          {consensus && (
                            <button
                              type="button"
                              class="button button--quiet"
                              onClick={() => onWithdraw(question.id)}
                            >
                              {tt.withdraw}
                              <span class="visually-hidden">: {prompt}</span>
                            </button>
                          )}
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function ConsensusForm({
  question,
  t,
  text,
  defaultBy,
  onCancel,
  onSave,
  label,
}: {
  question: QuestionModel;
  t: T;
  text: (value: Text | undefined) => string;
  defaultBy: string;
  onCancel: () => void;
  onSave: (input: { value?: number | string | boolean; na?: boolean; reason: string; by: string }) => void;
  label: string;
}) {
  const tt = t.team;
  const [error, setError] = useState<string | undefined>();
  const options: { key: string; label: string; value: number | string | boolean | 'na' }[] =
    question.type === 'level'
      ? question.scale!.levels.map((level) => ({
          key: String(level.value),
          label: `${level.value} · ${text(level.label)}`,
          value: level.value,
        }))
      : question.type === 'boolean'
        ? [
            { key: 'true', label: t.yes, value: true },
            { key: 'false', label: t.no, value: false },
          ]
        : (question.source.options ?? []).map((option) => ({
            key: option.id,
            label: text(option.label),
            value: option.id,
          }));
  const id = `consensus-${question.id}`;
  return (
    <form
      class="consensus-form"
      aria-label={`${tt.agree}: ${label}`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const reason = form.get('reason')?.toString().trim() ?? '';
        const by = form.get('by')?.toString().trim() || defaultBy;
        const key = form.get('value')?.toString() ?? '';
        if (!reason) {
          setError(tt.reasonRequired);
          return;
        }
        if (key === 'na') onSave({ na: true, reason, by });
        else {
          const option = options.find((candidate) => candidate.key === key);
          if (option && option.value !== 'na') onSave({ value: option.value, reason, by });
        }
      }}
    >
      <label for={`${id}-value`}>{tt.value}</label>
      <select id={`${id}-value`} name="value">
        {options.map((option) => (
          <option key={option.key} value={option.key}>
            {option.label}
          </option>
        ))}
        <option value="na">{t.na}</option>
      </select>
      <label for={`${id}-reason`}>{tt.reason}</label>
      <textarea
        id={`${id}-reason`}
        name="reason"
        rows={2}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p id={`${id}-error`} class="field-error" role="alert">
          {error}
        </p>
      )}
      <label for={`${id}-by`}>{tt.by}</label>
      <input id={`${id}-by`} name="by" defaultValue={defaultBy} />
      <div class="form-actions">
        <button type="submit" class="button button--primary">
          {tt.save}
        </button>
        <button type="button" class="button button--quiet" onClick={onCancel}>
          {tt.cancel}
        </button>
      </div>
    </form>
  );
}
