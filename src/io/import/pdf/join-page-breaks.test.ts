import { describe, expect, it } from 'vitest';
import type { CellBelow } from './join-page-breaks.js';
import { continuesAbove } from './join-page-breaks.js';

const cell = (text: string, aboveText?: string, open = false, atEdge = false): CellBelow => ({
  text,
  open,
  atEdge,
  above: aboveText === undefined ? undefined : { text: aboveText, open, atEdge },
});

describe('continuesAbove', () => {
  it('joins every cell when the break cut through a row and no border was drawn (Chromium)', () => {
    const row = [
      cell('', '年度总体目标', true),
      cell('智慧化融合……', '坪山区司法局将通过', true),
      cell('健全防控体系。', '加强社区矫正', true),
    ];
    expect(continuesAbove(row, true)).toEqual([true, true, true]);
  });

  it('does not join open cells when the part above has drawn bottoms (the break fell between rows)', () => {
    // Chromium leaves the bottom of row-spanning cells that end at the break undrawn too.
    const row = [
      cell('', '绩效指标', true),
      cell('效益指标', '产出指标', true),
      cell('经济效益指标', '成本指标', true),
    ];
    expect(continuesAbove(row, false)).toEqual([true, false, false]);
  });

  it('joins a centred label whose lines the break cut, when the text runs to the edge on both sides', () => {
    const row = [cell('', '绩效指标', true), cell('标', '产出指', true, true), cell('成本指标', '时效指标', true)];
    expect(continuesAbove(row, false)).toEqual([true, true, false]);
  });

  it('joins the empty leading label cells of a row that starts on the new page', () => {
    const row = [
      cell('', '绩效指标'),
      cell('', '产出指标'),
      cell('成本指标', '时效指标'),
      cell('成本控制率', '考核周期'),
      cell('100%', '3月/次'),
      cell('', ''),
    ];
    expect(continuesAbove(row, false)).toEqual([true, true, false, false, false, false]);
  });

  it('joins a whole row whose text the break cut (only the wrapped name continues)', () => {
    const row = [
      cell('', '质量指标'),
      cell('率', '资产系统报送数据准确', false, true),
      cell('', '≥99%'),
      cell('', '100%'),
    ];
    expect(continuesAbove(row, false)).toEqual([true, true, true, true]);
  });

  it('keeps a new row with blank values (an empty category) whose label does not touch the break', () => {
    const row = [
      cell('', '绩效指标'),
      cell('效益指标', '产出指标'),
      cell('经济效益指标', '成本指标', false, true),
      cell('', '成本控制率'),
      cell('', '100%'),
    ];
    expect(continuesAbove(row, false)).toEqual([true, false, false, false, false]);
  });

  it('keeps a new row whose cells have their own text', () => {
    const row = [cell('数量指标', '质量指标'), cell('新指标', '旧指标'), cell('5', '≥99%')];
    expect(continuesAbove(row, false)).toEqual([false, false, false]);
  });

  it('joins nothing when the part before the break has no matching cells', () => {
    expect(continuesAbove([cell(''), cell('a')], true)).toEqual([false, false]);
  });

  it('joins nothing in an empty row with drawn borders', () => {
    expect(continuesAbove([cell('', 'a'), cell('', 'b')], false)).toEqual([false, false]);
  });

  it('joins a row-spanning label printed on the later page to its empty part above (Calc, Excel)', () => {
    // 产出指标 spans ten indicators; Calc prints its text centred, so only on the second page.
    const spanning = (text: string, aboveText: string): CellBelow => ({
      ...cell(text, aboveText),
      rows: 4,
      above: { text: aboveText, open: false, atEdge: false, rows: 2 },
    });
    const row = [
      spanning('产出指标\n(50分)', ''),
      spanning('数量指标', ''),
      cell('指标3', '指标2'),
      cell('≥3场', '≥2场'),
    ];
    expect(continuesAbove(row, false)).toEqual([true, true, false, false]);
    // A single row (a note under an empty note) is a new cell.
    expect(continuesAbove([cell('', '绩效指标'), cell('延期', '')], false)).toEqual([true, false]);
  });

  it('joins the empty level cells after a label that has no cell above (its lower part, labelled again)', () => {
    const label: CellBelow = { text: '年度绩效指标完成情况', open: false, atEdge: false, above: undefined, rows: 8 };
    const row = [label, cell('', '产出指标'), cell('', '质量指标'), cell('指标17', '指标16')];
    expect(continuesAbove(row, false)).toEqual([false, true, true, false]);
  });
});
