import { useCallback, useMemo, useReducer, useRef, useState } from 'react';
import { App, Input, Modal, Result, Spin, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useUser } from '../app/session-context';
import { describeError } from '../api/client';
import {
  addComment,
  addDeduction,
  getForm,
  getReview,
  getScoreProfile,
  rateIndicator,
  transitionForm,
} from '../api/forms';
import type { FormRecord, Review, SessionUser } from '../api/types';
import { builtinProfiles, defaultProfileName, type Profile } from '../lib/core';
import { canEditForm, canReview, findTransition, type FormStatus } from '../lib/workflow';
import { readBackup } from './draft-backup';
import { editForm } from './form-edit';
import { sameJson } from './form-diff';
import { useAutosave } from './use-autosave';
import { countBySeverity, useEvaluation } from './use-evaluation';
import { ScoreBar } from './ScoreBar';
import { HeaderSection, NarrativeSection } from './HeaderSection';
import { FundingSection } from './FundingSection';
import { IndicatorTable } from './IndicatorTable';
import { FindingList } from './FindingList';
import { ConflictDialog } from './ConflictDialog';
import { HistoryDrawer } from './HistoryDrawer';
import { EditorActions, EditorHeading, ReviewPanelWithReturn, transitionLabels } from './EditorChrome';
import type { EditorMode } from './IndicatorRow';

/** 自评表: the paper form on screen, for filling (unit), reviewing (department, finance) or reading. */
export default function FormEditorPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const record = useQuery({
    queryKey: ['form', id],
    queryFn: ({ signal }) => getForm(id, signal),
    staleTime: Infinity,
  });
  const review = useQuery({ queryKey: ['review', id], queryFn: () => getReview(id) });
  const profileName = useQuery({ queryKey: ['profile', id], queryFn: () => getScoreProfile(id), staleTime: Infinity });
  if (record.isError)
    return (
      <Result
        status="404"
        title="无法打开此表"
        subTitle={describeError(record.error)}
        extra={<Link to="/forms">返回列表</Link>}
      />
    );
  if (!record.data || !review.data || profileName.isLoading)
    return (
      <Spin tip="正在打开自评表…" size="large">
        <div style={{ height: 200 }} />
      </Spin>
    );
  const profile =
    builtinProfiles[profileName.data ?? defaultProfileName] ?? (builtinProfiles[defaultProfileName] as Profile);
  return (
    <FormEditor
      // Only another form remounts the editor; a newer version of this one is adopted by useAutosave.
      key={record.data.id}
      record={record.data}
      review={review.data}
      profile={profile}
      user={user}
    />
  );
}

