import { addExtra, type ParseContext } from './form-draft.js';
import type { Row } from './indicator-rows.js';
import { joinWrapped } from './join-wrapped.js';
import { tokenText, useToken, type LabelToken } from './cell-stream.js';
import { AMBIGUOUS_LEVEL_NAMES, normalizeLabel, splitPoints } from './vocabulary.js';

/**
 * The current 一级/二级指标 while reading the indicator table. Category labels set it; a category
 * name printed again right under itself (`服务对象满意度指标` / `服务对象满意度`, `可持续影响指标` /
 * `可持续`) is the name of an indicator, not a new category.
 */

/** Names printed as level 1 in some templates and as level 2 under these level-1 names in others. */
const LEVEL2_UNDER: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['成本指标', new Set(['产出指标', '项目产出'])],
  ['满意度指标', new Set(['效果指标', '项目效益'])],
]);
const COST_LEVEL2 = /^(经济|社会|生态环境)成本指标$/;
/** The usual level 1 of a level 2, for tables whose level-1 label was lost. */
const LEVEL1_OF: ReadonlyMap<string, string> = new Map([
  ['数量', '产出指标'],
  ['质量', '产出指标'],
  ['时效', '产出指标'],
  ['成本', '产出指标'],
  ['经济效益', '效益指标'],
  ['社会效益', '效益指标'],
  ['生态效益', '效益指标'],
  ['环境效益', '效益指标'],
  ['可持续影响', '效益指标'],
  ['可持续', '效益指标'],
  ['可持续性', '效益指标'],
  ['服务对象满意度', '满意度指标'],
]);

const canonical = (level: string): string => level.replace(/指标$/, '');

export class LevelTracker {
  level1 = '';
  level2 = '';
  /** Rows read since the last category label. */
  rowsInLevel = 0;
  /** The level 2 was read from a pipe row's 二级指标 cell (no category of the vocabulary). */
  private level2FromCell = false;
  constructor(private readonly ctx: ParseContext) {}

  /**
   * True when a pipe row's first name cell stands in the 二级指标 column: the first row under a
   * level 1 with no level 2 yet, or a row under a level 2 read so (the rubric's 项目目标, 项目立项).
   */
  takesLevel2Cell(): boolean {
    return this.level2FromCell || (this.level1 !== '' && this.level2 === '' && this.rowsInLevel === 0);
  }

  /** A level 2 printed in its column but not in the vocabulary (`| 项目立项 | 相关性 | 2 | — | …`). */
  applyCell(name: string, line: number): void {
    this.level2 = name;
    this.rowsInLevel = 0;
    this.level2FromCell = true;
    this.ctx.log.add(
      'indicator-level-from-cell',
      'info',
      `"${name}"在二级指标列中，不是常见的二级指标名称，按二级指标读取，请核对。`,
      line,
      name,
      { form: this.ctx.form, path: 'indicators' },
    );
  }

  rowAdded(): void {
    this.rowsInLevel += 1;
  }

  /** A level-1 label was lost (only its `(50分)` is left): the level 1 is unknown from here. */
  lost(): void {
    this.level1 = '';
    this.level2 = '';
    this.level2FromCell = false;
  }

  /** True when the label, where it stands, is an indicator named after its category. */
  isIndicatorName(token: LabelToken): boolean {
    const parents = LEVEL2_UNDER.get(token.key);
    if (token.kinds.has('level1') && (parents === undefined || !parents.has(this.level1))) return false;
    // The same category printed again right under itself is an indicator named after it.
    const here = canonical(this.level2);
    return this.level2 !== '' && this.rowsInLevel === 0 && here.startsWith(canonical(token.key));
  }

