import { useState } from 'react';
import { Alert, App, Button, Card, Collapse, List, Select, Space, Spin, Table, Tag, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useUser } from '../app/session-context';
import { Link } from 'react-router';
import { ApiError, describeError } from '../api/client';
import { importFiles, listOrgs, previewOnServer } from '../api/forms';
import type { ImportResponse } from '../api/types';
import { builtinProfiles, checkForm, defaultProfileName, scoreForm, type Profile } from '../lib/core';
import { formatNumber } from '../lib/format';
import { limiter } from '../lib/limiter';
import { GradeTag } from '../lib/status-tag';
import { awaitsServer, fromServer, previewFile, type FilePreview } from '../import/preview-file';

const profile = builtinProfiles[defaultProfileName] as Profile;
const severityColor = { error: 'red', warning: 'gold', info: 'default' } as const;
/** Server previews run two at a time however many files are dropped (see limiter.ts). */
const serverPreviews = limiter(2);

interface Item {
  readonly file: File;
  readonly preview: FilePreview;
}

/** 导入: drop files, preview the forms and issues the importers find, then save them as drafts. */
export default function ImportPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [items, setItems] = useState<Item[]>([]);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<ImportResponse | null>(null);
  const [failure, setFailure] = useState<{ message: string; issues: ImportResponse['issues'] } | null>(null);
  const user = useUser();
  // Finance imports on behalf of a unit and must say which one; a filler's forms go to its own unit.
  const orgs = useQuery({ queryKey: ['orgs'], queryFn: listOrgs, enabled: user.role !== 'filler' });
  const [unit, setUnit] = useState<string | null>(null);
  const orgName = new Map((orgs.data ?? []).map((o) => [o.id, o.name]));
  const unitOptions = (orgs.data ?? [])
    .filter((o) => o.kind === 'unit')
    .map((o) => ({ value: o.id, label: `${o.parentId ? `${orgName.get(o.parentId) ?? ''} / ` : ''}${o.name}` }));

  /** Replaces the item of this very file, unless it was removed (or replaced by a newer drop) meanwhile. */
  function update(file: File, preview: FilePreview) {
    setItems((list) => list.map((i) => (i.file === file ? { file, preview } : i)));
  }

  async function add(file: File) {
    const preview = await previewFile(file);
    setSaved(null);
    setFailure(null);
    setItems((list) => [...list.filter((i) => i.file.name !== file.name), { file, preview }]);
    if (!awaitsServer(preview)) return;
    // The browser reads text and JSON; the server reads the rest now, so that a PDF is checked
    // before it is saved rather than after.
    try {
      update(file, fromServer(file, await serverPreviews(() => previewOnServer(file))));
    } catch (err) {
      const issue = {
        file: file.name,
        code: 'preview-failed',
        severity: 'warning' as const,
        message: `服务器暂时无法预览此文件（${describeError(err)}），仍可直接保存导入。`,
        location: null,
        raw: null,
      };
      update(file, { ...preview, issues: [issue] });
    }
  }

  async function save() {
    setSaving(true);
    setFailure(null);
    try {
      const result = await importFiles(
        items.map((i) => i.file),
        user.role === 'filler' ? null : unit,
      );
      setSaved(result);
      setItems([]);
      void message.success(`已导入 ${result.forms.length} 份自评表（草稿）`);
      await queryClient.invalidateQueries({ queryKey: ['forms'] });
    } catch (err) {
      const issues =
        err instanceof ApiError
          ? (((err.body as { error?: { issues?: unknown } })?.error?.issues ?? []) as ImportResponse['issues'])
          : [];
      setFailure({ message: describeError(err), issues });
    } finally {
      setSaving(false);
    }
  }

  const errors = items.reduce((n, i) => n + i.preview.issues.filter((x) => x.severity === 'error').length, 0);
  const formCount = items.reduce((n, i) => n + i.preview.forms.length, 0);

  return (
    <div style={{ maxWidth: 1200 }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        导入自评表
      </Typography.Title>
      <Upload.Dragger
        multiple
        showUploadList={false}
        // Formats no importer reads (.mht, .ofd) are accepted too: their preview says how to save them.
        accept=".txt,.text,.json,.ndjson,.jsonl,.pdf,.docx,.doc,.wps,.xlsx,.xls,.et,.html,.htm,.mht,.mhtml,.ofd"
        beforeUpload={(file) => {
          void add(file);
          return false;
        }}
        aria-label="选择或拖入要导入的文件"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击选择，或把文件拖到这里</p>
        <p className="ant-upload-hint">
          支持 PDF、Word（.docx、.doc）、Excel（.xlsx、.xls）、WPS 表格（.et）、网页（.html）、JSON 和 PDF
          提取的文本；可一次多个文件。
        </p>
      </Upload.Dragger>

      {items.length > 0 && (
        <Card
          style={{ marginTop: 16 }}
          title={`预览：${items.length} 个文件，${formCount} 份表${errors > 0 ? `，${errors} 个错误` : ''}`}
          extra={
            <Space>
              <Button onClick={() => setItems([])}>清空</Button>
              {user.role !== 'filler' && (
                <Select
                  style={{ width: 280 }}
                  placeholder="导入到哪个实施单位"
                  aria-label="导入到哪个实施单位"
                  showSearch
                  optionFilterProp="label"
                  options={unitOptions}
                  value={unit}
                  onChange={setUnit}
                />
              )}
              <Button
                type="primary"
                loading={saving}
                disabled={user.role !== 'filler' && unit === null}
                onClick={() => void save()}
              >
                保存为草稿
              </Button>
            </Space>
          }
        >
          {errors > 0 && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              message="有文件存在错误：整批导入会失败（一个都不保存）。请移除或修正这些文件。"
            />
          )}
          {items.map((item) => (
            <FilePreviewCard
              key={item.file.name}
              preview={item.preview}
              onRemove={() => setItems((l) => l.filter((i) => i !== item))}
            />
          ))}
        </Card>
      )}

      {failure && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          message={failure.message}
          description={<IssueList issues={failure.issues} />}
        />
      )}

      {saved && (
        <Card style={{ marginTop: 16 }} title={`已保存为草稿：${saved.forms.length} 份`} data-testid="import-result">
          <List
            size="small"
            dataSource={[...saved.forms]}
            renderItem={(f) => (
              <List.Item>{f.id ? <Link to={`/forms/${f.id}`}>{f.project}</Link> : f.project}</List.Item>
            )}
          />
          <Link to="/forms">查看全部自评表</Link>
        </Card>
      )}
    </div>
  );
}

