/**
 * The `showIf` language of SPEC §4.4: a tiny recursive-descent parser and an
 * evaluator over answer values. Expressions are parsed, never evaluated as code.
 */

export type Literal = number | string | boolean;
export type Operator = '==' | '!=' | '<' | '<=' | '>' | '>=';

export type Expression =
  | { readonly kind: 'or'; readonly operands: readonly Expression[] }
  | { readonly kind: 'and'; readonly operands: readonly Expression[] }
  | { readonly kind: 'not'; readonly operand: Expression }
  | {
      readonly kind: 'compare';
      readonly question: string;
      readonly operator: Operator;
      readonly literal: Literal;
      /** Offset of the question id in the source, for error messages. */
      readonly at: number;
    };

/** The value a question stands for on a sheet; `undefined` when it has none. */
export type SheetValue = number | string | boolean | ReadonlySet<string> | undefined;

type Token =
  | { kind: 'id'; text: string; at: number }
  | { kind: 'keyword'; text: 'and' | 'or' | 'not' | 'true' | 'false'; at: number }
  | { kind: 'number'; value: number; text: string; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'operator'; text: Operator; at: number }
  | { kind: 'paren'; text: '(' | ')'; at: number };

export class ShowIfSyntaxError extends Error {
  readonly at: number;
  constructor(message: string, at: number) {
    super(message);
    this.name = 'ShowIfSyntaxError';
    this.at = at;
  }
}

const KEYWORDS = new Set(['and', 'or', 'not', 'true', 'false']);
const ID_AT = /[a-z][a-z0-9]*(?:-[a-z0-9]+)*/y;
const NUMBER_AT = /-?[0-9]+(?:\.[0-9]+)?/y;
const OPERATORS: readonly Operator[] = ['==', '!=', '<=', '>=', '<', '>'];

function matchAt(pattern: RegExp, source: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(source)?.[0];
}

/** Reads tokens left to right, each the longest that fits. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const char = source.charAt(at);
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      at += 1;
      continue;
    }
    if (char === '(' || char === ')') {
      tokens.push({ kind: 'paren', text: char, at });
      at += 1;
      continue;
    }
    if (char === "'") {
      const end = source.indexOf("'", at + 1);
      if (end < 0) throw new ShowIfSyntaxError('unterminated string', at);
      tokens.push({ kind: 'string', value: source.slice(at + 1, end), at });
      at = end + 1;
      continue;
    }
    const operator = OPERATORS.find((op) => source.startsWith(op, at));
    if (operator) {
      tokens.push({ kind: 'operator', text: operator, at });
      at += operator.length;
      continue;
    }
    const number = matchAt(NUMBER_AT, source, at);
    if (number !== undefined) {
      tokens.push({ kind: 'number', value: Number(number), text: number, at });
      at += number.length;
      continue;
    }
    const id = matchAt(ID_AT, source, at);
    if (id !== undefined) {
      if (KEYWORDS.has(id)) {
        tokens.push({ kind: 'keyword', text: id as 'and' | 'or' | 'not' | 'true' | 'false', at });
      } else {
        tokens.push({ kind: 'id', text: id, at });
      }
      at += id.length;
      continue;
    }
    throw new ShowIfSyntaxError(`unexpected character "${char}"`, at);
  }
  return tokens;
}

function describe(token: Token | undefined): string {
  if (!token) return 'end of expression';
  switch (token.kind) {
    case 'string':
      return `'${token.value}'`;
    case 'number':
      return token.text;
    default:
      return `"${token.text}"`;
  }
}

/** Parses a `showIf` expression; throws `ShowIfSyntaxError` with an offset. */
export function parseShowIf(source: string): Expression {
  const tokens = tokenize(source);
  if (tokens.length === 0) throw new ShowIfSyntaxError('empty expression', 0);
  let position = 0;
  const peek = (): Token | undefined => tokens[position];
  const fail = (expected: string): never => {
    const token = peek();
    throw new ShowIfSyntaxError(`expected ${expected}, found ${describe(token)}`, token?.at ?? source.length);
  };
  const isKeyword = (word: string): boolean => {
    const token = peek();
    return token?.kind === 'keyword' && token.text === word;
  };

  const expression = (): Expression => {
    const operands = [conjunction()];
    while (isKeyword('or')) {
      position += 1;
      operands.push(conjunction());
    }
    return operands.length === 1 ? operands[0]! : { kind: 'or', operands };
  };
  const conjunction = (): Expression => {
    const operands = [negation()];
    while (isKeyword('and')) {
      position += 1;
      operands.push(negation());
    }
    return operands.length === 1 ? operands[0]! : { kind: 'and', operands };
  };
  const negation = (): Expression => {
    if (isKeyword('not')) {
      position += 1;
      return { kind: 'not', operand: negation() };
    }
    const token = peek();
    if (token?.kind === 'paren' && token.text === '(') {
      position += 1;
      const inner = expression();
      const close = peek();
      if (close?.kind !== 'paren' || close.text !== ')') fail('")"');
      position += 1;
      return inner;
    }
    return comparison();
  };
  const comparison = (): Expression => {
    const id = peek();
    if (id?.kind !== 'id') return fail('a question id');
    position += 1;
    const operator = peek();
    if (operator?.kind !== 'operator') return fail('a comparison operator');
    position += 1;
    const literal = peek();
    let value: Literal;
    if (literal?.kind === 'number' || literal?.kind === 'string') value = literal.value;
    else if (literal?.kind === 'keyword' && (literal.text === 'true' || literal.text === 'false'))
      value = literal.text === 'true';
    else return fail('a number, a quoted string, true or false');
    position += 1;
    return { kind: 'compare', question: id.text, operator: operator.text, literal: value, at: id.at };
  };

  const result = expression();
  if (position < tokens.length) fail('"and", "or" or the end of the expression');
  return result;
}

/** Every question id the expression names, in order of appearance. */
export function referencedQuestions(expression: Expression): string[] {
  switch (expression.kind) {
    case 'compare':
      return [expression.question];
    case 'not':
      return referencedQuestions(expression.operand);
    default:
      return expression.operands.flatMap(referencedQuestions);
  }
}

function isSet(value: SheetValue): value is ReadonlySet<string> {
  return value instanceof Set;
}

function compare(value: SheetValue, operator: Operator, literal: Literal): boolean {
  if (value === undefined) return false;
  if (isSet(value)) {
    if (typeof literal === 'string') {
      if (operator === '==') return value.has(literal);
      if (operator === '!=') return !value.has(literal);
      return false;
    }
    return operator === '!=';
  }
  if (typeof value === 'number' && typeof literal === 'number') {
    switch (operator) {
      case '==':
        return value === literal;
      case '!=':
        return value !== literal;
      case '<':
        return value < literal;
      case '<=':
        return value <= literal;
      case '>':
        return value > literal;
      case '>=':
        return value >= literal;
    }
  }
  const sameKind = typeof value === typeof literal;
  if (operator === '==') return sameKind && value === literal;
  if (operator === '!=') return !sameKind || value !== literal;
  return false;
}

/** Evaluates on one sheet; `valueOf` gives each question's value there. */
export function evaluateShowIf(expression: Expression, valueOf: (question: string) => SheetValue): boolean {
  switch (expression.kind) {
    case 'or':
      return expression.operands.some((operand) => evaluateShowIf(operand, valueOf));
    case 'and':
      return expression.operands.every((operand) => evaluateShowIf(operand, valueOf));
    case 'not':
      return !evaluateShowIf(expression.operand, valueOf);
    case 'compare':
      return compare(valueOf(expression.question), expression.operator, expression.literal);
  }
}
