import { memo, type Dispatch } from 'react';
import { DatePicker, Descriptions, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import type { Form } from '../lib/core';
import { nullIfBlank, type FormEdit } from './form-edit';

/** The header of the paper form: project, period, department, unit, key project, attribute. */
export const HeaderSection = memo(function HeaderSection(props: {
  project: Form['project'];
  year: number;
  editable: boolean;
  dispatch: Dispatch<FormEdit>;
}) {
  const { editable, dispatch } = props;
  const p = props.project;
  const text = (value: string | null, label: string, onChange: (v: string | null) => void) =>
    editable ? (
      <Input value={value ?? ''} aria-label={label} onChange={(e) => onChange(nullIfBlank(e.target.value))} />
    ) : (
      (value ?? '—')
    );
  return (
    <Descriptions bordered size="small" column={3} styles={{ label: { width: 110 } }}>
      <Descriptions.Item label="项目名称" span={2}>
        {editable ? (
          <Input
            value={p.name}
            aria-label="项目名称"
            onChange={(e) => dispatch({ type: 'project', patch: { name: e.target.value } })}
          />
        ) : (
          p.name
        )}
      </Descriptions.Item>
      <Descriptions.Item label="年度">
        {editable ? (
          <InputNumber
            value={props.year}
            min={1990}
            max={2100}
            aria-label="年度"
            onChange={(v) => v != null && dispatch({ type: 'top', patch: { year: v } })}
          />
        ) : (
          `${props.year}年`
        )}
      </Descriptions.Item>
      <Descriptions.Item label="主管部门">
        {text(p.department, '主管部门', (v) => dispatch({ type: 'project', patch: { department: v } }))}
      </Descriptions.Item>
      <Descriptions.Item label="实施单位">
        {text(p.implementer, '实施单位', (v) => dispatch({ type: 'project', patch: { implementer: v } }))}
      </Descriptions.Item>
      <Descriptions.Item label="项目属性">
        {text(p.attribute, '项目属性', (v) => dispatch({ type: 'project', patch: { attribute: v } }))}
      </Descriptions.Item>
      <Descriptions.Item label="项目起止时间" span={2}>
        {editable ? (
          <DatePicker.RangePicker
            aria-label="项目起止时间"
            value={p.period ? [dayjs(p.period.start), dayjs(p.period.end)] : null}
            onChange={(r) =>
              dispatch({
                type: 'project',
                patch: {
                  period:
                    r && r[0] && r[1] ? { start: r[0].format('YYYY-MM-DD'), end: r[1].format('YYYY-MM-DD') } : null,
                },
              })
            }
          />
        ) : p.period ? (
          `${dayjs(p.period.start).format('YYYY年M月D日')} 至 ${dayjs(p.period.end).format('YYYY年M月D日')}`
        ) : (
          '—'
        )}
      </Descriptions.Item>
      <Descriptions.Item label="重点绩效项目">
        {editable ? (
          <Select
            style={{ width: 100 }}
            aria-label="是否重点绩效项目"
            value={p.isKeyProject === null ? 'null' : p.isKeyProject ? 'yes' : 'no'}
            options={[
              { value: 'yes', label: '是' },
              { value: 'no', label: '否' },
              { value: 'null', label: '未填' },
            ]}
            onChange={(v) => dispatch({ type: 'project', patch: { isKeyProject: v === 'null' ? null : v === 'yes' } })}
          />
        ) : p.isKeyProject === null ? (
          '—'
        ) : p.isKeyProject ? (
          '是'
        ) : (
          '否'
        )}
      </Descriptions.Item>
    </Descriptions>
  );
});

/** 年度总体目标, 说明 and 填表人: the free-text parts of the form. */
export const NarrativeSection = memo(function NarrativeSection(props: {
  objectives: Form['objectives'];
  remarks: string | null;
  preparer: Form['preparer'];
  editable: boolean;
  dispatch: Dispatch<FormEdit>;
}) {
  const { editable, dispatch } = props;
  const form = { objectives: props.objectives, remarks: props.remarks, preparer: props.preparer };
  const area = (value: string | null, label: string, onChange: (v: string | null) => void) =>
    editable ? (
      <Input.TextArea
        autoSize={{ minRows: 2, maxRows: 8 }}
        value={value ?? ''}
        aria-label={label}
        onChange={(e) => onChange(nullIfBlank(e.target.value))}
      />
    ) : (
      <div style={{ whiteSpace: 'pre-wrap' }}>{value ?? '—'}</div>
    );
  return (
    <Descriptions bordered size="small" column={2} style={{ marginTop: 16 }} styles={{ label: { width: 110 } }}>
      <Descriptions.Item label="年初设定目标">
        {area(form.objectives.planned, '年初设定目标', (v) => dispatch({ type: 'objectives', patch: { planned: v } }))}
      </Descriptions.Item>
      <Descriptions.Item label="全年实际完成情况">
        {area(form.objectives.actual, '全年实际完成情况', (v) =>
          dispatch({ type: 'objectives', patch: { actual: v } }),
        )}
      </Descriptions.Item>
      <Descriptions.Item label="说明" span={2}>
        {area(form.remarks, '说明', (v) => dispatch({ type: 'top', patch: { remarks: v } }))}
      </Descriptions.Item>
      <Descriptions.Item label="填表人">
        {editable ? (
          <Input
            value={form.preparer.name ?? ''}
            aria-label="填表人"
            onChange={(e) => dispatch({ type: 'preparer', patch: { name: nullIfBlank(e.target.value) } })}
          />
        ) : (
          (form.preparer.name ?? '—')
        )}
      </Descriptions.Item>
      <Descriptions.Item label="联系电话">
        {editable ? (
          <Input
            value={form.preparer.phone ?? ''}
            aria-label="联系电话"
            onChange={(e) => dispatch({ type: 'preparer', patch: { phone: nullIfBlank(e.target.value) } })}
          />
        ) : (
          (form.preparer.phone ?? '—')
        )}
      </Descriptions.Item>
    </Descriptions>
  );
});
