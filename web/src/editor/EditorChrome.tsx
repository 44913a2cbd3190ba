import { memo } from 'react';
import { Alert, Breadcrumb, Button, Dropdown, Tooltip, Typography } from 'antd';
import { DownloadOutlined, HistoryOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { getHistory } from '../api/forms';
import { useExportAvailable } from '../api/queries';
import type { Review, SessionUser } from '../api/types';
import { nextStatuses, type FormStatus } from '../lib/workflow';
import { downloadUrl, exportExtension, exportFormats, formExportUrl } from '../lib/download';
import { StatusTag } from '../lib/status-tag';
import { ReviewPanel } from './ReviewPanel';

/** The editor's surroundings, each memoised so that typing in the form does not re-render them. */

export const transitionLabels: Partial<Record<FormStatus, string>> = {
  submitted: '提交审核',
  returned: '退回修改',
  approved: '审核通过',
  accepted: '财政验收',
  published: '公开',
};

/** Title, breadcrumb and notices: memoised, so that typing does not re-render them. */
export const EditorHeading = memo(function EditorHeading(props: {
  projectName: string;
  year: number;
  title: string;
  status: FormStatus;
  readOnly: boolean;
  restoredAt: string | null;
}) {
  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/forms">自评表</Link> }, { title: props.projectName }]} />
      <Typography.Title level={3} style={{ margin: '8px 0' }}>
        {props.year}年度 {props.title || `${props.projectName}项目支出绩效自评表`} <StatusTag status={props.status} />
      </Typography.Title>
      {props.readOnly && (
        <Alert type="info" showIcon message="只读：此表当前不在您的处理环节。" style={{ marginBottom: 8 }} />
      )}
      {props.restoredAt && (
        <Alert
          type="success"
          showIcon
          closable
          message={`已恢复您上次未保存的修改（${new Date(props.restoredAt).toLocaleString('zh-CN')}），将自动保存。`}
          style={{ marginBottom: 8 }}
        />
      )}
    </>
  );
});

/** History, export and the workflow buttons this role has for this status. */
export const EditorActions = memo(function EditorActions(props: {
  id: string;
  projectName: string;
  status: FormStatus;
  role: SessionUser['role'];
  busy: boolean;
  onHistory: () => void;
  onTransition: (to: FormStatus) => void;
}) {
  const exportProbe = useExportAvailable(formExportUrl(props.id, 'json'));
  return (
    <>
      <Button icon={<HistoryOutlined />} onClick={props.onHistory}>
        修改记录
      </Button>
      <Tooltip title={exportProbe.data ? '' : '导出功能尚未启用'}>
        <Dropdown
          trigger={['click']}
          disabled={!exportProbe.data}
          menu={{
            items: exportFormats.map((e) => ({ key: e.key, label: e.label })),
            onClick: ({ key }) =>
              downloadUrl(formExportUrl(props.id, key), `${props.projectName}.${exportExtension(key)}`),
          }}
        >
          <Button icon={<DownloadOutlined />} disabled={!exportProbe.data}>
            导出
          </Button>
        </Dropdown>
      </Tooltip>
      {nextStatuses(props.role, props.status).map((to) => (
        <Button
          key={to}
          type={to === 'returned' ? 'default' : 'primary'}
          danger={to === 'returned'}
          loading={props.busy}
          onClick={() => props.onTransition(to)}
        >
          {transitionLabels[to] ?? to}
        </Button>
      ))}
    </>
  );
});

/** The review panel plus, on a returned form, the reason the reviewer gave (from the history). */
export const ReviewPanelWithReturn = memo(function ReviewPanelWithReturn(props: {
  id: string;
  status: FormStatus;
  review: Review;
  canReview: boolean;
  onComment: (body: string) => void;
  onDeduct: (points: number, reason: string) => void;
}) {
  const history = useQuery({
    queryKey: ['history', props.id],
    queryFn: () => getHistory(props.id),
    enabled: props.status === 'returned',
  });
  const returnComment =
    [...(history.data ?? [])].reverse().find((e) => e.toStatus === 'returned' && e.action === 'transition')?.comment ??
    null;
  return (
    <ReviewPanel
      review={props.review}
      returnComment={returnComment}
      canReview={props.canReview}
      onComment={props.onComment}
      onDeduct={props.onDeduct}
    />
  );
});
