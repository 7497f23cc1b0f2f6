import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { assessmentSchema } from '../../src/domain/assessment-schema.ts';
import { buildModel } from '../../src/domain/model.ts';
import { parseQuestionnaireText } from '../../src/domain/questionnaire-file.ts';
import { scoreAssessment, scoreResultJson } from '../../src/domain/scoring.ts';
import { docxText } from '../unzip.ts';

const QUESTIONNAIRE = 'test/fixtures/example.yaml';
const ASSESSMENT = 'test/fixtures/example.cairn.json';

// The project's own Node (≥ 22.12), whichever Node runs the tests.
const NODE = existsSync('node_modules/.bin/node') ? 'node_modules/.bin/node' : process.execPath;

function cairn(...args: string[]) {
  const result = spawnSync(NODE, ['src/cli/main.ts', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const scratch = mkdtempSync(join(tmpdir(), 'cairn-cli-'));
function file(name: string, content: unknown): string {
  const path = join(scratch, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
const example = () => JSON.parse(readFileSync(ASSESSMENT, 'utf8'));

function expectOneCleanLine(stderr: string, ...parts: string[]) {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  for (const part of parts) expect(lines[0]).toContain(part);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('cairn validate', () => {
  it('passes every shipped questionnaire', () => {
    const result = cairn('validate');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/questionnaires\/rm-core\.yaml: ok/);
  });

  it('reports each problem as path:line:col: message and exits 1', () => {
    const text = readFileSync(QUESTIONNAIRE, 'utf8')
      .replace('weight: 2', 'weight: 0')
      .replace('type: boolean', 'type: boolean\n        colour: red');
    const broken = file('broken.yaml', text);
    const result = cairn('validate', broken);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${broken}:29:17: weight must be greater than 0`);
    expect(result.stderr).toMatch(new RegExp(`${broken}:\\d+:9: unknown key "colour"`));
  });

  it('names a missing file', () => {
    const result = cairn('validate', 'nowhere.yaml');
    expect(result.code).toBe(1);
    expectOneCleanLine(result.stderr, 'nowhere.yaml', 'no such file');
  });

  it('prints translation coverage per locale', () => {
    expect(cairn('validate', QUESTIONNAIRE).stdout).toContain('translations: en 100%, fr 100%');
  });

  it('checks alsoIn links against the shipped questionnaires: a missing question is an error with its place', () => {
    const linked = (link: string) =>
      readFileSync(QUESTIONNAIRE, 'utf8').replace(
        '        weight: 2\n',
        `        weight: 2\n        alsoIn:\n          - ${link}\n`,
      );
    const good = file('linked.yaml', linked('{ questionnaire: pca, question: pca-feedback-profiles }'));
    const ok = cairn('validate', good);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);

    const typo = file('typo.yaml', linked('{ questionnaire: pca, question: pca-feedback-profile }'));
    const bad = cairn('validate', typo);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe(
      `${typo}:31:45: alsoIn: questionnaire "pca" has no question "pca-feedback-profile"`,
    );

    const elsewhere = file('elsewhere.yaml', linked('{ questionnaire: ports-audit, question: scanners }'));
    const warned = cairn('validate', elsewhere);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toContain(`${elsewhere}:31:30: warning: alsoIn: questionnaire "ports-audit"`);

    const self = file('self.yaml', linked('{ questionnaire: border-quick-check, question: has-scanner }'));
    expect(cairn('validate', self).stderr).toContain('alsoIn names another questionnaire, not this one');
  });
});

describe('cairn score', () => {
  it('prints the same result as the domain engine', () => {
    const result = cairn('score', QUESTIONNAIRE, ASSESSMENT);
    expect(result.code).toBe(0);
    const { questionnaire } = parseQuestionnaireText(readFileSync(QUESTIONNAIRE, 'utf8'), QUESTIONNAIRE);
    const expected = scoreResultJson(
      scoreAssessment(buildModel(questionnaire!), assessmentSchema.parse(example())),
    );
    expect(JSON.parse(result.stdout)).toEqual(expected);
    expect(JSON.parse(result.stdout).overall).toMatchObject({
      display: 'Defined',
      answered: 3,
      total: 3,
      insufficient: 1,
    });
  });

  it.each([
    ['an unreadable file', () => 'missing.json', 'missing.json', 'no such file'],
    ['invalid JSON', () => file('bad.json', '{"format": '), 'bad.json', 'invalid JSON'],
    [
      'a file that is not an assessment',
      () => file('other.json', { hello: 1 }),
      'other.json',
      'not a Cairn assessment',
    ],
    [
      'a file of another questionnaire',
      () => file('wrong-q.json', { ...example(), questionnaire: { id: 'pca', version: '1.0.0' } }),
      'wrong-q.json',
      'questionnaire "pca"',
    ],
    [
      'an unknown question of the same version',
      () =>
        file('unknown-q.json', { ...example(), answers: [{ question: 'nope', respondent: 'r1', value: 1 }] }),
      'unknown-q.json',
      'unknown question "nope"',
    ],
    [
      'an unknown respondent',
      () =>
        file('unknown-r.json', {
          ...example(),
          answers: [{ question: 'has-scanner', respondent: 'zz', value: true }],
        }),
      'unknown-r.json',
      'unknown respondent "zz"',
    ],
    [
      'a value off the scale',
      () =>
        file('off.json', {
          ...example(),
          answers: [{ question: 'selection-criteria', respondent: 'r1', value: 7 }],
        }),
      'off.json',
      '7 is not on its scale',
    ],
    [
      'a value of the wrong kind',
      () =>
        file('kind.json', {
          ...example(),
          answers: [{ question: 'has-scanner', respondent: 'r1', value: 'yes' }],
        }),
      'kind.json',
      'expects true or false',
    ],
    [
      'an unknown option',
      () =>
        file('option.json', {
          ...example(),
          answers: [{ question: 'scanner-feedback', respondent: 'r1', value: 'often' }],
        }),
      'option.json',
      '"often" is not one of its options',
    ],
  ])('rejects %s with one line and exit 1', (_, make, name, message) => {
    const result = cairn('score', QUESTIONNAIRE, make());
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expectOneCleanLine(result.stderr, name, message);
  });

  it('rejects an invalid questionnaire with its line and column', () => {
    const broken = file('broken-q.yaml', 'id: x\nversion: 1\n');
    const result = cairn('score', broken, ASSESSMENT);
    expect(result.code).toBe(1);
    expectOneCleanLine(result.stderr, `${broken}:`);
  });

  it('scores a file of another version, leaving out and naming answers to questions it no longer has', () => {
    const older = file('older.json', {
      ...example(),
      questionnaire: { id: 'border-quick-check', version: '0.9.0' },
      answers: [...example().answers, { question: 'retired-item', respondent: 'r1', value: 2 }],
    });
    const result = cairn('score', QUESTIONNAIRE, older);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('"retired-item"');
    expect(JSON.parse(result.stdout).overall.answered).toBe(3);
  });
});

describe('cairn report', () => {
  const out = (name: string) => join(scratch, name);

  it('writes the JSON report: the score result plus the ranked gaps', () => {
    const target = out('report.json');
    const result = cairn('report', QUESTIONNAIRE, ASSESSMENT, '--format', 'json', '-o', target);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(readFileSync(target, 'utf8'));
    const scored = JSON.parse(cairn('score', QUESTIONNAIRE, ASSESSMENT).stdout);
    expect(json.overall).toEqual(scored.overall);
    expect(json.nodes).toEqual(scored.nodes);
    // selection-criteria: gap 0.5 on a 1–3 range, weight 2 of 4 → 0.125; scanner-feedback: 0.5 on 0–1, 1 of 4 → 0.125.
    expect(json.gaps.map((gap: { id: string; priority: number }) => [gap.id, gap.priority])).toEqual([
      ['selection-criteria', 0.125],
      ['scanner-feedback', 0.125],
    ]);
    expect(json.strengths).toEqual(['has-scanner']);
    expect(json.insufficient).toEqual(['scanner-feedback']);
  });

  it('writes a CSV with a byte-order mark and one row per item', () => {
    const target = out('report.csv');
    expect(cairn('report', QUESTIONNAIRE, ASSESSMENT, '--format=csv', '-o', target).code).toBe(0);
    const text = readFileSync(target, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Area,Item,Question,Targeting centre,Port office,Score,Target,Gap,Flags,Notes');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe(
      'selection,selection-criteria,How are consignments chosen for examination?,3,2,2.5,3,0.5,,Port office: Manual lists at night',
    );
  });

  it('writes an XLSX workbook', () => {
    const target = out('report.xlsx');
    expect(cairn('report', QUESTIONNAIRE, ASSESSMENT, '--format', 'xlsx', '-o', target).code).toBe(0);
    expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a bad format or missing output, and never leaves a partial file', () => {
    const target = out('never.csv');
    const badFormat = cairn('report', QUESTIONNAIRE, ASSESSMENT, '--format', 'pdf', '-o', target);
    expect(badFormat.code).toBe(1);
    expectOneCleanLine(badFormat.stderr, 'unknown format "pdf"');
    expect(cairn('report', QUESTIONNAIRE, ASSESSMENT, '--format', 'csv').code).toBe(1);
    const badFile = file('bad.json', '{');
    const result = cairn('report', QUESTIONNAIRE, badFile, '--format', 'csv', '-o', target);
    expect(result.code).toBe(1);
    expectOneCleanLine(result.stderr, badFile, 'invalid JSON');
    expect(existsSync(target)).toBe(false);
    const unwritable = cairn(
      'report',
      QUESTIONNAIRE,
      ASSESSMENT,
      '--format',
      'csv',
      '-o',
      join(scratch, 'no', 'such', 'dir.csv'),
    );
    expect(unwritable.code).toBe(1);
    expectOneCleanLine(unwritable.stderr, 'cannot be written');
  });

  const MISSION = 'test/fixtures/rm-core-mission.cairn.json';
  const RM_CORE = 'questionnaires/rm-core.yaml';

  it('adds the roadmap to the JSON report: phases with their actions, by id', () => {
    const target = out('plan.json');
    expect(cairn('report', RM_CORE, MISSION, '--format', 'json', '-o', target).code).toBe(0);
    const { roadmap } = JSON.parse(readFileSync(target, 'utf8'));
    expect(roadmap.phases.map((phase: { start: number; end: number }) => [phase.start, phase.end])).toEqual([
      [0, 6],
      [6, 12],
      [12, 24],
      [24, 36],
      [36, 60],
    ]);
    const ids = roadmap.phases.flatMap((phase: { actions: { id: string }[] }) =>
      phase.actions.map((a) => a.id),
    );
    expect(ids).toContain('data-governance-to-3');
    // A step follows the same item's earlier step.
    expect(ids.indexOf('data-governance-to-4')).toBeGreaterThan(ids.indexOf('data-governance-to-3'));
  });

  it('writes the roadmap as a Word document and the action plan in the XLSX', async () => {
    const word = out('plan.docx');
    const result = cairn('report', RM_CORE, MISSION, '--format', 'docx', '-o', word);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const text = await docxText(new Uint8Array(readFileSync(word)));
    expect(text).toContain('Capacity-building roadmap');
    expect(text).toContain('Roadmap by phase');
    expect(text).toContain('Diagnostic mission, March 2026');

    const sheet = out('plan.xlsx');
    expect(cairn('report', RM_CORE, MISSION, '--format', 'xlsx', '-o', sheet).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(readFileSync(sheet)).buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Summary', 'Items', 'Gaps', 'Action plan']);
    expect(workbook.getWorksheet('Action plan')!.getCell('A1').value).toBe('Action');
  });
});

describe('cairn merge', () => {
  const laptop = (name: string, respondent: string, answers: unknown[], updated: string) => {
    const base = example();
    return file(name, {
      ...base,
      updated,
      respondents: [{ id: respondent, name: respondent.toUpperCase() }],
      answers,
    });
  };
  const a = () =>
    laptop(
      'a.cairn.json',
      'r1',
      [
        { question: 'selection-criteria', respondent: 'r1', value: 3, updated: '2026-03-02T10:00:00Z' },
        { question: 'has-scanner', respondent: 'r1', value: true, updated: '2026-03-02T10:05:00Z' },
      ],
      '2026-03-02T18:00:00Z',
    );
  const b = () =>
    laptop(
      'b.cairn.json',
      'r2',
      [
        { question: 'selection-criteria', respondent: 'r2', value: 2, updated: '2026-03-03T10:00:00Z' },
        // The same respondent's answer, edited later on the other laptop.
        { question: 'selection-criteria', respondent: 'r1', value: 1, updated: '2026-03-03T11:00:00Z' },
      ],
      '2026-03-03T18:00:00Z',
    );

  it('unites respondents and answers, keeps the later of two answers and prints the conflict', () => {
    const out = join(scratch, 'merged.json');
    const result = cairn('merge', a(), b(), '-o', out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'conflict: answer of r1 to "selection-criteria": kept 1 at 2026-03-03T11:00:00Z, over 3 at 2026-03-02T10:00:00Z',
    );
    expect(result.stdout).toMatch(
      /merged 2 files into .*: 2 respondents, 3 answers, 0 consensus ratings, 1 conflict$/m,
    );
    const merged = JSON.parse(readFileSync(out, 'utf8'));
    expect(merged.respondents.map((r: { id: string }) => r.id)).toEqual(['r1', 'r2']);
    expect(cairn('score', QUESTIONNAIRE, out).code).toBe(0);
  });

  it('gives the same file whatever the order of the files', () => {
    const one = join(scratch, 'ab.json');
    const two = join(scratch, 'ba.json');
    cairn('merge', a(), b(), '-o', one);
    cairn('merge', b(), a(), '-o', two);
    expect(readFileSync(one, 'utf8')).toBe(readFileSync(two, 'utf8'));
  });

  it('refuses files of different questionnaires with one line, and writes nothing', () => {
    const other = file('other.cairn.json', {
      ...example(),
      questionnaire: { id: 'elsewhere', version: '1.0.0' },
    });
    const out = join(scratch, 'never-merged.json');
    const result = cairn('merge', a(), other, '-o', out);
    expect(result.code).toBe(1);
    expectOneCleanLine(result.stderr, other, 'files of different questionnaires do not merge');
    expect(existsSync(out)).toBe(false);
  });

  it('migrates a file of an older version before merging', () => {
    const old = file('old.cairn.json', {
      ...example(),
      questionnaire: { id: 'border-quick-check', version: '0.9.0' },
      answers: [{ question: 'retired-item', respondent: 'r1', value: 2, updated: '2026-01-01T00:00:00Z' }],
    });
    const out = join(scratch, 'migrated.json');
    const result = cairn('merge', a(), old, '-o', out, '--questionnaire', QUESTIONNAIRE);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `${old}: migrated from version 0.9.0 to 1.0.0; left out answers to retired-item`,
    );
    expect(JSON.parse(readFileSync(out, 'utf8')).questionnaire.version).toBe('1.0.0');
  });
});

describe('other commands', () => {
  it('rejects an unknown command', () => {
    expect(cairn('frobnicate').code).toBe(1);
  });
});
