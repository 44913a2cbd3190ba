import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { builtinProfiles, checkForm, scoreForm, summarizeDepartments } from '../../src/domain/index.js';
import { exportSummary } from '../../src/io/export/index.js';
import { goldenForms, scoredForm } from './export-forms.js';

const profile = builtinProfiles['central-2020'];
if (profile === undefined) throw new Error('central-2020 missing');

/** Data rows of a sheet as header → value records. */
function records(sheet: ExcelJS.Worksheet): Record<string, unknown>[] {
  const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const out: Record<string, unknown>[] = [];
  sheet.eachRow((row, r) => {
    if (r === 1) return;
    const values = (row.values as unknown[]).slice(1);
    out.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])));
  });
  return out;
}

describe('exportSummary: the department summary workbook', () => {
  const forms = [...goldenForms(), scoredForm];
  const scores = forms.map((f) => scoreForm(f, profile));
  const summaries = summarizeDepartments(forms, scores, profile);

  it('has one sheet each for departments, projects, funding, recurring indicators and findings', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await exportSummary(forms, profile)) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['部门汇总', '项目', '资金来源', '重复指标', '问题']);
    const sheet = (name: string): ExcelJS.Worksheet => book.getWorksheet(name) as ExcelJS.Worksheet;

    const departments = records(sheet('部门汇总'));
    expect(departments.map((d) => d['主管部门'])).toEqual(summaries.map((s) => s.department));
    expect(departments.map((d) => d['全年预算数（万元）'])).toEqual(summaries.map((s) => s.budget));

    const projects = records(sheet('项目'));
    expect(projects).toHaveLength(forms.length);
    for (const s of scores) {
      const row = projects.find((p) => p['项目名称'] === s.project);
      expect(row?.['总分']).toBe(s.total);
      expect(row?.['等级']).toBe(s.grade);
    }
    // Project budgets add up to their department's total (万元; 元 forms converted).
    for (const s of summaries) {
      const sum = projects
        .filter((p) => p['主管部门'] === s.department)
        .reduce((n, p) => n + Number(p['全年预算数（万元）'] ?? 0), 0);
      expect(sum).toBeCloseTo(s.budget, 6);
    }

    const recurring = records(sheet('重复指标'));
    expect(recurring.map((r) => r['三级指标'])).toEqual(summaries.flatMap((s) => s.indicators.map((i) => i.name)));
    expect(recurring.length).toBeGreaterThan(0);

    const findings = records(sheet('问题'));
    expect(findings).toHaveLength(forms.reduce((n, f) => n + checkForm(f, scoreForm(f, profile), profile).length, 0));
    expect(sheet('项目').pageSetup.printTitlesRow).toBe('1:1');
  });
});
