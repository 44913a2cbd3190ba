import { memo, type CSSProperties, type ReactNode } from 'react';
import { Space, Tag, Typography } from 'antd';
import {
  CheckCircleOutlined,
  CloudSyncOutlined,
  DisconnectOutlined,
  EditOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { centipointsOf, totalAfterDeductions, type Grade } from '../lib/core';
import { gradeColor } from '../lib/format';
import type { SaveState } from './use-autosave';

/**
 * The sticky bar on top of the editor: live total and grade, finding counts, save state, actions.
 * Every keystroke that moves the total re-renders this bar, so it is plain elements around memoised
 * parts: only the total (and the grade when it changes) re-render, not antd's Space, Typography or
 * the action buttons, whose style hooks cost about as much as scoring the form. `actions` must keep its
 * identity across keystrokes (the editor memoises it).
 */
export const ScoreBar = memo(function ScoreBar(props: {
  total: number;
  grade: Grade;
  provisional: boolean;
  deducted: number;
  errors: number;
  warnings: number;
  infos: number;
  save: SaveState | null;
  actions: ReactNode;
}) {
  const { total } = props;
  const reviewed = totalAfterDeductions(total, centipointsOf(props.deducted));
  return (
    <div style={barStyle}>
      {/* The layout of antd's <Space size="large" wrap>, without its per-render style hooks. */}
      <div style={itemsStyle}>
        <span aria-live="polite">
          {totalLabel}
          <strong style={totalStyle} data-testid="live-total">
            {total.toFixed(2)}
          </strong>
          <GradeTag grade={props.grade} />
          {props.provisional && provisionalTag}
        </span>
        {props.deducted > 0 && (
          <span>
            审核扣分 {props.deducted.toFixed(2)} → 审核后{' '}
            <strong data-testid="reviewed-total">{reviewed.toFixed(2)}</strong>
          </span>
        )}
        <FindingCounts error={props.errors} warning={props.warnings} info={props.infos} />
        {props.save && <SaveIndicator state={props.save} />}
      </div>
      <Actions>{props.actions}</Actions>
    </div>
  );
});

// Styles and elements made once: React skips an element it has already rendered when it meets the
// same object, and compares no style properties when the style object is the same.
const barStyle: CSSProperties = {
  position: 'sticky',
  top: 0,
  zIndex: 10,
  background: '#fff',
  border: '1px solid #e4e7ec',
  padding: '8px 12px',
  display: 'flex',
  justifyContent: 'space-between',
  alignItems: 'center',
  flexWrap: 'wrap',
  gap: 8,
};
const itemsStyle: CSSProperties = { display: 'inline-flex', alignItems: 'center', flexWrap: 'wrap', gap: 24 };
const totalStyle: CSSProperties = { fontSize: 22 };
const totalLabel = <Typography.Text type="secondary">总分 </Typography.Text>;
const provisionalTag = <Tag color="orange">暂定（有指标待评分）</Tag>;

const GradeTag = memo(function GradeTag({ grade }: { grade: Grade }) {
  return (
    <Tag color={gradeColor[grade]} style={{ marginLeft: 8, fontSize: 14 }} data-testid="live-grade">
      {grade}
    </Tag>
  );
});

const Actions = memo(function Actions({ children }: { children: ReactNode }) {
  return <Space wrap>{children}</Space>;
});

const FindingCounts = memo(function FindingCounts(props: { error: number; warning: number; info: number }) {
  return (
    <span data-testid="finding-counts">
      <Tag color="red">错误 {props.error}</Tag>
      <Tag color="gold">警告 {props.warning}</Tag>
      <Tag>提示 {props.info}</Tag>
    </span>
  );
});

const SaveIndicator = memo(function SaveIndicator({ state }: { state: SaveState }) {
  const [icon, text, color]: [ReactNode, string, string] =
    state.kind === 'saved'
      ? [
          <CheckCircleOutlined key="i" />,
          state.at ? `已保存 ${state.at.toLocaleTimeString('zh-CN')}` : '已保存',
          '#067647',
        ]
      : state.kind === 'dirty'
        ? [<EditOutlined key="i" />, '有未保存的修改', '#667085']
        : state.kind === 'saving'
          ? [<CloudSyncOutlined key="i" />, '正在保存…', '#1f5fbf']
          : state.kind === 'offline'
            ? [<DisconnectOutlined key="i" />, '保存失败，已在本机保留，稍后自动重试', '#b42318']
            : state.kind === 'invalid'
              ? [<WarningOutlined key="i" />, `无法保存：${state.message}`, '#b42318']
              : [<WarningOutlined key="i" />, '他人已修改此表，请选择如何处理', '#b42318'];
  return (
    <span role="status" style={{ color }} data-testid="save-state" data-state={state.kind}>
      {icon} {text}
    </span>
  );
});
