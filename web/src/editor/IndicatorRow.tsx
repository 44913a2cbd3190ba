import { memo, useCallback, useRef, type ClipboardEvent, type Dispatch } from 'react';
import { Button, InputNumber } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { formatValue, type Finding, type Indicator, type IndicatorScore } from '../lib/core';
import type { ReviewComment } from '../api/types';
import { blankIndicator, type FormEdit, type GroupRun } from './form-edit';
import { FindingList, findingsKey } from './FindingList';
import { CellInput, CommentBox, Comments, GroupCell, Reading, RowActions } from './IndicatorCells';
import { indicatorsFromPaste, looksLikeTable } from './paste-rows';
import { formatRatio } from '../lib/format';
import { HoverTooltip } from '../lib/hover-tooltip';

export type EditorMode = 'edit' | 'review' | 'read';

export interface IndicatorRowProps {
  readonly index: number;
  readonly count: number;
  readonly indicator: Indicator;
  /** What the scorer says about this row; undefined while the score has not caught up with a new row. */
  readonly score: IndicatorScore | undefined;
  readonly findings: readonly Finding[];
  readonly comments: readonly ReviewComment[];
  readonly rating: number | undefined;
  readonly level1Run: GroupRun | null;
  readonly level2Run: GroupRun | null;
  readonly mode: EditorMode;
  readonly dispatch: Dispatch<FormEdit>;
  readonly onComment: (index: number, body: string) => void;
  readonly onRate: (index: number, r: number) => void;
}

function same(a: IndicatorRowProps, b: IndicatorRowProps): boolean {
  return (
    a.index === b.index &&
    a.count === b.count &&
    a.indicator === b.indicator &&
    a.mode === b.mode &&
    a.rating === b.rating &&
    a.dispatch === b.dispatch &&
    a.onComment === b.onComment &&
    a.onRate === b.onRate &&
    a.comments === b.comments &&
    sameRun(a.level1Run, b.level1Run) &&
    sameRun(a.level2Run, b.level2Run) &&
    sameScore(a.score, b.score) &&
    (a.findings === b.findings || findingsKey(a.findings) === findingsKey(b.findings))
  );
}

function sameRun(a: GroupRun | null, b: GroupRun | null): boolean {
  return a === b || (a !== null && b !== null && a.name === b.name && a.from === b.from && a.to === b.to);
}

/**
 * Whether the row would show the same score. Every keystroke scores the whole form afresh, so the
 * other rows get new but equal scores; the core reads each distinct cell string once and hands back
 * the same value object, which makes the readings comparable by identity (a miss only re-renders).
 */
function sameScore(a: IndicatorScore | undefined, b: IndicatorScore | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return (
    a.target === b.target &&
    a.actual === b.actual &&
    a.ratio === b.ratio &&
    a.score === b.score &&
    a.weight === b.weight &&
    a.status === b.status &&
    a.explanation === b.explanation
  );
}

/** What the row shows of its score: the readings of both values, r and points. */
function rowScoreOf(s: IndicatorScore | undefined) {
  if (!s)
    return {
      targetReading: '',
      actualReading: '',
      targetUnreadable: false,
      actualUnreadable: false,
      ratio: null,
      score: 0,
      weight: 0,
      status: 'not-applicable' as const,
      explanation: '',
    };
  return {
    targetReading: formatValue(s.target),
    actualReading: formatValue(s.actual),
    targetUnreadable: s.target.kind === 'unparsed',
    actualUnreadable: s.actual.kind === 'unparsed',
    ratio: s.ratio,
    score: s.score,
    weight: s.weight,
    status: s.status,
    explanation: s.explanation,
  };
}

/** A 年度指标值 or 全年完成值 cell: the input (or the text when read-only) and how jixiao reads it. */
function ValueCell(p: {
  readonly index: number;
  readonly field: 'target' | 'actual';
  readonly value: string | null;
  readonly label: string;
  readonly reading: string;
  readonly unreadable: boolean;
  readonly editable: boolean;
  readonly dispatch: Dispatch<FormEdit>;
  readonly onPaste: (e: ClipboardEvent<HTMLElement>) => void;
}) {
  return (
    <td className="cell-main">
      {p.editable ? (
        <CellInput
          index={p.index}
          field={p.field}
          value={p.value}
          label={p.label}
          dispatch={p.dispatch}
          onPaste={p.onPaste}
        />
      ) : (
        (p.value ?? '')
      )}
      <Reading text={p.reading} bad={p.unreadable} />
    </td>
  );
}

