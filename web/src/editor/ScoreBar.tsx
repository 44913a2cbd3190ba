import { memo, useLayoutEffect, type ReactNode } from 'react';
import { Space, Tag, Typography } from 'antd';
import {
  CheckCircleOutlined,
  CloudSyncOutlined,
  DisconnectOutlined,
  EditOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { Grade } from '../lib/core';
import { gradeColor } from '../lib/format';
import type { SaveState } from './use-autosave';

/**
 * The sticky bar on top of the editor: live total and grade, finding counts, save state, actions.
 * It marks `jixiao:total-rendered` after every total change, which the editor benchmark measures.
 */
export const ScoreBar = memo(function ScoreBar(props: {
  total: number;
  grade: Grade;
  provisional: boolean;
  deducted: number;
  counts: { error: number; warning: number; info: number };
  save: SaveState | null;
  actions: ReactNode;
}) {
  const { total, grade } = props;
  useLayoutEffect(() => {
    performance.mark('jixiao:total-rendered');
  }, [total, grade]);
  const reviewed = Math.max(0, total - props.deducted);
  return (
    <div
      style={{
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
      }}
    >
      <Space size="large" wrap>
        <span aria-live="polite">
          <Typography.Text type="secondary">总分 </Typography.Text>
          <strong style={{ fontSize: 22 }} data-testid="live-total">
            {total.toFixed(2)}
          </strong>
          <Tag color={gradeColor[grade]} style={{ marginLeft: 8, fontSize: 14 }} data-testid="live-grade">
            {grade}
          </Tag>
          {props.provisional && <Tag color="orange">暂定（有指标待评分）</Tag>}
        </span>
        {props.deducted > 0 && (
          <span>
            审核扣分 {props.deducted.toFixed(2)} → 审核后{' '}
            <strong data-testid="reviewed-total">{reviewed.toFixed(2)}</strong>
          </span>
        )}
        <FindingCounts error={props.counts.error} warning={props.counts.warning} info={props.counts.info} />
        {props.save && <SaveIndicator state={props.save} />}
      </Space>
      <Space wrap>{props.actions}</Space>
    </div>
  );
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