function FilePreviewCard({ preview, onRemove }: { preview: FilePreview; onRemove: () => void }) {
  const rows = preview.forms.map((form, i) => {
    const score = scoreForm(form, profile);
    return { key: i, form, score, findings: checkForm(form, score, profile).length };
  });
  return (
    <Card
      type="inner"
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <Space>
          <strong>{preview.name}</strong>
          <Tag>{preview.format}</Tag>
          <span style={{ color: '#667085' }}>{(preview.size / 1024).toFixed(1)} KB</span>
        </Space>
      }
      extra={
        <Button size="small" type="link" onClick={onRemove} aria-label={`移除 ${preview.name}`}>
          移除
        </Button>
      }
    >
      {awaitsServer(preview) && (
        <Space data-testid="preview-pending">
          <Spin size="small" />
          <Typography.Text type="secondary">正在由服务器解析此文件…</Typography.Text>
        </Space>
      )}
      {rows.length > 0 && (
        <Table<(typeof rows)[number]>
          size="small"
          pagination={false}
          dataSource={rows}
          data-testid="preview-table"
          columns={[
            { title: '项目名称', render: (_, r) => r.form.project.name },
            { title: '年度', width: 70, render: (_, r) => r.form.year },
            { title: '实施单位', render: (_, r) => r.form.project.implementer ?? '—' },
            { title: '指标数', width: 70, align: 'right', render: (_, r) => r.form.indicators.length },
            {
              title: '总分',
              width: 80,
              align: 'right',
              render: (_, r) => (
                <span data-testid="preview-total">{formatNumber(Math.round(r.score.total * 100) / 100)}</span>
              ),
            },
            {
              title: '等级',
              width: 80,
              render: (_, r) => <GradeTag grade={r.score.grade} provisional={r.score.provisional} />,
            },
            { title: '问题数', width: 70, align: 'right', render: (_, r) => r.findings },
          ]}
        />
      )}
      {preview.issues.length > 0 && (
        <Collapse
          size="small"
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'issues',
              label: `导入提示 ${preview.issues.length} 条`,
              children: <IssueList issues={preview.issues} />,
            },
          ]}
        />
      )}
    </Card>
  );
}

function IssueList({
  issues,
}: {
  issues: readonly {
    severity?: string;
    message: string;
    location?: string | null;
    code: string;
    raw?: string | null;
  }[];
}) {
  if (issues.length === 0) return null;
  return (
    <List
      size="small"
      dataSource={[...issues]}
      renderItem={(i) => (
        <List.Item>
          <Space align="start">
            <Tag color={severityColor[(i.severity ?? 'info') as keyof typeof severityColor] ?? 'default'}>
              {i.severity === 'error' ? '错误' : i.severity === 'warning' ? '警告' : '提示'}
            </Tag>
            <div>
              {i.message}
              {i.location ? `（${i.location}）` : ''}
              {/* The text the issue is about: messages say "原文见本条", and without it the filler cannot find it. */}
              {i.raw ? (
                <Typography.Paragraph
                  type="secondary"
                  style={{ margin: 0, whiteSpace: 'pre-wrap' }}
                  ellipsis={{ rows: 2, expandable: true, symbol: '展开' }}
                  data-testid="issue-raw"
                >
                  原文：{i.raw}
                </Typography.Paragraph>
              ) : null}
            </div>
          </Space>
        </List.Item>
      )}
    />
  );
}
