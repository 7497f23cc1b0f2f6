import { describe, expect, it } from 'vitest';

import {
  evaluateShowIf,
  parseShowIf,
  referencedQuestions,
  ShowIfSyntaxError,
  tokenize,
  type SheetValue,
} from '../../src/domain/show-if.ts';

const run = (source: string, values: Record<string, SheetValue>) =>
  evaluateShowIf(parseShowIf(source), (id) => values[id]);

describe('SPEC §4.4 showIf: tokens', () => {
  it('reads the longest token at each step: c-1a is one id', () => {
    expect(tokenize('c-1a == 1').map((token) => token.kind)).toEqual(['id', 'operator', 'number']);
    expect(referencedQuestions(parseShowIf('c-1a == 1'))).toEqual(['c-1a']);
  });

  it('reads x>3and y<2 as x > 3 and y < 2', () => {
    expect(run('x>3and y<2', { x: 4, y: 1 })).toBe(true);
    expect(run('x>3and y<2', { x: 4, y: 2 })).toBe(false);
  });

  it('reads negative and decimal numbers, and quoted strings with spaces', () => {
    expect(run('a == -1.5', { a: -1.5 })).toBe(true);
    expect(run("a == 'Big Unit'", { a: 'Big Unit' })).toBe(true);
    expect(run("a == 'big unit'", { a: 'Big Unit' })).toBe(false);
  });

  it('reads an id that only starts with a keyword as an id', () => {
    expect(referencedQuestions(parseShowIf('android == 1 or notes == 2'))).toEqual(['android', 'notes']);
  });
});

describe('SPEC §4.4 showIf: grammar', () => {
  it('binds "and" tighter than "or"', () => {
    expect(run('a == 1 or b == 1 and c == 1', { a: 1, b: 0, c: 0 })).toBe(true);
    expect(run('(a == 1 or b == 1) and c == 1', { a: 1, b: 0, c: 0 })).toBe(false);
  });

  it('applies "not" to the negation that follows', () => {
    expect(run('not a == 1 and b == 1', { a: 2, b: 1 })).toBe(true);
    expect(run('not not a == 1', { a: 1 })).toBe(true);
  });

  it.each([
    ['', 'empty expression'],
    ['a ==', 'expected a number'],
    ['a == b', 'expected a number'],
    ['1 == a', 'expected a question id'],
    ['(a == 1', 'expected ")"'],
    ['a == 1 b == 2', 'expected "and", "or"'],
    ["a == 'open", 'unterminated string'],
    ['a = 1', 'unexpected character'],
    ['a == - 1', 'unexpected character'],
    ['a == 1.', 'unexpected character'],
    ['A == 1', 'unexpected character'],
  ])('rejects %j', (source, message) => {
    expect(() => parseShowIf(source)).toThrow(ShowIfSyntaxError);
    expect(() => parseShowIf(source)).toThrow(message);
  });
});

describe('SPEC §4.4 showIf: values on a sheet', () => {
  it('compares numbers exactly and orders only numbers', () => {
    expect(run('a >= 2', { a: 2 })).toBe(true);
    expect(run('a < 2', { a: 2 })).toBe(false);
    expect(run("a < 'b'", { a: 'a' })).toBe(false);
    expect(run('a > false', { a: true })).toBe(false);
  });

  it('never equates values of different kinds', () => {
    expect(run('a != 1', { a: true })).toBe(true);
    expect(run('a == 1', { a: true })).toBe(false);
    expect(run("a != '3'", { a: 3 })).toBe(true);
    expect(run("a == '3'", { a: 3 })).toBe(false);
    expect(run('a == true', { a: true })).toBe(true);
    expect(run('a != false', { a: true })).toBe(true);
  });

  it('makes every comparison false where the question has no value, != included', () => {
    for (const op of ['==', '!=', '<', '<=', '>', '>=']) expect(run(`a ${op} 1`, {})).toBe(false);
    expect(run('not a == 1', {})).toBe(true);
  });

  it('tests membership for a set of options', () => {
    const values = { m: new Set(['x', 'y']) };
    expect(run("m == 'x'", values)).toBe(true);
    expect(run("m != 'x'", values)).toBe(false);
    expect(run("m != 'z'", values)).toBe(true);
    expect(run("m == 'z'", values)).toBe(false);
    expect(run("m > 'a'", values)).toBe(false);
    expect(run('m == 1', values)).toBe(false);
    expect(run('m != 1', values)).toBe(true);
    expect(run("m == 'x'", { m: new Set() })).toBe(false);
  });
});
