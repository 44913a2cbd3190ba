/**
 * Downloads a URL as a file through a hidden link (the session cookie goes along). The server names
 * the file in Content-Disposition; `fallbackName` is used when it does not.
 */
export function downloadUrl(url: string, fallbackName: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fallbackName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** What the exporter (src/io/export via GET /api/forms/:id/export) offers, in the order shown. */
export const exportFormats = [
  { key: 'xlsx', format: 'xlsx', scores: false, label: 'Excel（官方样式）' },
  { key: 'xlsx-scores', format: 'xlsx', scores: true, label: 'Excel（含计算得分）' },
  { key: 'pdf', format: 'pdf', scores: true, label: 'PDF（含得分）' },
  { key: 'html', format: 'html', scores: true, label: '打印版（HTML）' },
  { key: 'csv', format: 'csv', scores: false, label: 'CSV' },
  { key: 'json', format: 'json', scores: false, label: 'JSON' },
  { key: 'datapackage', format: 'datapackage', scores: false, label: '数据包（datapackage）' },
] as const;

export type ExportKey = (typeof exportFormats)[number]['key'];

/** The download URL of one form in an export format (`key` of exportFormats, or a plain format). */
export function formExportUrl(id: string, key: string): string {
  const f = exportFormats.find((e) => e.key === key);
  const format = f?.format ?? key;
  return `/api/forms/${encodeURIComponent(id)}/export?format=${encodeURIComponent(format)}${f?.scores ? '&scores=true' : ''}`;
}

/** File extension for a format key, for the fallback download name. */
export function exportExtension(key: string): string {
  const format = exportFormats.find((e) => e.key === key)?.format ?? key;
  return format === 'datapackage' ? 'zip' : format;
}
