import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { parseQuestionnaireText } from '../../src/domain/questionnaire-file.ts';

const readme = readFileSync('README.md', 'utf8');

describe('README', () => {
  it('shows the example questionnaire that the tests validate, unchanged', () => {
    const block = /<!-- example:start -->\s*```yaml\n([\s\S]*?)```\s*<!-- example:end -->/.exec(readme)?.[1];
    expect(block).toBe(readFileSync('test/fixtures/example.yaml', 'utf8'));
    const { questionnaire, problems } = parseQuestionnaireText(block!, 'README.md');
    expect(problems).toEqual([]);
    expect(questionnaire?.id).toBe('border-quick-check');
  });

  it('documents every npm script a user runs', () => {
    const scripts = Object.keys(
      JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>,
    );
    for (const script of ['start', 'test', 'build', 'cairn', 'bench']) {
      expect(scripts).toContain(script);
      expect(readme).toMatch(new RegExp(`npm (run )?${script}\\b`));
    }
  });
});
