import type { Comparator, ParsedValue, Quantity } from './value.js';

const comparatorSign: Readonly<Record<Comparator, string>> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

/** How jixiao read a value, for people: `≥ 50 人`, `每 90 天 1 次`, `定性：效果显著`, `不适用`. */
export function formatValue(v: ParsedValue): string {
  switch (v.kind) {
    case 'number':
      return `${v.comparator === null ? '' : `${comparatorSign[v.comparator]} `}${formatQuantity(v.quantity)}`;
    case 'frequency':
      return `每 ${trim(v.periodDays)} 天 ${trim(v.count)} 次`;
    case 'qualitative':
      return `定性：${v.text}`;
    case 'date':
      if (v.onTime) return '日期：按时';
      return `日期：${[v.year === null ? '' : `${v.year}年`, v.month === null ? '' : `${v.month}月`, v.day === null ? '' : `${v.day}日`].join('')}`;
    case 'compound':
      return v.parts.map(formatValue).join('；');
    case 'text-numbers':
      return `文中数字：${v.quantities.map(formatQuantity).join('、')}`;
    case 'not-applicable':
      return '不适用';
    case 'blank':
      return '空';
    case 'unparsed':
      return '无法识别';
  }
}

export function formatQuantity(q: Quantity): string {
  return `${q.approx ? '约 ' : ''}${trim(q.number)}${q.unit === null ? '' : ` ${q.unit}`}`;
}

function trim(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}
