import { memo, useCallback, useMemo, useState, type Dispatch } from 'react';
import { AutoComplete, Button, Input, Modal, Space, Typography } from 'antd';
import { PlusOutlined, SnippetsOutlined } from '@ant-design/icons';
import type { Form, Profile } from '../lib/core';
import type { ReviewComment } from '../api/types';
import type { Evaluation } from './use-evaluation';
import { blankIndicator, groupRuns, type FormEdit, type GroupRun } from './form-edit';
import { IndicatorRow, type EditorMode } from './IndicatorRow';
import { indicatorsFromPaste } from './paste-rows';

const noComments: readonly ReviewComment[] = [];
const noFindings: readonly never[] = [];

export interface IndicatorTableProps {
  readonly form: Form;
  readonly evaluation: Evaluation;
  readonly profile: Profile;
  readonly mode: EditorMode;
  readonly comments: readonly ReviewComment[];
  readonly ratings: ReadonlyMap<number, number>;
  readonly dispatch: Dispatch<FormEdit>;
  readonly onComment: (index: number, body: string) => void;
  readonly onRate: (index: number, r: number) => void;
}

/** 绩效指标: the indicator table grouped by 一级/二级 as merged cells, like the paper form. */
export function IndicatorTable(p: IndicatorTableProps) {
  const { form, evaluation, mode, dispatch } = p;
  // The merged cells depend on the rows' 一级/二级 names only. Typing a value leaves them alone, so the
  // runs keep their identity and every row's memo compares them at a glance.
  const groupsKey = form.indicators.map((ind) => `${ind.level1}\u0000${ind.level2}`).join('\u0001');
  const runs = useMemo(() => groupRuns(form.indicators), [groupsKey]);
  const startsL1 = useMemo(() => new Map(runs.level1.map((r) => [r.from, r])), [runs]);
  const startsL2 = useMemo(() => new Map(runs.level2.map((r) => [r.from, r])), [runs]);
  const commentsByIndex = useMemo(() => {
    const m = new Map<number, ReviewComment[]>();
    for (const c of p.comments)
      if (c.indicatorIndex !== null) m.set(c.indicatorIndex, [...(m.get(c.indicatorIndex) ?? []), c]);
    return m;
  }, [p.comments]);
  const editable = mode === 'edit';
  const [adding, setAdding] = useState(false);
  const [pasting, setPasting] = useState(false);
  const openAdd = useCallback(() => setAdding(true), []);
  const openPaste = useCallback(() => setPasting(true), []);

  return (
    <section aria-labelledby="indicators-title" style={{ marginTop: 16 }}>
      <IndicatorToolbar count={form.indicators.length} editable={editable} onAdd={openAdd} onPaste={openPaste} />
      <div style={{ overflowX: 'auto' }}>
        <table className="paper-table" aria-describedby="indicators-title">
          <colgroup>
            <col style={{ width: 64 }} />
            <col style={{ width: 84 }} />
            <col style={{ width: 170 }} />
            <col style={{ width: 128 }} />
            <col style={{ width: 128 }} />
            <col style={{ width: 92 }} />
            <col style={{ width: 150 }} />
            <col />
            {editable && <col style={{ width: 72 }} />}
          </colgroup>
          <thead>
            <tr>
              <th scope="col">一级指标</th>
              <th scope="col">二级指标</th>
              <th scope="col">三级指标</th>
              <th scope="col">年度指标值</th>
              <th scope="col">全年完成值</th>
              <th scope="col">完成率／得分</th>
              <th scope="col">未完成原因和改进措施</th>
              <th scope="col">检查与审核意见</th>
              {editable && <th scope="col">操作</th>}
            </tr>
          </thead>
          <tbody>
            {form.indicators.map((ind, i) => (
              <IndicatorRow
                key={i}
                index={i}
                count={form.indicators.length}
                indicator={ind}
                score={evaluation.score.indicators[i]}
                findings={evaluation.byIndicator.get(i) ?? noFindings}
                comments={commentsByIndex.get(i) ?? noComments}
                rating={p.ratings.get(i)}
                level1Run={startsL1.get(i) ?? null}
                level2Run={startsL2.get(i) ?? null}
                mode={mode}
                dispatch={dispatch}
                onComment={p.onComment}
                onRate={p.onRate}
              />
            ))}
          </tbody>
        </table>
      </div>
      {adding && (
        <AddIndicatorDialog
          runs={runs.level2}
          form={form}
          profile={p.profile}
          dispatch={dispatch}
          onClose={() => setAdding(false)}
        />
      )}
      {pasting && <PasteDialog form={form} dispatch={dispatch} onClose={() => setPasting(false)} />}
    </section>
  );
}

