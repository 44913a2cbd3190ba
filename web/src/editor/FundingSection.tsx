import { memo, type Dispatch } from 'react';
import { InputNumber, Select, Typography } from 'antd';
import type { Finding, Form, FundingLine } from '../lib/core';
import type { FormEdit } from './form-edit';
import { FindingList, findingsKey } from './FindingList';
import { formatPercent } from '../lib/format';

/** B/A in percent, for display only (the scorer computes the official rate in fen). */
function computedRate(l: FundingLine): number | null {
  return l.budget != null && l.executed != null && l.budget > 0 ? (l.executed / l.budget) * 100 : null;
}

type MoneyField = 'initialBudget' | 'budget' | 'executed' | 'rate';

/** 项目资金: the funding table, the execution rate computed live beside the printed one. */
export const FundingSection = memo(
  function FundingSection(props: {
    funding: Form['funding'];
    findings: readonly Finding[];
    budgetRate: number | null;
    editable: boolean;
    dispatch: Dispatch<FormEdit>;
  }) {
    const { funding, editable, dispatch } = props;
    const hasInitial = funding.lines.some((l) => l.initialBudget != null);
    const fields: { key: MoneyField; label: string }[] = [
      ...(hasInitial || editable ? [{ key: 'initialBudget' as const, label: '年初预算数' }] : []),
      { key: 'budget', label: '全年预算数（A）' },
      { key: 'executed', label: '全年执行数（B）' },
      { key: 'rate', label: '执行率（表内）' },
    ];
    return (
      <section aria-labelledby="funding-title" style={{ marginTop: 16 }}>
        <Typography.Title level={5} id="funding-title" style={{ margin: '0 0 8px' }}>
          项目资金（
          {editable ? (
            <Select
              size="small"
              variant="borderless"
              value={funding.unit}
              aria-label="资金单位"
              options={[
                { value: '万元', label: '万元' },
                { value: '元', label: '元' },
              ]}
              onChange={(unit) => dispatch({ type: 'funding-unit', unit })}
            />
          ) : (
            funding.unit
          )}
          ）· 预算执行率{' '}
          <span data-testid="budget-rate">
            {formatPercent(props.budgetRate === null ? null : Math.round(props.budgetRate * 100) / 100)}
          </span>
        </Typography.Title>
        <table className="paper-table" style={{ maxWidth: 900 }}>
          <thead>
            <tr>
              <th scope="col" style={{ width: 180 }}>
                资金来源
              </th>
              {fields.map((f) => (
                <th scope="col" key={f.key}>
                  {f.label}
                </th>
              ))}
              <th scope="col">执行率（B/A 计算）</th>
            </tr>
          </thead>
          <tbody>
            {funding.lines.map((line, i) => {
              const rate = computedRate(line);
              const differs = rate !== null && line.rate != null && Math.abs(rate - line.rate) > 0.01;
              return (
                <tr key={i}>
                  <th scope="row" style={{ textAlign: 'left', fontWeight: i === 0 ? 600 : 400 }}>
                    {line.name}
                  </th>
                  {fields.map((f) => (
                    <td key={f.key}>
                      {editable ? (
                        <InputNumber
                          size="small"
                          style={{ width: '100%' }}
                          value={line[f.key]}
                          aria-label={`${line.name}${f.label}`}
                          onChange={(v) => dispatch({ type: 'funding-line', index: i, patch: { [f.key]: v ?? null } })}
                        />
                      ) : f.key === 'rate' ? (
                        formatPercent(line.rate)
                      ) : (
                        (line[f.key] ?? '')
                      )}
                    </td>
                  ))}
                  <td style={{ color: differs ? '#b42318' : undefined }}>
                    {rate === null ? '—' : formatPercent(Math.round(rate * 100) / 100)}
                    {differs && '（与表内不符）'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <FindingList findings={props.findings} />
      </section>
    );
  },
  // The findings list is rebuilt on every keystroke: compare it by content.
  (a, b) =>
    a.funding === b.funding &&
    a.budgetRate === b.budgetRate &&
    a.editable === b.editable &&
    a.dispatch === b.dispatch &&
    findingsKey(a.findings) === findingsKey(b.findings),
);
