/**
 * The pdf.js operators read-page-rules.ts reads from a page's operator list: paths, the
 * transformation matrix and images. Operator lists reach the main thread with only these
 * (pdfjs-thread.ts drops the rest in the pdf.js thread), so an operator read there must be listed.
 */
export const RULE_OPERATORS = [
  'save',
  'restore',
  'transform',
  'paintFormXObjectBegin',
  'paintFormXObjectEnd',
  'constructPath',
  'paintImageXObject',
  'paintInlineImageXObject',
  'paintImageXObjectRepeat',
  'paintInlineImageXObjectGroup',
] as const;
