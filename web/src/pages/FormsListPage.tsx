import { useMemo, useState } from 'react';
import { Button, Dropdown, Input, Select, Space, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useExportAvailable, useFindingsCount, useFormsQuery } from '../api/queries';
import type { FormListItem } from '../api/types';
import { formStatuses, statusLabels, type FormStatus } from '../lib/workflow';
import type { Grade } from '../lib/core';
import { downloadUrl, exportExtension, exportFormats, formExportUrl } from '../lib/download';
import { formatNumber } from '../lib/format';
import { GradeTag, StatusTag } from '../lib/status-tag';

interface Filters {
  year: number | null;
  department: string | null;
  unit: string | null;
  status: FormStatus | null;
  grade: Grade | null;
  q: string;
}

const grades: Grade[] = ['优', '良', '中', '差'];
/** The total after reviewers' deductions, under the unit's own, smaller and muted. */
const reviewedStyle = { fontSize: 12, color: 'rgba(0, 0, 0, 0.45)', whiteSpace: 'nowrap' } as const;

function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)].sort();
}

/** 自评表列表: filters, search, sort, score/grade/findings per form, bulk export. */
export function FormsListPage() {
  const forms = useFormsQuery();
  const [filters, setFilters] = useState<Filters>({
    year: null,
    department: null,
    unit: null,
    status: null,
    grade: null,
    q: '',
  });
  const [selected, setSelected] = useState<string[]>([]);
  const all = useMemo(() => forms.data?.items ?? [], [forms.data]);
  const rows = useMemo(
    () =>
      all.filter(
        (f) =>
          (filters.year === null || f.year === filters.year) &&
          (filters.department === null || f.department === filters.department) &&
          (filters.unit === null || f.unit === filters.unit) &&
          (filters.status === null || f.status === filters.status) &&
          (filters.grade === null || f.grade === filters.grade) &&
          (filters.q.trim() === '' || f.project.includes(filters.q.trim())),
      ),
    [all, filters],
  );
  const exportProbe = useExportAvailable(all[0] ? formExportUrl(all[0].id, 'json') : null);
  const canExport = exportProbe.data === true;

  const set =
    <K extends keyof Filters>(k: K) =>
    (v: Filters[K] | undefined) =>
      setFilters((f) => ({ ...f, [k]: v ?? null }));

  const columns: TableColumnsType<FormListItem> = [
    {
      title: '项目名称',
      dataIndex: 'project',
      sorter: (a, b) => a.project.localeCompare(b.project, 'zh-CN'),
      render: (p: string, f) => <Link to={`/forms/${f.id}`}>{p}</Link>,
    },
    { title: '年度', dataIndex: 'year', width: 72, sorter: (a, b) => a.year - b.year },
    { title: '主管部门', dataIndex: 'department', ellipsis: true },
    { title: '实施单位', dataIndex: 'unit', ellipsis: true },
    {
      title: '状态',
      dataIndex: 'status',
      width: 130,
      sorter: (a, b) => formStatuses.indexOf(a.status) - formStatuses.indexOf(b.status),
      render: (s: FormStatus) => <StatusTag status={s} />,
    },
    {
      title: '总分',
      dataIndex: 'total',
      width: 96,
      align: 'right',
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.total - b.total,
      render: (t: number, f) => (
        <>
          <span data-testid="row-total">{formatNumber(t)}</span>
          {f.reviewedTotal !== null && (
            <div style={reviewedStyle} data-testid="row-reviewed-total" title="审核扣分后的得分">
              审核后 {formatNumber(f.reviewedTotal)}
            </div>
          )}
        </>
      ),
    },
    {
      title: '等级',
      dataIndex: 'grade',
      width: 96,
      render: (g: Grade, f) => <GradeTag grade={g} provisional={f.provisional} />,
    },
    {
      title: '问题数',
      key: 'findings',
      width: 72,
      align: 'right',
      render: (_: unknown, f) => <FindingsCell form={f} />,
    },
  ];

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          自评表
        </Typography.Title>
        <Space wrap>
          <Tooltip title={canExport ? '' : '导出功能尚未启用'}>
            <Dropdown
              trigger={['click']}
              disabled={!canExport || selected.length === 0}
              menu={{
                items: exportFormats.map((e) => ({ key: e.key, label: e.label })),
                onClick: ({ key }) => {
                  for (const id of selected) downloadUrl(formExportUrl(id, key), `${id}.${exportExtension(key)}`);
                },
              }}
            >
              <Button icon={<DownloadOutlined />} disabled={!canExport || selected.length === 0}>
                批量导出{selected.length > 0 ? `（${selected.length}）` : ''}
              </Button>
            </Dropdown>
          </Tooltip>
          <Button icon={<ReloadOutlined />} onClick={() => void forms.refetch()} aria-label="刷新列表" />
        </Space>
      </Space>
      <Space wrap style={{ marginBottom: 12 }} role="search" aria-label="筛选自评表">
        <Input.Search
          placeholder="按项目名称搜索"
          aria-label="按项目名称搜索"
          allowClear
          style={{ width: 220 }}
          onChange={(e) => setFilters((f) => ({ ...f, q: e.target.value }))}
        />
        <Select<number>
          placeholder="年度"
          aria-label="年度"
          allowClear
          style={{ width: 100 }}
          options={distinct(all.map((f) => f.year)).map((y) => ({ value: y, label: `${y}年` }))}
          onChange={set('year')}
        />
        <Select<string>
          placeholder="主管部门"
          aria-label="主管部门"
          allowClear
          showSearch
          style={{ width: 200 }}
          options={distinct(all.map((f) => f.department)).map((d) => ({ value: d, label: d }))}
          onChange={set('department')}
        />
        <Select<string>
          placeholder="实施单位"
          aria-label="实施单位"
          allowClear
          showSearch
          style={{ width: 200 }}
          options={distinct(all.map((f) => f.unit)).map((d) => ({ value: d, label: d }))}
          onChange={set('unit')}
        />
        <Select<FormStatus>
          placeholder="状态"
          aria-label="状态"
          allowClear
          style={{ width: 150 }}
          options={formStatuses.map((s) => ({ value: s, label: statusLabels[s] }))}
          onChange={set('status')}
        />
        <Select<Grade>
          placeholder="等级"
          aria-label="等级"
          allowClear
          style={{ width: 90 }}
          options={grades.map((g) => ({ value: g, label: g }))}
          onChange={set('grade')}
        />
      </Space>
      <Table<FormListItem>
        rowKey="id"
        size="middle"
        loading={forms.isLoading}
        dataSource={rows}
        columns={columns}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }}
        pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (n) => `共 ${n} 份` }}
        locale={{ emptyText: forms.isError ? '加载失败，请刷新重试' : '暂无自评表，可从“导入”开始' }}
      />
    </div>
  );
}

function FindingsCell({ form }: { form: FormListItem }) {
  const q = useFindingsCount(form.id, form.findings);
  const n = form.findings ?? q.data;
  return <span data-testid="row-findings">{n === undefined ? '…' : n}</span>;
}
