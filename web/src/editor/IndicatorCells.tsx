import { memo, useState, type ClipboardEvent, type Dispatch } from 'react';
import { Button, Input, Space } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, CommentOutlined, DeleteOutlined } from '@ant-design/icons';
import type { Indicator } from '../lib/core';
import type { ReviewComment } from '../api/types';
import { nullIfBlank, type FormEdit, type GroupRun } from './form-edit';

/** The cells of an indicator row, each memoised on its own props. */

type CellField = 'name' | 'target' | 'actual' | 'note';

/**
 * One input of the row, memoised on its own value: typing in the actual re-renders that input only,
 * not the row's other three. Blank text is stored as null (the model's blank cell), except the name.
 */
export const CellInput = memo(function CellInput(props: {
  index: number;
  field: CellField;
  value: string | null;
  label: string;
  multiline?: boolean;
  dispatch: Dispatch<FormEdit>;
  onPaste: ((e: ClipboardEvent<HTMLElement>) => void) | null;
}) {
  const { index, field, dispatch } = props;
  const onChange = (e: { target: { value: string } }) =>
    dispatch({
      type: 'indicator',
      index,
      patch: { [field]: field === 'name' ? e.target.value : nullIfBlank(e.target.value) } as Partial<Indicator>,
    });
  const common = {
    value: props.value ?? '',
    'aria-label': props.label,
    onChange,
    ...(props.onPaste ? { onPaste: props.onPaste } : {}),
  };
  return props.multiline ? (
    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} {...common} />
  ) : (
    <Input className="cell-value" {...common} />
  );
});

/** Move up, move down, delete: memoised, since typing in the row changes none of them. */
export const RowActions = memo(function RowActions(props: {
  index: number;
  count: number;
  label: string;
  dispatch: Dispatch<FormEdit>;
}) {
  const { index, label, dispatch } = props;
  return (
    <Space size={0} wrap>
      <Button
        size="small"
        type="text"
        icon={<ArrowUpOutlined />}
        aria-label={`${label}上移`}
        disabled={index === 0}
        onClick={() => dispatch({ type: 'move-indicator', index, by: -1 })}
      />
      <Button
        size="small"
        type="text"
        icon={<ArrowDownOutlined />}
        aria-label={`${label}下移`}
        disabled={index === props.count - 1}
        onClick={() => dispatch({ type: 'move-indicator', index, by: 1 })}
      />
      <Button
        size="small"
        type="text"
        danger
        icon={<DeleteOutlined />}
        aria-label={`删除${label}`}
        onClick={() => dispatch({ type: 'remove-indicator', index })}
      />
    </Space>
  );
});

export function Reading({ text, bad }: { text: string; bad: boolean }) {
  return (
    <span className="reading" style={bad ? { color: '#b42318' } : undefined} data-testid="reading">
      读作：{text}
    </span>
  );
}

export function GroupCell(props: {
  run: GroupRun;
  level: 'level1' | 'level2';
  editable: boolean;
  dispatch: Dispatch<FormEdit>;
}) {
  const { run, level, editable, dispatch } = props;
  const [draft, setDraft] = useState<string | null>(null);
  if (!editable) return <>{run.name}</>;
  return (
    <Input.TextArea
      variant="borderless"
      autoSize
      value={draft ?? run.name}
      aria-label={`${level === 'level1' ? '一级指标' : '二级指标'}「${run.name}」名称`}
      style={{ padding: 0, fontWeight: 500 }}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => {
        if (draft !== null && draft.trim() !== '' && draft !== run.name)
          dispatch({ type: 'rename-group', from: run.from, to: run.to, level, name: draft.trim() });
        setDraft(null);
      }}
    />
  );
}

export function Comments({ comments }: { comments: readonly ReviewComment[] }) {
  if (comments.length === 0) return null;
  return (
    <ul style={{ listStyle: 'none', padding: 0, margin: '4px 0 0' }} aria-label="审核意见">
      {comments.map((c) => (
        <li key={c.id} className="finding-line" data-testid="indicator-comment" style={{ color: '#1f5fbf' }}>
          <CommentOutlined aria-hidden /> 审核意见{c.author ? `（${c.author}）` : ''}：{c.body}
        </li>
      ))}
    </ul>
  );
}

export function CommentBox({ label, onSubmit }: { label: string; onSubmit: (body: string) => void }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  if (!open)
    return (
      <Button
        size="small"
        type="link"
        icon={<CommentOutlined />}
        onClick={() => setOpen(true)}
        aria-label={`对${label}提意见`}
      >
        提意见
      </Button>
    );
  return (
    <div style={{ marginTop: 4 }}>
      <Input.TextArea
        autoFocus
        autoSize={{ minRows: 2 }}
        value={text}
        aria-label={`${label}审核意见`}
        onChange={(e) => setText(e.target.value)}
      />
      <Space style={{ marginTop: 4 }}>
        <Button
          size="small"
          type="primary"
          disabled={text.trim() === ''}
          onClick={() => {
            onSubmit(text.trim());
            setText('');
            setOpen(false);
          }}
        >
          添加意见
        </Button>
        <Button size="small" onClick={() => setOpen(false)}>
          取消
        </Button>
      </Space>
    </div>
  );
}