function FormEditor(props: { record: FormRecord; review: Review; profile: Profile; user: SessionUser }) {
  const { record, review, profile, user } = props;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mode: EditorMode = canEditForm(user.role, record.status)
    ? 'edit'
    : canReview(user.role, record.status)
      ? 'review'
      : 'read';

  // Typing that never reached the server (closed tab, network down) comes back from localStorage.
  const [restored] = useState(() => {
    const b = mode === 'edit' ? readBackup(record.id) : null;
    return b && !sameJson(b.form, record.form) ? b : null;
  });
  const [form, dispatch] = useReducer(editForm, restored?.form ?? record.form);
  // A backup made on an older version starts from that version: the save gets 409 and offers a merge.
  const olderBase = restored !== null && restored.baseVersion !== record.version ? restored : null;
  const autosave = useAutosave({
    id: record.id,
    form,
    base: olderBase ? olderBase.base : record.form,
    baseVersion: olderBase ? olderBase.baseVersion : record.version,
    server: record,
    enabled: mode === 'edit',
    dispatch,
  });

  const ratings = useMemo(
    () => new Map(Object.entries(review.ratings).map(([k, v]) => [Number(k), v])),
    [review.ratings],
  );
  const evaluation = useEvaluation(form, profile, ratings);
  const counts = useMemo(() => countBySeverity(evaluation.findings), [evaluation.findings]);
  // Read by the submit button's confirmation; a ref keeps the action bar from re-rendering per keystroke.
  const errorCount = useRef(counts.error);
  errorCount.current = counts.error;
  const deducted = review.deductions.reduce((s, d) => s + d.points, 0);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [returning, setReturning] = useState<FormStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const refreshReview = useCallback(
    () => queryClient.invalidateQueries({ queryKey: ['review', record.id] }),
    [queryClient, record.id],
  );
  const onComment = useCallback(
    (index: number | null, body: string) => {
      addComment(record.id, index, body).then(
        () => {
          void message.success('意见已添加');
          void refreshReview();
        },
        (err: unknown) => void message.error(describeError(err)),
      );
    },
    [record.id, message, refreshReview],
  );
  const onRate = useCallback(
    (index: number, r: number) => {
      rateIndicator(record.id, index, r).then(
        () => void refreshReview(),
        (err: unknown) => void message.error(describeError(err)),
      );
    },
    [record.id, message, refreshReview],
  );
  const onFormComment = useCallback((body: string) => onComment(null, body), [onComment]);
  const onDeduct = useCallback(
    (points: number, reason: string) =>
      void addDeduction(record.id, points, reason).then(
        () => void refreshReview(),
        (err: unknown) => void message.error(describeError(err)),
      ),
    [record.id, message, refreshReview],
  );

  async function move(to: FormStatus, comment: string | null) {
    setBusy(true);
    try {
      if (mode === 'edit' && !(await autosave.saveNow())) {
        void message.error('表单尚未保存成功，暂不能提交。请处理保存问题后再试。');
        return;
      }
      await transitionForm(record.id, to, comment, autosave.version());
      void message.success(`已${transitionLabels[to] ?? to}`);
      await queryClient.invalidateQueries({ queryKey: ['forms'] });
      await queryClient.invalidateQueries({ queryKey: ['history', record.id] });
      await queryClient.invalidateQueries({ queryKey: ['review', record.id] });
      await queryClient.invalidateQueries({ queryKey: ['form', record.id] });
    } catch (err) {
      void message.error(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  function onTransition(to: FormStatus) {
    const t = findTransition(record.status, to);
    if (t?.commentRequired) return setReturning(to);
    if (to === 'submitted' && errorCount.current > 0) {
      Modal.confirm({
        title: `还有 ${errorCount.current} 个错误，仍要提交吗？`,
        content: '错误会显示在相应的单元格旁边。建议修改后再提交。',
        okText: '仍然提交',
        cancelText: '返回修改',
        onOk: () => move(to, null),
      });
      return;
    }
    void move(to, null);
  }

  const transitionTo = useRef(onTransition);
  transitionTo.current = onTransition;
  const onTransitionStable = useCallback((to: FormStatus) => transitionTo.current(to), []);
  const openHistory = useCallback(() => setHistoryOpen(true), []);
  // The same element while typing, so that the score bar leaves the buttons alone.
  const actions = useMemo(
    () => (
      <EditorActions
        id={record.id}
        projectName={form.project.name}
        status={record.status}
        role={user.role}
        busy={busy}
        onHistory={openHistory}
        onTransition={onTransitionStable}
      />
    ),
    [record.id, form.project.name, record.status, user.role, busy, openHistory, onTransitionStable],
  );

  return (
    <div style={{ maxWidth: 1400 }}>
      <EditorHeading
        projectName={form.project.name}
        year={form.year}
        title={form.title}
        status={record.status}
        readOnly={mode === 'read'}
        restoredAt={restored?.savedAt ?? null}
      />
      <ScoreBar
        total={evaluation.score.total}
        grade={evaluation.score.grade}
        provisional={evaluation.score.provisional}
        deducted={deducted}
        errors={counts.error}
        warnings={counts.warning}
        infos={counts.info}
        save={mode === 'edit' ? autosave.state : null}
        actions={actions}
      />
      <ReviewPanelWithReturn
        id={record.id}
        status={record.status}
        review={review}
        canReview={mode === 'review'}
        onComment={onFormComment}
        onDeduct={onDeduct}
      />
      <div style={{ marginTop: 12 }}>
        <HeaderSection project={form.project} year={form.year} editable={mode === 'edit'} dispatch={dispatch} />
      </div>
      <FundingSection
        funding={form.funding}
        findings={evaluation.funding}
        budgetRate={evaluation.score.budget.rate}
        editable={mode === 'edit'}
        dispatch={dispatch}
      />
      <NarrativeSection
        objectives={form.objectives}
        remarks={form.remarks}
        preparer={form.preparer}
        editable={mode === 'edit'}
        dispatch={dispatch}
      />
      <FindingList findings={evaluation.other} />
      <IndicatorTable
        form={form}
        evaluation={evaluation}
        profile={profile}
        mode={mode}
        comments={review.comments}
        ratings={ratings}
        dispatch={dispatch}
        onComment={onComment}
        onRate={onRate}
      />
      {autosave.state.kind === 'conflict' && (
        <ConflictDialog
          base={autosave.state.base}
          mine={form}
          theirs={autosave.state.theirs}
          onResolve={(how) => {
            const left = autosave.resolve(how);
            if (left.length > 0) void message.warning(`合并完成，其中 ${left.length} 处双方都改过，已保留您的内容。`);
          }}
        />
      )}
      {historyOpen && <HistoryDrawer id={record.id} form={form} open onClose={() => setHistoryOpen(false)} />}
      {returning && (
        <ReturnDialog
          to={returning}
          onCancel={() => setReturning(null)}
          onOk={(c) => (setReturning(null), void move(returning, c))}
        />
      )}
    </div>
  );
}

function ReturnDialog(props: { to: FormStatus; onCancel: () => void; onOk: (comment: string) => void }) {
  const [text, setText] = useState('');
  return (
    <Modal
      open
      title="退回修改"
      okText="退回"
      cancelText="取消"
      okButtonProps={{ disabled: text.trim() === '', danger: true }}
      onCancel={props.onCancel}
      onOk={() => props.onOk(text.trim())}
    >
      <Typography.Paragraph>请说明退回原因，单位将在表单上看到它以及您对各指标的意见。</Typography.Paragraph>
      <Input.TextArea autoFocus rows={4} value={text} aria-label="退回原因" onChange={(e) => setText(e.target.value)} />
    </Modal>
  );
}
