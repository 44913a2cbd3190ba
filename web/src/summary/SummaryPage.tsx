import { useMemo, useState } from 'react';
import { Button, Card, Col, Empty, Row, Select, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { describeError } from '../api/client';
import { getSummary } from '../api/forms';
import { useExportAvailable } from '../api/queries';
import type { SummaryReport, IndicatorAggregateReport } from '../../../src/domain/report/index.js';
import type { Grade } from '../lib/core';
import { downloadUrl } from '../lib/download';
import { formatMoney, formatNumber, formatPercent, formatRatio, round2 } from '../lib/format';
import { GradeTag } from '../lib/status-tag';
import { BudgetVsExecutedChart, ExecutionRateChart, ScoreDistributionChart } from './charts';

const kindLabels: Record<string, string> = {
  absolute: '可累加',
  relative: '加权平均',
  qualitative: '定性',
  'cannot-aggregate': '无法汇总',
};

/** 部门汇总: totals, execution, fund-weighted score, grades, ranking, recurring indicators, charts. */
export default function SummaryPage() {
  const all = useQuery({ queryKey: ['summary'], queryFn: () => getSummary(null, null) });
  const [choice, setChoice] = useState<string | null>(null);
  const summaries = useMemo(() => all.data ?? [], [all.data]);
  const key = (s: SummaryReport) => `${s.department}\u0000${s.year}`;
  const current = summaries.find((s) => key(s) === choice) ?? summaries[0] ?? null;
  const exportUrl = current
    ? `/api/summary/export?department=${encodeURIComponent(current.department)}&year=${current.year}`
    : null;
  const exportProbe = useExportAvailable(exportUrl);

  if (all.isError) return <Empty description={describeError(all.error)} />;
  return (
    <div style={{ maxWidth: 1400 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          部门汇总
        </Typography.Title>
        <Space wrap>
          <Select
            style={{ width: 320 }}
            aria-label="选择主管部门和年度"
            loading={all.isLoading}
            value={current ? key(current) : null}
            placeholder="主管部门 · 年度"
            options={summaries.map((s) => ({ value: key(s), label: `${s.department} · ${s.year}年` }))}
            onChange={setChoice}
          />
          <Tooltip title={exportProbe.data ? '' : '导出功能尚未启用'}>
            <Button
              icon={<DownloadOutlined />}
              disabled={!exportProbe.data || !exportUrl}
              onClick={() => exportUrl && downloadUrl(exportUrl, `${current?.department ?? '汇总'}.xlsx`)}
            >
              导出汇总
            </Button>
          </Tooltip>
        </Space>
      </Space>
      {!current ? (
        <Card loading={all.isLoading}>
          <Empty description="暂无可汇总的自评表" />
        </Card>
      ) : (
        <SummaryView summary={current} />
      )}
    </div>
  );
}

function withUnit(v: number | null, unit: string | null): string {
  return v === null ? '—' : `${formatNumber(v)}${unit ?? ''}`;
}

function SummaryView({ summary: s }: { summary: SummaryReport }) {
  return (
    <div data-testid="summary-view">
      <Row gutter={[12, 12]}>
        <Col span={4}>
          <Card size="small">
            <Statistic title="项目数" value={s.projects} suffix="个" />
          </Card>
        </Col>
        <Col span={5}>
          <Card size="small">
            <Statistic title={`全年预算数（${s.unit}）`} value={s.budget} precision={2} />
          </Card>
        </Col>
        <Col span={5}>
          <Card size="small">
            <Statistic title={`全年执行数（${s.unit}）`} value={s.executed} precision={2} />
          </Card>
        </Col>
        <Col span={4}>
          <Card size="small">
            <Statistic
              title="预算执行率"
              value={s.rate === null ? '—' : round2(s.rate)}
              suffix={s.rate === null ? '' : '%'}
            />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic
              title="资金加权平均得分"
              value={s.score === null ? '—' : round2(s.score)}
              valueRender={(v) => <span data-testid="summary-score">{v}</span>}
            />
            <Space size={4}>
              {(['优', '良', '中', '差'] as Grade[]).map((g) => (
                <span key={g} data-testid={`grade-count-${g}`}>
                  <GradeTag grade={g} />
                  {s.grades[g]}
                </span>
              ))}
            </Space>
          </Card>
        </Col>
      </Row>
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col span={12}>
          <Card size="small">
            <ScoreDistributionChart summary={s} />
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small">
            <BudgetVsExecutedChart summary={s} />
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small">
            <ExecutionRateChart summary={s} />
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" title="项目排名">
            <Table
              size="small"
              rowKey="project"
              pagination={false}
              dataSource={[...s.ranking]}
              data-testid="ranking"
              columns={[
                { title: '名次', width: 56, render: (_, __, i) => i + 1 },
                { title: '项目', dataIndex: 'project' },
                { title: '总分', dataIndex: 'total', align: 'right', render: (t: number) => formatNumber(round2(t)) },
                { title: '等级', dataIndex: 'grade', render: (g: Grade) => <GradeTag grade={g} /> },
                {
                  title: '执行率',
                  dataIndex: 'rate',
                  align: 'right',
                  render: (r: number | null) => formatPercent(r === null ? null : round2(r)),
                },
                {
                  title: '预算',
                  dataIndex: 'budget',
                  align: 'right',
                  render: (b: number | null) => formatMoney(b, s.unit),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={`同类指标汇总（${s.indicators.length} 项）`} style={{ marginTop: 12 }}>
        <Table<IndicatorAggregateReport>
          size="small"
          rowKey={(r) => `${r.name}|${r.unit ?? ''}`}
          pagination={{ pageSize: 10 }}
          dataSource={[...s.indicators]}
          expandable={{
            expandedRowRender: (r) => (
              <ul style={{ margin: 0 }}>
                {r.sources.map((src) => (
                  <li key={src.project}>
                    {src.project}：目标 {formatNumber(src.target)}，完成 {formatNumber(src.actual)}（权重{' '}
                    {formatRatio(src.weight)}）
                  </li>
                ))}
              </ul>
            ),
          }}
          columns={[
            { title: '指标', dataIndex: 'name' },
            { title: '汇总方式', dataIndex: 'kind', width: 100, render: (k: string) => kindLabels[k] ?? k },
            { title: '项目数', dataIndex: 'projects', width: 72, align: 'right' },
            {
              title: '目标',
              dataIndex: 'target',
              align: 'right',
              render: (v: number | null, r) => withUnit(v, r.unit),
            },
            {
              title: '完成',
              dataIndex: 'actual',
              align: 'right',
              render: (v: number | null, r) => withUnit(v, r.unit),
            },
            {
              title: '完成率',
              dataIndex: 'ratio',
              align: 'right',
              width: 90,
              render: (v: number | null) => formatRatio(v),
            },
            { title: '说明', dataIndex: 'reason', render: (v: string | null) => v ?? '' },
          ]}
        />
      </Card>
    </div>
  );
}
