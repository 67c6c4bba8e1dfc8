/**
 * CSV exports of the report model for spreadsheets: the action plan or the scores.
 * UTF-8 with a BOM (so Excel reads the accents), RFC 4180 quoting, a choice of separator
 * (Dutch Excel expects ";"), and cells that a spreadsheet would run as a formula neutralised.
 */
import type { Messages } from '../i18n/index.js';
import type { ReportModel } from './model.js';

export type CsvTable = 'actions' | 'scores';
export const CSV_TABLES: readonly CsvTable[] = ['actions', 'scores'];

type Cell = string | number | boolean | null;

/** A leading = + - @ tab or CR makes Excel and LibreOffice read a formula: prefix a quote. */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cell(value: Cell, separator: string): string {
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = neutralise(value);
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly Cell[])[], separator: string): string {
  return `\uFEFF${rows.map((row) => row.map((value) => cell(value, separator)).join(separator)).join('\r\n')}\r\n`;
}

export function reportCsv(model: ReportModel, table: CsvTable, msgs: Messages, separator = ','): string {
  const r = msgs.report;
  if (table === 'actions') {
    const a = r.action;
    return toCsv(
      [
        [a.id, a.criterion, r.csvTitle, a.what, a.owner, a.due, a.priority, a.indicator, a.status],
        ...model.actions.map((x) => [x.id, x.criterion, x.criterionTitle, x.what, x.owner, x.due, r.priorityValues[x.priority] ?? x.priority, x.indicator, r.statusAction[x.status] ?? x.status]),
      ],
      separator,
    );
  }
  const themes = new Map(model.summary.themes.map((t) => [t.id, `${t.id} ${t.title}`]));
  // Dutch Excel (";") reads 1.5 as a date or text: write decimals as the reader's language does.
  const weight = (n: number): Cell => (separator === ';' ? r.number(n) : n);
  return toCsv(
    [
      [r.theme, r.action.criterion, r.csvTitle, r.csvOutcome, r.score, r.csvCritical, r.csvWeight, r.basis],
      ...model.criteria.map((c) => [themes.get(c.theme) ?? c.theme, c.id, c.title, r.outcome[c.outcome] ?? c.outcome, c.percent, c.critical ? r.yes : r.no, weight(c.weight), r.basisValues[c.basis ?? 'unstated'] ?? null]),
    ],
    separator,
  );
}