  /** Applies a category label; false when, where it stands, it is an indicator name instead. */
  apply(token: LabelToken): boolean {
    const name = token.key;
    if (this.isIndicatorName(token)) return false;
    const parents = LEVEL2_UNDER.get(name);
    // `满意度指标 | 满意度指标 | 群众满意度` (121, 102): a name that templates print as level 1 or as
    // level 2, printed again right after itself, stands the second time in the 二级指标 column.
    const again =
      AMBIGUOUS_LEVEL_NAMES.has(name) && name === this.level1 && this.level2 === '' && this.rowsInLevel === 0;
    const asLevel1 = token.kinds.has('level1') && !again && (parents === undefined || !parents.has(this.level1));
    if (asLevel1) {
      this.level1 = name;
      this.level2 = '';
    } else {
      const inferred = this.level1 === '' ? LEVEL1_OF.get(canonical(name)) : undefined;
      if (inferred !== undefined) {
        this.level1 = inferred;
        this.ctx.log.add(
          'indicator-level-inferred',
          'info',
          `"${name}"前没有一级指标名称，按常规归入"${inferred}"，请核对。`,
          token.line,
          null,
          { form: this.ctx.form, path: 'indicators' },
        );
      }
      // 2021+ templates print 成本指标 as level 1 with 经济/社会/生态环境成本指标 under it.
      if (COST_LEVEL2.test(name) && this.level2 === '成本指标' && this.rowsInLevel === 0) this.level1 = '成本指标';
      this.level2 = name;
    }
    this.rowsInLevel = 0;
    this.level2FromCell = false;
    useToken(token);
    const printed = splitPoints(normalizeLabel(tokenText(token))).base;
    if (printed === `${name}等`)
      this.ctx.log.add(
        'level-label-etc',
        'info',
        `"${printed}"按"${name}"读取（略去模板的"等"字），请核对。`,
        token.line,
        tokenText(token),
        { form: this.ctx.form, path: 'indicators' },
      );
    else if (printed !== name && printed.length === name.length)
      this.ctx.log.add(
        'label-misread',
        'info',
        `"${printed}"按"${name}"读取（识别错字），请核对。`,
        token.line,
        tokenText(token),
        {
          form: this.ctx.form,
          path: 'indicators',
        },
      );
    // A level 1 printed again on the next page with its points (Word repeats the cut cell) is the
    // same label: its points are stored once.
    const key = `${name}(分值)`;
    const points = `${token.points}分`;
    if (token.points !== null && this.ctx.draft.extras[key]?.split('；').includes(points) !== true)
      addExtra(this.ctx.draft, key, points);
    return true;
  }

  /** Warns once when rows were read with no level 1 at all. */
  reportMissing(rows: readonly Row[]): void {
    if (rows.length === 0 || this.level1 !== '' || !rows.some((r) => r.level1 === '')) return;
    this.ctx.log.add(
      'indicator-level-missing',
      'warning',
      '部分指标前没有找到一级指标名称，level1 留空，请核对。',
      rows[0]?.line ?? null,
      null,
      { form: this.ctx.form, path: 'indicators' },
    );
  }
}

/** Level-1 names of rubric tables (财预〔2020〕10号 附件2: 决策 / 过程 …) whose level 2 is no category word. */
const RUBRIC_LEVEL1: ReadonlySet<string> = new Set(['项目决策', '项目管理', '决策', '过程', '过程指标']);
/**
 * The rubric's level-2 names (财预〔2020〕10号 附件2, 财预〔2013〕53号 and what forms print):
 * 项目立项 / 绩效目标 / 资金投入 under 决策, 资金管理 / 组织实施 under 过程.
 */
const RUBRIC_LEVEL2: readonly string[] = [
  '项目立项',
  '项目目标',
  '绩效目标',
  '资金投入',
  '资金管理',
  '资金落实',
  '组织实施',
  '业务管理',
  '财务管理',
  '投入管理',
  '项目实施',
];

/**
 * `项目决策(10分)项目目标完整性4一…`: text that lost the rubric table's columns glues its level 2
 * onto the name. Under a rubric level 1, a row with no level 2 whose name begins with one of the
 * rubric's level-2 names has that level 2 (项目目标 / 完整性, as the table prints them), and the
 * rows after it under the same level 1 keep it until the next one, as the merged cell spans them.
 * Reported as info: the cut is read from the words, not from a column.
 */
export function rubricLevel2(rows: readonly Row[], ctx: ParseContext): Row[] {
  let current: { level1: string; level2: string } | null = null;
  return rows.map((row) => {
    if (!RUBRIC_LEVEL1.has(row.level1) || row.level2 !== '') {
      current = null;
      return row;
    }
    const name = joinWrapped(row.name);
    const level2 = RUBRIC_LEVEL2.find((w) => name.startsWith(w) && name.length > w.length);
    if (level2 !== undefined) {
      current = { level1: row.level1, level2 };
      ctx.log.add(
        'indicator-level-from-name',
        'info',
        `"${name}"开头的"${level2}"是评价指标体系的二级指标，已按二级指标"${level2}"、三级指标"${name.slice(level2.length)}"读取，请核对。`,
        row.line,
        name,
        { form: ctx.form, path: 'indicators' },
      );
      return { ...row, level2, name: [name.slice(level2.length)] };
    }
    return current !== null && current.level1 === row.level1 ? { ...row, level2: current.level2 } : row;
  });
}
