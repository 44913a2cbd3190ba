import { Drawer, Empty, Spin, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { getHistory } from '../api/forms';
import type { Form } from '../lib/core';
import { statusLabels } from '../lib/workflow';
import { formatDateTime } from '../lib/format';
import { labelPath, showValue } from './form-diff';

const actionLabels: Record<string, string> = {
  import: '导入',
  edit: '修改',
  transition: '流转',
  comment: '审核意见',
  rating: '评审评分',
  deduction: '审核扣分',
};

/** 修改记录: who did what when, and for edits which fields changed from what to what. */
export function HistoryDrawer(props: { id: string; form: Form; open: boolean; onClose: () => void }) {
  const history = useQuery({
    queryKey: ['history', props.id],
    queryFn: () => getHistory(props.id),
    enabled: props.open,
  });
  const entries = [...(history.data ?? [])].reverse();
  return (
    <Drawer title="修改记录" width={560} open={props.open} onClose={props.onClose}>
      {history.isLoading ? (
        <Spin />
      ) : entries.length === 0 ? (
        <Empty description="暂无记录" />
      ) : (
        <Timeline
          items={entries.map((e, i) => ({
            key: i,
            children: (
              <div data-testid="history-entry">
                <Typography.Text strong>
                  {actionLabels[e.action] ?? e.action}
                  {e.fromStatus && e.toStatus
                    ? `：${statusLabels[e.fromStatus] ?? e.fromStatus} → ${statusLabels[e.toStatus] ?? e.toStatus}`
                    : ''}
                </Typography.Text>
                <div style={{ color: '#667085', fontSize: 12 }}>
                  第 {e.version} 版 · {e.user} · {formatDateTime(e.at)}
                </div>
                {e.comment && <div>意见：{e.comment}</div>}
                {e.changes.length > 0 && (
                  <ul style={{ paddingLeft: 18, margin: '4px 0' }}>
                    {e.changes.slice(0, 30).map((c) => (
                      <li key={c.path} style={{ fontSize: 12 }}>
                        {labelPath(c.path, props.form)}：<del>{showValue(c.before)}</del> →{' '}
                        <ins>{showValue(c.after)}</ins>
                      </li>
                    ))}
                    {e.changes.length > 30 && <li>……另有 {e.changes.length - 30} 处</li>}
                  </ul>
                )}
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
