import { addExtra, type FormDraft, type ParseContext } from './form-draft.js';
import { joinWrapped } from './join-wrapped.js';
import { parseMoney } from './parse-number.js';
import { tokenText, useToken, type LabelToken, type Token } from './cell-stream.js';
import { FIELD_LABELS, PROJECT_CODE } from './vocabulary.js';

/**
 * Labelled fields of the form head and foot (项目名称 …, 填表人 …, 说明, 总分) and printed fields
 * the model does not know, which go to `extras` under their label.
 */

/** Fields whose value is free text that may run over several lines. */
const TEXT_FIELDS = new Set(['remarks']);
const PERIOD =
  /^(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*[.\-/月]\s*(\d{1,2})\s*日?\s*[-—–~～至到]+\s*(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*[.\-/月]\s*(\d{1,2})\s*日?$/;

/** The value tokens of a label: the rest of its line, or the next line when its line has none. */
function pickValues(label: LabelToken, all: readonly Token[], wholeText: boolean): Token[] {
  const tokens = all.filter((t) => t.type === 'label' || (t.cell.text !== '' && !t.cell.used));
  if (wholeText) return tokens;
  const sameLine = tokens.filter((t) => t.line === label.line);
  if (sameLine.length > 0 || label.rest !== null) return sameLine;
  const next = tokens[0];
  return next === undefined ? [] : tokens.filter((t) => t.line === next.line);
}

/** The ISO date, or null when no such day exists (Gregorian calendar; checked without Date parsing, which is slow). */
function isoDate(y: string, m: string, d: string): string | null {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  if (month < 1 || month > 12 || day < 1 || day > days) return null;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** `2020.1.1-2020.12.31` → ISO dates; null when the text is not two full dates. */
export function parsePeriod(text: string): { start: string; end: string } | null {
  const m = PERIOD.exec(text.replace(/\s+/g, ''));
  if (m === null) return null;
  const [, y1 = '', m1 = '', d1 = '', y2 = '', m2 = '', d2 = ''] = m;
  const start = isoDate(y1, m1, d1);
  const end = isoDate(y2, m2, d2);
  return start === null || end === null ? null : { start, end };
}

const TICK = /[☑√✓✔■☒]/u;
const BOX = /[□☐]/u;

/** The one ticked option of a checkbox row, without its number; null when none or several are ticked. */
export function tickedOption(text: string): string | null {
  if (!TICK.test(text)) return null;
  // Boxes printed after their options (`持续性项目☑`) or before them (`☑持续性项目`).
  const boxFirst = /^(?:\d{1,2}[、.．])?\s*[☑√✓✔■☒□☐]/u.test(text);
  const options = text
    .split(boxFirst ? /(?=[☑√✓✔■☒□☐])/u : /(?=\d{1,2}[、.．])|(?<=[☑√✓✔■☒□☐])/u)
    .map((o) => o.replace(/^[、,，\s]+/, '').trim())
    .filter((o) => o !== '');
  const ticked = options.filter((o) => TICK.test(o) && !BOX.test(o));
  if (ticked.length !== 1) return null;
  const option = (ticked[0] ?? '')
    .replace(/^\d{1,2}[、.．]\s*/, '')
    .replace(/[☑√✓✔■☒]/gu, '')
    .trim();
  return option === '' ? null : option;
}

/**
 * A field printed once per form: the first value is kept, and another one printed under the same
 * label (a page's own 填表人 line after the form's, a second 主管部门) goes to extras, not away.
 */
function keepFirst(
  draft: FormDraft,
  field: 'department' | 'implementer' | 'attribute' | 'preparerName' | 'phone' | 'remarks' | 'grade',
  label: string,
  value: string | null,
): void {
  const current = draft[field];
  if (current === null || current === undefined) draft[field] = value;
  else if (value !== null && value !== current) addExtra(draft, label, value);
}

/** Applies one labelled field and its value tokens to the draft; unplaced values stay unused. */
export function applyField(label: LabelToken, tokens: readonly Token[], ctx: ParseContext): void {
  const { draft, log } = ctx;
  useToken(label);
  const key = FIELD_LABELS.get(label.key);
  const wholeText = key === undefined || TEXT_FIELDS.has(key);
  const values = pickValues(label, tokens, wholeText).filter((t) => t.type === 'label' || t.cell.text !== '');
  if (key === 'total') takeScoreBelow(label, values, tokens);
  takeDeferredTotal(values, ctx);
  values.forEach(useToken);
  const pieces = [...(label.rest === null ? [] : [label.rest]), ...values.map(tokenText)];
  const text = joinWrapped(pieces);
  const value = text === '' ? null : text;
  const at = { form: ctx.form };
  switch (key) {
    case 'name': {
      const coded = value === null ? null : PROJECT_CODE.exec(value);
      if (coded?.[1] !== undefined && coded[2] !== undefined) {
        addExtra(draft, '项目编码', coded[1]);
        draft.name = coded[2];
      } else if (draft.name !== null && value !== null) addExtra(draft, label.key, value);
      else draft.name = value;
      return;
    }
    case 'period':
      if (value === null) return;
      draft.period = parsePeriod(value);
      if (draft.period === null) {
        addExtra(draft, label.key, value);
        log.add(
          'period-unparsed',
          'info',
          `项目起止时间"${value}"不是完整的起止日期，已原样放入 extras，请核对。`,
          label.line,
          value,
          { ...at, path: 'project.period' },
        );
      }
      return;
    case 'department':
    case 'implementer':
    case 'grade':
      keepFirst(draft, key, label.key, value);
      return;
    case 'isKeyProject':
      if (value === '是' || value === '否') draft.isKeyProject = value === '是';
      else if (value !== null) {
        addExtra(draft, label.key, value);
        log.add(
          'key-project-unclear',
          'warning',
          `是否重点绩效项目应填"是"或"否"，实际为"${value}"，已放入 extras，请核对。`,
          label.line,
          value,
          { ...at, path: 'project.isKeyProject' },
        );
      }
      return;
    case 'attribute': {
      // `1、持续性项目 ☑ 2、新增性项目 □`: the attribute is the ticked option; the row stays in extras.
      const ticked = value === null ? null : tickedOption(value);
      if (ticked !== null && value !== null) addExtra(draft, label.key, value);
      keepFirst(draft, 'attribute', label.key, ticked ?? value);
      return;
    }
    case 'preparer':
      keepFirst(draft, 'preparerName', label.key, value);
      return;
    case 'phone':
    case 'remarks':
      keepFirst(draft, key, label.key, value);
      return;
    case 'total':
      // One cell per line: the score's cell comes after the fields printed beside 自评得分.
      if (pieces.length === 0) draft.awaitingTotal = true;
      else applyTotal(label, pieces, ctx);
      return;
    case undefined:
      if (value !== null) addExtra(draft, label.key, value);
      else if (label.rest === null) addExtra(draft, label.key, '');
  }
}

/**
 * One cell per line, a 总分 row reads `总分` / `100` / `98`: the line after the label holds the
 * 分值 100 alone, the score is the lone number on the line after it. Taken only then (a form scores
 * out of 100), so the score goes to the total and the 100 to its 分值, as on one line.
 */
function takeScoreBelow(label: LabelToken, values: Token[], tokens: readonly Token[]): void {
  const points = values[0];
  if (values.length !== 1 || label.rest !== null || points?.type !== 'cell' || points.cell.text !== '100') return;
  if (points.line === label.line) return;
  const rest = tokens.filter((t) => t.type === 'label' || (t.cell.text !== '' && !t.cell.used));
  const at = rest.indexOf(points);
  const score = rest[at + 1];
  if (at < 0 || score?.type !== 'cell' || score.line === points.line || rest[at + 2]?.line === score.line) return;
  if (/^\d{1,3}(?:\.\d{1,2})?$/.test(score.cell.text) && Number(score.cell.text) <= 100) values.push(score);
}

/**
 * A 自评得分 printed with no value beside it gets the lone number that closes a later field of the
 * head (`省级主管部门` `四川省市场监管局` `100`), taken out of that field's value.
 */
function takeDeferredTotal(values: Token[], ctx: ParseContext): void {
  const last = values[values.length - 1];
  if (!ctx.draft.awaitingTotal || values.length < 2 || last?.type !== 'cell') return;
  if (!/^\d{1,3}(?:\.\d{1,2})?$/.test(last.cell.text)) return;
  values.pop();
  useToken(last);
  ctx.draft.total = Number(last.cell.text);
  ctx.draft.awaitingTotal = false;
  ctx.log.add(
    'total-found-apart',
    'info',
    `"自评得分"旁没有数值，已把后面单独一格的"${last.cell.text}"作为自评得分，请核对。`,
    last.line,
    last.cell.text,
    { form: ctx.form, path: 'selfScore.total' },
  );
}

/** 总分 / 自评得分: the last number is the score; an earlier one (the 100 of 分值) goes to extras. */
function applyTotal(label: LabelToken, allPieces: readonly string[], ctx: ParseContext): void {
  // `总分 100 96 优` (Yunnan): the grade printed after the score is the form's 等级.
  const grade = allPieces.length > 1 ? allPieces[allPieces.length - 1] : undefined;
  const graded = grade !== undefined && GRADES.has(grade);
  if (graded) keepFirst(ctx.draft, 'grade', '等级', grade);
  const pieces = graded ? allPieces.slice(0, -1) : allPieces;
  const numbers = pieces.map((p) => parseMoney(p.replace(/分$/, '')));
  const last = numbers[numbers.length - 1];
  if (last === undefined || last === null) {
    if (pieces.length > 0) {
      const raw = pieces.join(' ');
      addExtra(ctx.draft, label.key, raw);
      ctx.log.add(
        'score-unreadable',
        'warning',
        `"${label.key}"的值"${raw}"不是数字，已放入 extras，请核对。`,
        label.line,
        raw,
        { form: ctx.form, path: 'selfScore.total' },
      );
    }
    return;
  }
  // A form scores out of 100: more is the 分值 100 glued to the score (`总分100100`, `10098.5`).
  const glued = pieces.length === 1 && last > 100 ? GLUED_TOTAL.exec(pieces[0] ?? '') : null;
  if (glued?.[1] !== undefined && Number(glued[1]) <= 100) {
    ctx.draft.total = Number(glued[1]);
    addExtra(ctx.draft, `${label.key}(分值)`, '100');
    ctx.log.add(
      'total-glued-split',
      'info',
      `"${label.key}"的"${pieces[0] ?? ''}"是分值100与得分连在一起，已读作得分${glued[1]}，请核对。`,
      label.line,
      pieces[0] ?? '',
      { form: ctx.form, path: 'selfScore.total' },
    );
    return;
  }
  ctx.draft.total = last;
  if (pieces.length > 1) addExtra(ctx.draft, `${label.key}(分值)`, pieces.slice(0, -1).join(' '));
}

const GLUED_TOTAL = /^100(\d{1,3}(?:\.\d{1,2})?)分?$/;
/** Grades a form may print after its total score. */
const GRADES: ReadonlySet<string> = new Set(['优', '优秀', '良', '良好', '中', '中等', '合格', '差', '较差', '不合格']);