const IndicatorToolbar = memo(function IndicatorToolbar(props: {
  count: number;
  editable: boolean;
  onAdd: () => void;
  onPaste: () => void;
}) {
  return (
    <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
      <Typography.Title level={5} id="indicators-title" style={{ margin: 0 }}>
        绩效指标（{props.count} 项）
      </Typography.Title>
      {props.editable && (
        <Space>
          <Button icon={<PlusOutlined />} onClick={props.onAdd}>
            添加指标
          </Button>
          <Button icon={<SnippetsOutlined />} onClick={props.onPaste}>
            从 Excel 粘贴
          </Button>
        </Space>
      )}
    </Space>
  );
});

function AddIndicatorDialog(props: {
  runs: readonly GroupRun[];
  form: Form;
  profile: Profile;
  dispatch: Dispatch<FormEdit>;
  onClose: () => void;
}) {
  const level1Options = [
    ...new Set([...props.form.indicators.map((i) => i.level1), ...props.profile.categories.map((c) => c.name)]),
  ];
  const level2Options = [...new Set(props.form.indicators.map((i) => i.level2))];
  const [level1, setLevel1] = useState(level1Options[0] ?? '产出指标');
  const [level2, setLevel2] = useState('');
  return (
    <Modal
      open
      title="添加指标"
      okText="添加"
      cancelText="取消"
      onCancel={props.onClose}
      onOk={() => {
        const l2 = level2.trim() || '数量指标';
        // Insert after the last row of the same group, or at the end when the group is new.
        const last = props.form.indicators.findLastIndex((i) => i.level1 === level1 && i.level2 === l2);
        const at = last >= 0 ? last + 1 : props.form.indicators.length;
        props.dispatch({ type: 'insert-indicators', at, indicators: [blankIndicator(level1, l2)] });
        props.onClose();
      }}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <label>
          一级指标
          <AutoComplete
            style={{ width: '100%' }}
            value={level1}
            options={level1Options.map((v) => ({ value: v }))}
            onChange={setLevel1}
            aria-label="一级指标"
          />
        </label>
        <label>
          二级指标
          <AutoComplete
            style={{ width: '100%' }}
            value={level2}
            placeholder="如：数量指标、质量指标、时效指标、社会效益指标"
            options={level2Options.map((v) => ({ value: v }))}
            onChange={setLevel2}
            aria-label="二级指标"
          />
        </label>
      </Space>
    </Modal>
  );
}

function PasteDialog(props: { form: Form; dispatch: Dispatch<FormEdit>; onClose: () => void }) {
  const [text, setText] = useState('');
  const last = props.form.indicators.at(-1);
  const rows = indicatorsFromPaste(text, { level1: last?.level1 ?? '产出指标', level2: last?.level2 ?? '数量指标' });
  return (
    <Modal
      open
      width={720}
      title="从 Excel 粘贴指标"
      okText={`添加 ${rows.length} 项`}
      cancelText="取消"
      okButtonProps={{ disabled: rows.length === 0 }}
      onCancel={props.onClose}
      onOk={() => {
        props.dispatch({ type: 'insert-indicators', at: props.form.indicators.length, indicators: rows });
        props.onClose();
      }}
    >
      <Typography.Paragraph type="secondary">
        在 Excel
        中选中若干行后复制，粘贴到下面。支持的列：一级指标、二级指标、三级指标、年度指标值、全年完成值、未完成原因（6
        列）， 或只有三级指标、年度指标值、全年完成值（3 列）。也可以直接粘贴到表格中任一单元格。
      </Typography.Paragraph>
      <Input.TextArea rows={8} value={text} onChange={(e) => setText(e.target.value)} aria-label="粘贴的表格内容" />
      {rows.length > 0 && (
        <Typography.Paragraph style={{ marginTop: 8 }}>
          将添加：{rows.map((r) => `${r.level1}/${r.level2}/${r.name}`).join('；')}
        </Typography.Paragraph>
      )}
    </Modal>
  );
}
