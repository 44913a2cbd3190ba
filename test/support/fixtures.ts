import { readFileSync } from 'node:fs';
import type { Form } from '../../src/domain/form/form.schema.js';

/** The repository root, so that tests find fixtures/ whatever the working directory. */
export const repoRoot = new URL('../../', import.meta.url);

export function fixturePath(relative: string): string {
  return new URL(`fixtures/${relative}`, repoRoot).pathname;
}

export function readFixture(relative: string): string {
  return readFileSync(fixturePath(relative), 'utf8');
}

export function seedForms(): Form[] {
  return JSON.parse(readFixture('seed/pingshan-justice-2020.golden.json')) as Form[];
}

export interface SeedExpected {
  profile: string;
  tolerance: number;
  forms: {
    project: string;
    budgetScore: number;
    categories: Record<string, number>;
    total: number;
    grade: string;
    provisional: boolean;
    indicators: { name: string; ratio: number | null; status: string }[];
  }[];
  findings: { mustInclude: { project: string; code: string; indicator: string | null }[]; mustNotInclude: string[] };
  summary: {
    department: string;
    year: number;
    projects: number;
    budget: number;
    executed: number;
    rate: number;
    score: number;
    grades: Record<string, number>;
    recurringIndicators: { name: string; kind: string; projects: number; target?: number; actual: number }[];
  };
}

export function seedExpected(): SeedExpected {
  return JSON.parse(readFixture('seed/pingshan-justice-2020.expected.json')) as SeedExpected;
}
