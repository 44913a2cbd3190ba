/**
 * Where the template's 备注 notes end. Every template prints numbered notes under its table
 * (`备注：1.请按项目体系…` … `5.定性指标…加权平均计算。`), which the model leaves out. Whatever a page
 * prints after them — a footer (`版权所有 …`), the 填表人 and 联系电话 lines, the next section of a
 * 决算 report — is not notes, and leaving it out with them would drop it silently.
 */

/** Phrases of the standard notes; a 备注 block holding none of them is data, not boilerplate. */
const NOTE_PHRASES = [
  '请按项目体系',
  '分值统一设置为',
  '其他资金包括',
  '产出数量指',
  '定量指标',
  '定性指标',
  '一个项目填报一份',
  '加权平均',
] as const;

/** `2.`, `3、`, `４．`: a numbered note (after the 备注 label, each note opens a line of its own). */
const NUMBERED = /^\s*[0-9０-９]{1,2}\s*[.、．]/;
/** A line ending a sentence; the next line then opens something new unless it is numbered. */
const SENTENCE_END = /[。；;！!]\s*$/;

export const holdsNotePhrase = (text: string): boolean => NOTE_PHRASES.some((p) => text.includes(p));

/**
 * Whether `line`, printed after the notes line `previous`, is still the notes: a numbered note, the
 * rest of a note wrapped at the page's edge (`previous` stops mid-sentence), or a line with the
 * template's own words.
 */
export function continuesNotes(line: string, previous: string): boolean {
  return NUMBERED.test(line) || !SENTENCE_END.test(previous) || holdsNotePhrase(line);
}

const NOTES_LABEL = /^(?:备注|注)\s*[:：]?\s*/;

/**
 * Whether a 备注 line opens the template's notes: their words follow the label, or nothing does
 * (the notes are on the lines below). A 备注 with other text (`备注：资金已于12月全部拨付`) is the
 * filler's own remark, kept as a field.
 */
export function opensTemplateNotes(text: string): boolean {
  return text.replace(NOTES_LABEL, '') === '' || holdsNotePhrase(text);
}
