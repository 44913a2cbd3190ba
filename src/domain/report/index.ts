/** Report shapes shared by the CLI and the HTTP API: JSON objects, flat columns for CSV and tables. */
export { round2, formatNumber, formatPercent } from './round2.js';
export { csvBom, csvLine, toCsv, type Cell } from './csv.js';
export { rowCells, type Column } from './columns.js';
export {
  toScoreReport,
  scoreRows,
  scoreColumns,
  scoreHeading,
  statusLabel,
  type ScoreReport,
  type IndicatorReport,
  type ScoreRow,
} from './score-report.js';
export { toFindingReport, checkColumns, countSeverities, severityLabel, type FindingReport } from './check-report.js';
export {
  toSummaryReport,
  summaryRows,
  summaryColumns,
  summaryIndicatorColumns,
  summaryHeading,
  type SummaryReport,
  type SummaryRow,
  type IndicatorAggregateReport,
} from './summary-report.js';
