import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { valueText } from '../../src/domain/answer-text.ts';
import { buildModel } from '../../src/domain/model.ts';
import { parseQuestionnaireText } from '../../src/domain/questionnaire-file.ts';
import { localize, type Text } from '../../src/domain/text.ts';

const { questionnaire } = parseQuestionnaireText(
  readFileSync('test/fixtures/all-kinds.yaml', 'utf8'),
  'all-kinds.yaml',
);
const model = buildModel(questionnaire!);
const words = { yes: 'Oui', no: 'Non' };
const french = (text: Text | undefined) => localize(text, 'fr', model.sourceLocale);
const question = (id: string) => model.questions.get(id)!;
const firstOption = (id: string) => question(id).source.options![0]!;

describe('valueText', () => {
  it('names options by their label in the reader’s language, several joined', () => {
    const choice = [...model.questions.values()].find((q) => q.type === 'choice')!;
    const multi = [...model.questions.values()].find((q) => q.type === 'multi')!;
    const option = firstOption(choice.id);
    expect(valueText(choice, option.id, words, french)).toBe(french(option.label));
    const [a, b] = multi.source.options!;
    expect(valueText(multi, [a!.id, b!.id], words, french)).toBe(`${french(a!.label)}; ${french(b!.label)}`);
    expect(valueText(multi, [a!.id, 'retired'], words, french)).toBe(`${french(a!.label)}; retired`);
  });

  it('says yes or no, and keeps numbers and texts as they are', () => {
    const boolean = [...model.questions.values()].find((q) => q.type === 'boolean')!;
    expect(valueText(boolean, true, words, french)).toBe('Oui');
    expect(valueText(boolean, false, words, french)).toBe('Non');
    expect(valueText(question('selection'), 3, words, french)).toBe('3');
    expect(valueText(undefined, 'some-option', words, french)).toBe('some-option');
  });
});
