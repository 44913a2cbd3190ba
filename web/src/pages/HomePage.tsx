import { Card, Col, Empty, List, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { useUser } from '../app/session-context';
import { useFormsQuery } from '../api/queries';
import type { FormListItem } from '../api/types';
import type { FormStatus, Role } from '../lib/core';
import { formatNumber } from '../lib/format';
import { GradeTag, StatusTag } from '../lib/status-tag';

interface Bucket {
  readonly title: string;
  readonly statuses: readonly FormStatus[];
  readonly hint: string;
}

/** What is waiting for each role: the unit its drafts and returned forms, the department what to review… */
const bucketsByRole: Readonly<Record<Role, readonly Bucket[]>> = {
  filler: [
    { title: '被退回，待修改', statuses: ['returned'], hint: '查看审核意见，修改后重新提交' },
    { title: '草稿', statuses: ['draft'], hint: '填写完成后提交主管部门审核' },
    { title: '审核中', statuses: ['submitted'], hint: '等待主管部门审核' },
  ],
  reviewer: [
    { title: '待审核', statuses: ['submitted'], hint: '逐项查看并退回或通过' },
    { title: '已通过', statuses: ['approved', 'accepted', 'published'], hint: '已审核的自评表' },
    { title: '单位填报中', statuses: ['draft', 'returned'], hint: '尚未提交或被退回修改' },
  ],
  finance: [
    { title: '待验收', statuses: ['approved'], hint: '主管部门已审核，待财政验收' },
    { title: '待公开', statuses: ['accepted'], hint: '已验收，可公开' },
    { title: '已公开', statuses: ['published'], hint: '' },
  ],
  auditor: [
    { title: '已公开', statuses: ['published'], hint: '' },
    { title: '审核中', statuses: ['submitted', 'approved', 'accepted'], hint: '' },
    { title: '填报中', statuses: ['draft', 'returned'], hint: '' },
  ],
  admin: [
    { title: '审核中', statuses: ['submitted', 'approved', 'accepted'], hint: '' },
    { title: '填报中', statuses: ['draft', 'returned'], hint: '' },
    { title: '已公开', statuses: ['published'], hint: '' },
  ],
};

export function HomePage() {
  const user = useUser();
  const forms = useFormsQuery();
  const items = forms.data?.items ?? [];
  const buckets = bucketsByRole[user.role] ?? bucketsByRole.auditor;
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        您好，{user.displayName}
      </Typography.Title>
      <Row gutter={16}>
        {buckets.map((b) => {
          const list = items.filter((f) => b.statuses.includes(f.status));
          return (
            <Col span={8} key={b.title}>
              <Card
                title={<Statistic title={b.title} value={list.length} suffix="份" />}
                loading={forms.isLoading}
                styles={{ body: { padding: '8px 16px', maxHeight: 420, overflow: 'auto' } }}
                data-testid={`bucket-${b.statuses.join('-')}`}
              >
                {b.hint && <Typography.Text type="secondary">{b.hint}</Typography.Text>}
                {list.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无" />
                ) : (
                  <List size="small" dataSource={list.slice(0, 20)} renderItem={(f) => <HomeItem form={f} />} />
                )}
              </Card>
            </Col>
          );
        })}
      </Row>
    </div>
  );
}

function HomeItem({ form }: { form: FormListItem }) {
  return (
    <List.Item>
      <Link to={`/forms/${form.id}`}>{form.project}</Link>
      <span>
        {formatNumber(form.total)} <GradeTag grade={form.grade} provisional={form.provisional} />
        <StatusTag status={form.status} />
      </span>
    </List.Item>
  );
}
