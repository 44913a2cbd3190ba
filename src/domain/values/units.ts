import type { UnitFamily } from './value.js';

/**
 * Unit vocabulary (scoring.md §1). `scale` converts to the family's base unit so that numbers of one
 * family compare: days for durations, 元 for money. 工作日 is a family of its own because a working day
 * is not a calendar day, and 万/亿 alone are pure multipliers whose family comes from the other side.
 */
interface UnitInfo {
  readonly family: UnitFamily;
  readonly scale: number;
}

const table: Record<string, UnitInfo> = {};
function add(family: UnitFamily, scale: number, ...units: string[]): void {
  for (const u of units) table[u] = { family, scale };
}

add('persons', 1, '人', '人次', '名', '位', '人数', '人/次', '户次');
add('persons', 1e4, '万人', '万人次');
add('events', 1, '次', '场', '期', '批', '轮', '起', '场次', '回', '班', '班次', '批次', '个批次', '课时', '节');
// Points (分) compare only with points.
add('other', 1, '分');
add(
  'items',
  1,
  '件',
  '宗',
  '个',
  '项',
  '家',
  '所',
  '户',
  '份',
  '台',
  '套',
  '本',
  '册',
  '篇',
  '条',
  '处',
  '座',
  '辆',
  '张',
  '株',
  '头',
  '只',
  '間',
  '间',
  '栋',
  '个数',
  '次数',
  '例',
  '盏',
  '块',
  '部',
  '辆次',
  '卷',
  '万份',
);
add('money', 1, '元');
add('money', 1e3, '千元');
add('money', 1e4, '万元');
add('money', 1e8, '亿元');
add('percent', 1, '%', '百分比');
add('permille', 1, '‰');
add('duration', 1 / 24, '小时', '个小时', 'h');
add('duration', 1 / 1440, '分钟');
add('duration', 1, '天', '日', '个日');
add('duration', 7, '周', '个周', '星期');
add('duration', 30, '月', '个月');
add('duration', 91, '季度', '个季度');
add('duration', 365, '年', '个年', '年度');
add('workday', 1, '工作日', '个工作日');
add('length', 1, '米', 'm');
add('length', 1000, '公里', '千米', 'km');
add('area', 1, '平方米', '㎡', 'm2', 'm²');
add('area', 666.6667, '亩');
add('area', 1e4, '公顷');
add('weight', 1, '公斤', '千克', 'kg');
add('weight', 0.5, '斤');
add('weight', 1000, '吨');

/** Multipliers that are not units by themselves: `2000万` vs `3790.19万` compare as they stand. */
export const multipliers: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/** Longest first, so that `万人次` wins over `万人` and `个工作日` over `个`. */
export const knownUnits: readonly string[] = Object.keys(table).sort((a, b) => b.length - a.length);

/** The family and scale of a printed unit; unknown units are family `other`, comparable only to themselves. */
export function unitInfo(unit: string | null): UnitInfo {
  if (unit === null || unit === '') return { family: 'none', scale: 1 };
  const known = table[unit];
  if (known) return known;
  const mult = multipliers[unit];
  if (mult !== undefined) return { family: 'none', scale: mult };
  return { family: 'other', scale: 1 };
}

/** Durations of a period word used in frequencies (`每季度1次`, `3月/次`), in days. */
export const periodDays: Readonly<Record<string, number>> = {
  天: 1,
  日: 1,
  周: 7,
  星期: 7,
  旬: 10,
  月: 30,
  个月: 30,
  季: 91,
  季度: 91,
  半年: 182,
  年: 365,
  年度: 365,
};
