// The ESM build: Vite 8 hands the CommonJS lib/core over as a module object, not the component.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, ToolboxComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { SummaryReport } from '../../../src/domain/report/index.js';

// Only the pieces the summary draws: keeps the chunk a fraction of full ECharts.
echarts.use([
  BarChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  ToolboxComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/** Every chart offers 保存为图片 (PNG) in its toolbox. */
const toolbox = { feature: { saveAsImage: { title: '保存为图片', pixelRatio: 2 } }, right: 8 };
const gradeColors: Record<string, string> = { 优: '#2e9d58', 良: '#1f5fbf', 中: '#d9822b', 差: '#c2362b' };

function Chart(props: { option: echarts.EChartsCoreOption; label: string; height?: number }) {
  return (
    <figure style={{ margin: 0 }} aria-label={props.label}>
      <ReactEChartsCore
        echarts={echarts}
        option={props.option}
        style={{ height: props.height ?? 300 }}
        notMerge
        lazyUpdate
      />
    </figure>
  );
}

/** 得分分布: projects per score band, coloured by the grade the band falls in. */
export function ScoreDistributionChart({ summary }: { summary: SummaryReport }) {
  const bands = [
    { label: '<60', min: 0, max: 60, grade: '差' },
    { label: '60–70', min: 60, max: 70, grade: '中' },
    { label: '70–80', min: 70, max: 80, grade: '中' },
    { label: '80–85', min: 80, max: 85, grade: '良' },
    { label: '85–90', min: 85, max: 90, grade: '良' },
    { label: '90–95', min: 90, max: 95, grade: '优' },
    { label: '95–100', min: 95, max: 100.0001, grade: '优' },
  ];
  return (
    <Chart
      label="得分分布图"
      option={{
        title: { text: '得分分布（按分数段）', left: 8, textStyle: { fontSize: 14 } },
        toolbox,
        tooltip: { trigger: 'axis', formatter: '{b} 分：{c} 个项目' },
        grid: { left: 40, right: 36, top: 56, bottom: 30 },
        xAxis: { type: 'category', data: bands.map((b) => b.label), axisLabel: { interval: 0 }, name: '分' },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            type: 'bar',
            name: '项目数',
            label: { show: true, position: 'top' },
            data: bands.map((b) => ({
              value: summary.ranking.filter((r) => r.total >= b.min && r.total < b.max).length,
              itemStyle: { color: gradeColors[b.grade] },
            })),
          },
        ],
      }}
    />
  );
}

/** 各项目预算执行率. */
export function ExecutionRateChart({ summary }: { summary: SummaryReport }) {
  const rows = [...summary.ranking].sort((a, b) => (a.rate ?? 0) - (b.rate ?? 0));
  return (
    <Chart
      label="各项目预算执行率图"
      height={Math.max(240, rows.length * 28 + 80)}
      option={{
        title: { text: '各项目预算执行率（%）', left: 8, textStyle: { fontSize: 14 } },
        toolbox,
        tooltip: { trigger: 'axis' },
        grid: { left: 140, right: 40, top: 48, bottom: 30 },
        xAxis: { type: 'value', max: 100, name: '%' },
        yAxis: { type: 'category', data: rows.map((r) => r.project) },
        series: [
          {
            type: 'bar',
            name: '执行率',
            data: rows.map((r) => (r.rate === null ? null : Math.round(r.rate * 100) / 100)),
            label: { show: true, position: 'right', formatter: '{c}%' },
            itemStyle: { color: '#2e9d58' },
          },
        ],
      }}
    />
  );
}

/** 预算数与执行数 by project. */
export function BudgetVsExecutedChart({ summary }: { summary: SummaryReport }) {
  const rows = summary.ranking;
  return (
    <Chart
      label="预算数与执行数对比图"
      option={{
        title: { text: `预算数与执行数（${summary.unit}）`, left: 8, textStyle: { fontSize: 14 } },
        toolbox,
        tooltip: { trigger: 'axis' },
        legend: { top: 24 },
        grid: { left: 60, right: 20, top: 64, bottom: 60 },
        xAxis: {
          type: 'category',
          data: rows.map((r) => r.project),
          axisLabel: { interval: 0, width: 64, overflow: 'break' },
        },
        yAxis: { type: 'value' },
        series: [
          { type: 'bar', name: '全年预算数', data: rows.map((r) => r.budget), itemStyle: { color: '#8fb3e8' } },
          { type: 'bar', name: '全年执行数', data: rows.map((r) => r.executed), itemStyle: { color: '#1f5fbf' } },
        ],
      }}
    />
  );
}
