/**
 * Reads a questionnaire from YAML text and locates every problem at a line and
 * column, so an author can jump straight to it.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

import {
  checkQuestionnaire,
  questionnaireSchema,
  type Path,
  type Questionnaire,
} from './questionnaire-schema.ts';

export interface LocatedProblem {
  file: string;
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface QuestionnaireFileResult {
  /** Present only when there is no error. */
  questionnaire?: Questionnaire | undefined;
  problems: LocatedProblem[];
  /** The line and column of a path in the file, to place problems found later (present with `questionnaire`). */
  locate?: ((path: Path, atKey?: boolean) => Located) | undefined;
}

export function formatProblem(problem: LocatedProblem): string {
  const prefix = problem.severity === 'warning' ? 'warning: ' : '';
  return `${problem.file}:${problem.line}:${problem.column}: ${prefix}${problem.message}`;
}

export type Located = { line: number; column: number };

/** The source position of the node (or, with `atKey`, the key) at `path`. */
function locate(document: Document, counter: LineCounter, path: Path, atKey = false): Located {
  let node: unknown = document.contents;
  let best: Node | undefined = isScalar(node) || isMap(node) || isSeq(node) ? node : undefined;
  let keyNode: Node | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (!pair) break;
      keyNode = isScalar(pair.key) ? pair.key : undefined;
      node = pair.value;
      best = (node as Node | null) ?? keyNode;
      if (!node) break;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      keyNode = undefined;
      if (!node) break;
      best = node as Node;
    } else break;
  }
  const target = atKey && keyNode ? keyNode : best;
  const offset = target?.range?.[0] ?? 0;
  const { line, col } = counter.linePos(offset);
  return { line, column: col };
}

function zodPathMessage(message: string, path: readonly PropertyKey[]): string {
  const last = path[path.length - 1];
  return typeof last === 'string' && !message.includes(last) ? `${last}: ${message}` : message;
}

export function parseQuestionnaireText(text: string, file: string): QuestionnaireFileResult {
  const counter = new LineCounter();
  const document = parseDocument(text, {
    lineCounter: counter,
    version: '1.2',
    schema: 'core',
    prettyErrors: false,
    uniqueKeys: true,
  });
  const problems: LocatedProblem[] = [];
  for (const yamlError of document.errors) {
    const { line, col } = counter.linePos(yamlError.pos[0]);
    const message = yamlError.message.split('\n')[0] ?? 'invalid YAML';
    problems.push({ file, line, column: col, message: `invalid YAML: ${message}`, severity: 'error' });
  }
  if (problems.length) return { problems };

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 1000 });
  } catch (cause) {
    problems.push({
      file,
      line: 1,
      column: 1,
      message: `invalid YAML: ${(cause as Error).message}`,
      severity: 'error',
    });
    return { problems };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({
      file,
      line: 1,
      column: 1,
      message: 'a questionnaire must be a YAML mapping (id, version, sections…)',
      severity: 'error',
    });
    return { problems };
  }

  const parsed = questionnaireSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const at = locate(document, counter, [...path, key], true);
          problems.push({ file, ...at, message: `unknown key "${key}"`, severity: 'error' });
        }
        continue;
      }
      const params = (issue as { params?: { related?: Path } }).params;
      let message = zodPathMessage(issue.message, path);
      if (params?.related) {
        const first = locate(document, counter, params.related);
        message += ` (first at line ${first.line})`;
      }
      const atKey = issue.code === 'custom' && /rubric for|not a valid id/.test(issue.message);
      problems.push({ file, ...locate(document, counter, path, atKey), message, severity: 'error' });
    }
    problems.sort((a, b) => a.line - b.line || a.column - b.column);
    return { problems };
  }

  for (const warning of checkQuestionnaire(parsed.data)) {
    if (warning.severity !== 'warning') continue;
    problems.push({
      file,
      ...locate(document, counter, warning.path, warning.atKey),
      message: warning.message,
      severity: 'warning',
    });
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return {
    questionnaire: parsed.data,
    problems,
    locate: (path, atKey) => locate(document, counter, path, atKey),
  };
}
