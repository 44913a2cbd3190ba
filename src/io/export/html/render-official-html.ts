/**
 * Forms → one printable HTML document in the official layout: one `<table>` per form with
 * rowspan/colspan, title and year above, 填表人 and 备注 below, A4 page setup and a page break
 * between forms. It is the `--to html` export, chromium prints it into the PDF export, and the
 * fixture scripts print / convert it into the seed PDF and .docx that the importers are tested on.
 * All form text is HTML-escaped; the page has no script and loads nothing.
 */
import type { Form } from '../../../domain/form/form.schema.js';
import {
  columnPercents,
  layoutForm,
  type FormLayout,
  type LayoutCell,
  type LayoutOptions,
} from '../layout/official-layout.js';

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const cellHtml = (cell: LayoutCell): string => {
  const spans =
    (cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : '') + (cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : '');
  const tag = cell.role === 'label' ? 'th' : 'td';
  return `<${tag}${spans}>${escapeHtml(cell.text).replace(/\n/g, '<br>')}</${tag}>`;
};

function tableHtml(layout: FormLayout): string {
  const rows: string[] = [];
  for (let r = 0; r < layout.rowCount; r += 1) {
    const cells = layout.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col);
    rows.push(`<tr>${cells.map(cellHtml).join('')}</tr>`);
  }
  const widths = columnPercents(layout.colCount);
  const cols = widths.map((w) => `<col style="width:${w.toFixed(1)}%">`).join('');
  return `<table><colgroup>${cols}</colgroup>\n${rows.join('\n')}\n</table>`;
}

function formHtml(layout: FormLayout): string {
  const [first, ...rest] = layout.above;
  const above =
    layout.above.length > 2 && first !== undefined ? [`<p class="attachment">${escapeHtml(first)}</p>`] : [];
  const titles = layout.above.length > 2 ? rest : layout.above;
  above.push(`<h1>${escapeHtml(titles[0] ?? '')}</h1>`, `<p class="year">${escapeHtml(titles[1] ?? '')}</p>`);
  const below = layout.below.map((item) =>
    item.kind === 'text'
      ? `<p class="note">${escapeHtml(item.text)}</p>`
      : `<p class="preparer">${item.pairs.map(([l, v]) => `${escapeHtml(l)} ${escapeHtml(v)}`).join('\u3000\u3000')}</p>`,
  );
  return `<section class="form">\n${above.join('\n')}\n${tableHtml(layout)}\n${below.join('\n')}\n</section>`;
}

const STYLE = `
  @page { size: A4; margin: 18mm 15mm; }
  body { font-family: "Noto Sans CJK SC", sans-serif; font-size: 10pt; color: #000; }
  .form + .form { break-before: page; page-break-before: always; }
  h1 { font-size: 16pt; text-align: center; margin: 4pt 0; font-weight: bold; }
  p { margin: 2pt 0; }
  p.year { text-align: center; }
  table { width: 100%; border-collapse: collapse; table-layout: fixed; }
  th, td { border: 1px solid #000; padding: 2pt 3pt; vertical-align: middle; word-break: break-all; }
  th { font-weight: normal; text-align: center; }
  td { text-align: left; }
  p.note { font-size: 8pt; }
`;

/** Renders forms as one HTML document; `options(i)` says how form `i` is printed. */
export function renderOfficialHtml(
  forms: readonly Form[],
  options: (index: number) => LayoutOptions = () => ({}),
): string {
  const sections = forms.map((form, i) => formHtml(layoutForm(form, options(i))));
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(forms[0]?.title ?? '项目支出绩效自评表')}</title>
<style>${STYLE}</style>
</head>
<body>
${sections.join('\n')}
</body>
</html>
`;
}
