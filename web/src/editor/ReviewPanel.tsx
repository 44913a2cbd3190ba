import { memo, useState } from 'react';
import { Alert, Button, Card, Input, InputNumber, List, Space, Typography } from 'antd';
import type { Review } from '../api/types';
import { formatDateTime } from '../lib/format';

/**
 * The reviewers' side, shown beside the unit's self-evaluation: comments on the whole form and
 * deductions. Reviewers (when it is their turn) add to them here; everyone else reads them.
 */
export const ReviewPanel = memo(function ReviewPanel(props: {
  review: Review;
  returnComment: string | null;
  canReview: boolean;
  onComment: (body: string) => void;
  onDeduct: (points: number, reason: string) => void;
}) {
  const { review } = props;
  // The return reason is stored as a form comment too; it is shown once, on top.
  const formComments = review.comments.filter((c) => c.indicatorIndex === null && c.body !== props.returnComment);
  const [comment, setComment] = useState('');
  const [points, setPoints] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const indicatorComments = review.comments.filter((c) => c.indicatorIndex !== null).length;
  if (
    !props.canReview &&
    formComments.length === 0 &&
    review.deductions.length === 0 &&
    !props.returnComment &&
    indicatorComments === 0
  )
    return null;
  return (
    <Card size="small" title="审核意见" style={{ marginTop: 12 }} data-testid="review-panel">
      {props.returnComment && (
        <Alert
          type="warning"
          showIcon
          message={`退回原因：${props.returnComment}`}
          style={{ marginBottom: 8 }}
          data-testid="return-comment"
        />
      )}
      {indicatorComments > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          另有 {indicatorComments} 条意见针对具体指标，显示在指标表相应行的“检查与审核意见”一栏。
        </Typography.Paragraph>
      )}
      {formComments.length > 0 && (
        <List
          size="small"
          dataSource={formComments}
          renderItem={(c) => (
            <List.Item>
              {c.body}
              <Typography.Text type="secondary" style={{ marginLeft: 12, whiteSpace: 'nowrap' }}>
                {c.author} · {formatDateTime(c.createdAt)}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
      {review.deductions.length > 0 && (
        <List
          size="small"
          header={<strong>审核扣分</strong>}
          dataSource={[...review.deductions]}
          renderItem={(d) => (
            <List.Item>
              扣 {d.points.toFixed(2)} 分：{d.reason}
              <Typography.Text type="secondary" style={{ marginLeft: 12, whiteSpace: 'nowrap' }}>
                {d.author}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
      {props.canReview && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
          <Space.Compact style={{ width: '100%' }}>
            <Input
              value={comment}
              placeholder="对整张表的意见"
              aria-label="对整张表的审核意见"
              onChange={(e) => setComment(e.target.value)}
            />
            <Button
              disabled={comment.trim() === ''}
              onClick={() => {
                props.onComment(comment.trim());
                setComment('');
              }}
            >
              添加意见
            </Button>
          </Space.Compact>
          <Space.Compact style={{ width: '100%' }}>
            <InputNumber
              min={0.01}
              max={100}
              step={0.5}
              value={points}
              placeholder="扣分"
              aria-label="扣分分值"
              onChange={(v) => setPoints(v)}
              style={{ width: 100 }}
            />
            <Input
              value={reason}
              placeholder="扣分原因"
              aria-label="扣分原因"
              onChange={(e) => setReason(e.target.value)}
            />
            <Button
              disabled={points === null || points <= 0 || reason.trim() === ''}
              onClick={() => {
                if (points !== null) props.onDeduct(Math.round(points * 100) / 100, reason.trim());
                setPoints(null);
                setReason('');
              }}
            >
              扣分
            </Button>
          </Space.Compact>
        </Space>
      )}
    </Card>
  );
});
