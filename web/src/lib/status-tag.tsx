import { Tag } from 'antd';
import { statusLabels, type FormStatus } from './workflow';
import type { Grade } from './core';
import { gradeColor } from './format';

const statusColor: Readonly<Record<FormStatus, string>> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  approved: 'cyan',
  accepted: 'geekblue',
  published: 'success',
};

export function StatusTag({ status }: { status: FormStatus }) {
  return <Tag color={statusColor[status]}>{statusLabels[status] ?? status}</Tag>;
}

export function GradeTag({ grade, provisional }: { grade: Grade; provisional?: boolean }) {
  return (
    <Tag color={gradeColor[grade]} title={provisional ? '有指标待评审评分，得分为暂定' : undefined}>
      {grade}
      {provisional ? '（暂定）' : ''}
    </Tag>
  );
}