/** One 三级指标 row of the paper form: inputs, how jixiao reads them, r and score, findings beside. */
export const IndicatorRow = memo(function IndicatorRow(p: IndicatorRowProps) {
  const { index, indicator: ind, mode, dispatch } = p;
  const s = rowScoreOf(p.score);
  const editable = mode === 'edit';
  const label = `第${index + 1}项「${ind.name}」`;
  const severity = p.findings.some((f) => f.severity === 'error')
    ? 'has-error'
    : p.findings.some((f) => f.severity === 'warning')
      ? 'has-warning'
      : '';
  // Several cells pasted from Excel become rows after this one (a blank new row is replaced).
  // The row's indicator through a ref: the paste handler stays the same while the row is typed in.
  const indRef = useRef(ind);
  indRef.current = ind;
  const onPaste = useCallback(
    (e: ClipboardEvent<HTMLElement>) => {
      const text = e.clipboardData.getData('text/plain');
      if (!editable || !looksLikeTable(text)) return;
      const current = indRef.current;
      const rows = indicatorsFromPaste(text, { level1: current.level1, level2: current.level2 });
      if (rows.length === 0) return;
      e.preventDefault();
      const blank =
        (current.name === '新指标' || current.name.trim() === '') && current.target === null && current.actual === null;
      dispatch({ type: 'insert-indicators', at: index + 1, indicators: rows });
      if (blank) dispatch({ type: 'remove-indicator', index });
    },
    [editable, index, dispatch],
  );

  return (
    <tr className={severity} data-testid="indicator-row" data-index={index}>
      {p.level1Run && (
        <td rowSpan={p.level1Run.to - p.level1Run.from} className="group">
          <GroupCell run={p.level1Run} level="level1" editable={editable} dispatch={dispatch} />
        </td>
      )}
      {p.level2Run && (
        <td rowSpan={p.level2Run.to - p.level2Run.from} className="group">
          <GroupCell run={p.level2Run} level="level2" editable={editable} dispatch={dispatch} />
          {editable && (
            <Button
              size="small"
              type="link"
              icon={<PlusOutlined />}
              aria-label={`在「${p.level2Run.name}」下添加指标`}
              onClick={() =>
                dispatch({
                  type: 'insert-indicators',
                  at: (p.level2Run as GroupRun).to,
                  indicators: [blankIndicator(ind.level1, ind.level2)],
                })
              }
            >
              添加
            </Button>
          )}
        </td>
      )}
      <td className="cell-main">
        {editable ? (
          <CellInput
            index={index}
            field="name"
            value={ind.name}
            label={`${label}三级指标名称`}
            multiline
            dispatch={dispatch}
            onPaste={onPaste}
          />
        ) : (
          ind.name
        )}
      </td>
      <ValueCell
        index={index}
        field="target"
        value={ind.target}
        label={`${label}年度指标值`}
        reading={s.targetReading}
        unreadable={s.targetUnreadable}
        editable={editable}
        dispatch={dispatch}
        onPaste={onPaste}
      />
      <ValueCell
        index={index}
        field="actual"
        value={ind.actual}
        label={`${label}全年完成值`}
        reading={s.actualReading}
        unreadable={s.actualUnreadable}
        editable={editable}
        dispatch={dispatch}
        onPaste={onPaste}
      />
      <td style={{ textAlign: 'right' }} data-testid="indicator-score">
        <HoverTooltip title={s.explanation}>
          <span
            tabIndex={0}
            aria-label={`完成率 ${formatRatio(s.ratio)}，得分 ${s.score.toFixed(2)}／${s.weight.toFixed(2)}。${s.explanation}`}
          >
            {s.status === 'not-applicable' ? '不适用' : s.status === 'needs-rating' ? '待评分' : formatRatio(s.ratio)}
            <br />
            <strong>{s.score.toFixed(2)}</strong>
            <span style={{ color: '#667085' }}>／{s.weight.toFixed(2)}</span>
          </span>
        </HoverTooltip>
        {mode === 'review' &&
          s.status !== 'not-applicable' &&
          (s.status === 'needs-rating' || p.rating !== undefined) && (
            <InputNumber
              size="small"
              min={0}
              max={100}
              suffix="%"
              style={{ width: 80, marginTop: 4 }}
              aria-label={`${label}评审评分（完成率%）`}
              {...(p.rating === undefined ? {} : { defaultValue: Math.round(p.rating * 100) })}
              onBlur={(e) => {
                const v = Number(e.target.value);
                if (e.target.value !== '' && Number.isFinite(v)) p.onRate(index, Math.min(100, Math.max(0, v)) / 100);
              }}
            />
          )}
      </td>
      <td className="cell-main">
        {editable ? (
          <CellInput
            index={index}
            field="note"
            value={ind.note}
            label={`${label}未完成原因和改进措施`}
            multiline
            dispatch={dispatch}
            onPaste={null}
          />
        ) : (
          (ind.note ?? '')
        )}
      </td>
      <td>
        <FindingList findings={p.findings} />
        <Comments comments={p.comments} />
        {mode === 'review' && <CommentBox label={label} onSubmit={(body) => p.onComment(index, body)} />}
      </td>
      {editable && (
        <td>
          <RowActions index={index} count={p.count} label={label} dispatch={dispatch} />
        </td>
      )}
    </tr>
  );
}, same);
