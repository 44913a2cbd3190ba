import { csvBom, csvLine, rowCells, type Column } from '../domain/report/index.js';
import type { TextSink } from './cli-io.js';
import { renderTable } from './render-table.js';

export type OutputFormat = 'table' | 'json' | 'csv';

/** How one kind of report item is shown in each format. */
export interface ReportSpec<Item, Row> {
  /** Elements this item contributes to the JSON array (a score: itself; a form's findings: each finding). */
  readonly json: (item: Item) => readonly unknown[];
  readonly rows: (item: Item) => readonly Row[];
  /** CSV columns (all) and table columns (those without table: false). */
  readonly columns: readonly Column<Row>[];
  /** Human output: the line(s) above an item's table. */
  readonly heading: (item: Item) => string;
  /** Human output when an item has no rows. */
  readonly empty: string;
  /** Maximum display widths by column key, for wrapping long text in tables. */
  readonly maxWidths?: Readonly<Record<string, number>>;
  /** Colour a table cell (only called when colours are on). */
  readonly style?: (text: string, row: Row, key: string) => string;
}

/** Streams report items in one format. `add` per item, then `end` once. */
export interface ReportWriter<Item> {
  add(item: Item): Promise<void>;
  end(): Promise<void>;
}

export interface WriterOptions {
  readonly format: OutputFormat;
  /** Colours in tables (stdout is a TTY and not writing to a file). */
  readonly color: boolean;
  /** Writing to a file: CSV gets a UTF-8 BOM so that Excel reads the Chinese. */
  readonly toFile: boolean;
}

/**
 * The one output formatter of the CLI. JSON is a single array written element by element (so a
 * million forms never sit in memory), CSV a header then rows, tables one per item under its heading.
 */
export function createReportWriter<Item, Row>(
  sink: TextSink,
  spec: ReportSpec<Item, Row>,
  options: WriterOptions,
): ReportWriter<Item> {
  let count = 0;
  switch (options.format) {
    case 'json':
      return {
        async add(item) {
          for (const element of spec.json(item)) {
            await sink.write(`${count === 0 ? '[\n' : ',\n'}${JSON.stringify(element)}`);
            count += 1;
          }
        },
        async end() {
          await sink.write(count === 0 ? '[]\n' : '\n]\n');
        },
      };
    case 'csv':
      return {
        async add(item) {
          if (count === 0) await sink.write((options.toFile ? csvBom : '') + csvLine(spec.columns.map((c) => c.key)));
          count += 1;
          const lines = spec.rows(item).map((row) => csvLine(rowCells(spec.columns, row)));
          if (lines.length > 0) await sink.write(lines.join(''));
        },
        async end() {
          if (count === 0) await sink.write((options.toFile ? csvBom : '') + csvLine(spec.columns.map((c) => c.key)));
        },
      };
    case 'table': {
      const columns = spec.columns.filter((c) => c.table !== false);
      return {
        async add(item) {
          const rows = spec.rows(item);
          let text = `${count === 0 ? '' : '\n'}${spec.heading(item)}\n`;
          count += 1;
          if (rows.length === 0) text += `${spec.empty}\n`;
          else {
            const style = spec.style;
            text += renderTable({
              head: columns.map((c) => c.title),
              rows: rows.map((row) => rowCells(columns, row)),
              maxWidths: columns.map((c) => spec.maxWidths?.[c.key] ?? null),
              ...(options.color && style
                ? {
                    style: (t: string, r: number, c: number) =>
                      style(t, rows[r] as Row, (columns[c] as Column<Row>).key),
                  }
                : {}),
            });
          }
          await sink.write(text);
        },
        async end() {
          if (count === 0) await sink.write('没有输入表单。(no forms)\n');
        },
      };
    }
  }
}
