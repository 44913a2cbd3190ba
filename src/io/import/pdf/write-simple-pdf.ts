/**
 * Writes small, valid PDFs from raw page content streams (Helvetica as font F1), with exact xref
 * offsets. For tests that need a PDF property no renderer here produces on demand: a page
 * rotation, thousands of pages.
 */

export interface SimplePage {
  /** Uncompressed content stream (PDF operators). */
  readonly content: string;
  /** [x0 y0 x1 y1], default A4 portrait. */
  readonly mediaBox?: readonly [number, number, number, number];
  /** /Rotate: 0, 90, 180 or 270. */
  readonly rotate?: number;
}

/** The bytes of a PDF with the given pages (ASCII content only). */
export function writeSimplePdf(pages: readonly SimplePage[]): Uint8Array {
  const objects: string[] = [];
  const font = 3 + pages.length * 2;
  const kids = pages.map((_, i) => `${3 + i * 2} 0 R`).join(' ');
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  pages.forEach((page, i) => {
    const box = (page.mediaBox ?? [0, 0, 595, 842]).join(' ');
    const rotate = page.rotate ? ` /Rotate ${page.rotate}` : '';
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [${box}]${rotate} /Contents ${4 + i * 2} 0 R /Resources << /Font << /F1 ${font} 0 R >> >> >>`,
    );
    objects.push(`<< /Length ${page.content.length} >>\nstream\n${page.content}\nendstream`);
  });
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/**
 * Content drawing a ruled table in a top-left coordinate system of the given page height: cell
 * lines stroked at xs × ys, one text per cell (row-major, '' for none), 10 pt Helvetica.
 */
export function ruledTableContent(
  xs: readonly number[],
  ys: readonly number[],
  texts: readonly string[],
  height: number,
): string {
  const y = (top: number): number => height - top;
  const lines: string[] = ['0.5 w'];
  for (const top of ys) lines.push(`${xs[0]} ${y(top)} m ${xs[xs.length - 1]} ${y(top)} l S`);
  for (const x of xs) lines.push(`${x} ${y(ys[0] ?? 0)} m ${x} ${y(ys[ys.length - 1] ?? 0)} l S`);
  const cols = xs.length - 1;
  texts.forEach((text, k) => {
    if (text === '') return;
    const left = (xs[k % cols] ?? 0) + 3;
    const bottom = (ys[Math.floor(k / cols) + 1] ?? 0) - 5;
    lines.push(`BT /F1 10 Tf ${left} ${y(bottom)} Td (${text}) Tj ET`);
  });
  return lines.join('\n');
}
