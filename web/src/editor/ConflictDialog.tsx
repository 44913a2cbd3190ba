import { Alert, Button, Modal, Space, Table, Tag, Typography } from 'antd';
import type { Form } from '../lib/core';
import type { FormRecord } from '../api/types';
import { diffForms, showValue } from './form-diff';

interface Row {
  readonly path: string;
  readonly label: string;
  readonly base: unknown;
  readonly theirs: unknown;
  readonly mine: unknown;
  readonly who: 'mine' | 'theirs' | 'both';
}

/** Fields changed since `base` by me, by them, or by both, for the conflict table. */
export function conflictRows(base: Form, mine: Form, theirs: Form): Row[] {
  const rows = new Map<string, Row>();
  for (const d of diffForms(base, theirs))
    rows.set(d.path, { path: d.path, label: d.label, base: d.before, theirs: d.after, mine: d.before, who: 'theirs' });
  for (const d of diffForms(base, mine)) {
    const t = rows.get(d.path);
    rows.set(d.path, {
      path: d.path,
      label: d.label,
      base: d.before,
      theirs: t ? t.theirs : d.before,
      mine: d.after,
      who: t ? 'both' : 'mine',
    });
  }
  return [...rows.values()];
}

const whoLabel = {
  mine: <Tag color="blue">我改的</Tag>,
  theirs: <Tag>对方改的</Tag>,
  both: <Tag color="red">双方都改了</Tag>,
};

/**
 * Someone saved the form while this person was typing (409). Shows who changed what since the
 * version my edits started from, and offers: merge (their changes plus mine; where both changed,
 * mine), take theirs (my typing is dropped), or keep mine (overwrite theirs).
 */
export function ConflictDialog(props: {
  base: Form;
  mine: Form;
  theirs: FormRecord;
  onResolve: (how: 'merge' | 'theirs' | 'mine') => void;
}) {
  const rows = conflictRows(props.base, props.mine, props.theirs.form);
  return (
    <Modal
      open
      width={900}
      title="此表已被他人修改"
      closable={false}
      maskClosable={false}
      footer={
        <Space>
          <Button onClick={() => props.onResolve('theirs')}>放弃我的修改，载入最新版</Button>
          <Button danger onClick={() => props.onResolve('mine')}>
            用我的版本覆盖
          </Button>
          <Button type="primary" onClick={() => props.onResolve('merge')}>
            合并（推荐）
          </Button>
        </Space>
      }
    >
      <Alert
        type="warning"
        showIcon
        message={`服务器上已是第 ${props.theirs.version} 版。您输入的内容都还在，请选择如何处理。`}
        description="合并：保留对方改动的字段，加上您改动的字段；双方都改了的字段以您的为准。"
        style={{ marginBottom: 12 }}
      />
      <Typography.Text strong>改动（{rows.length} 处）</Typography.Text>
      <Table<Row>
        size="small"
        rowKey="path"
        pagination={false}
        scroll={{ y: 320 }}
        dataSource={rows}
        columns={[
          { title: '位置', dataIndex: 'label', width: 240 },
          { title: '谁改的', dataIndex: 'who', width: 110, render: (w: Row['who']) => whoLabel[w] },
          { title: '原来', dataIndex: 'base', render: showValue },
          { title: '对方的版本', dataIndex: 'theirs', render: showValue },
          { title: '我的版本', dataIndex: 'mine', render: showValue },
        ]}
      />
    </Modal>
  );
}
