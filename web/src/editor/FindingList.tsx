import { memo } from 'react';
import { CloseCircleFilled, InfoCircleFilled, WarningFilled } from '@ant-design/icons';
import type { Finding } from '../lib/core';

const icon = {
  error: <CloseCircleFilled aria-hidden />,
  warning: <WarningFilled aria-hidden />,
  info: <InfoCircleFilled aria-hidden />,
};
const severityText = { error: '错误', warning: '警告', info: '提示' };

/** Findings in Chinese, each saying what is wrong and what to do; the code is kept for search and tests. */
export const FindingList = memo(
  function FindingList({ findings }: { findings: readonly Finding[] }) {
    if (findings.length === 0) return null;
    return (
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="检查发现的问题">
        {findings.map((f, i) => (
          <li
            key={`${f.code}-${i}`}
            className={`finding-line finding-${f.severity}`}
            data-code={f.code}
            data-testid="finding"
            title={f.code}
          >
            {icon[f.severity]} <span className="sr-only">{severityText[f.severity]}：</span>
            {f.message}
          </li>
        ))}
      </ul>
    );
  },
  (a, b) => findingsKey(a.findings) === findingsKey(b.findings),
);

/** A stable key of a finding list, so that memoised rows re-render only when their findings change. */
export function findingsKey(findings: readonly Finding[] | undefined): string {
  return findings === undefined ? '' : findings.map((f) => `${f.code}|${f.field}|${f.message}`).join('\n');
}
