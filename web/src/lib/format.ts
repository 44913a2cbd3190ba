import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Grade } from './core';

dayjs.locale('zh-cn');

const money = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const plain = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** `1,234.50 万元`; `—` for null. Amounts stay in the form's printed unit. */
export function formatMoney(n: number | null | undefined, unit: string = '万元'): string {
  return n == null ? '—' : `${money.format(n)} ${unit}`;
}

/** A score or plain number with at most two decimals: `98.97`. */
export function formatNumber(n: number | null | undefined): string {
  return n == null || Number.isNaN(n) ? '—' : plain.format(n);
}

/** A percent given in percent units: `99.75%`. */
export function formatPercent(n: number | null | undefined): string {
  return n == null || Number.isNaN(n) ? '—' : `${plain.format(n)}%`;
}

/** A ratio in [0, 1] as a percent: `0.95` → `95%`. */
export function formatRatio(r: number | null | undefined): string {
  return r == null ? '—' : `${plain.format(r * 100)}%`;
}

/** `2026年11月26日 18:07`; the raw text when it is not a date. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY年M月D日 HH:mm') : iso;
}

/** Rounds for display only (scores are exact until shown). */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export const gradeColor: Readonly<Record<Grade, string>> = { 优: 'green', 良: 'blue', 中: 'orange', 差: 'red' };
