/** The regional overview for the terminal and as CSV (md and html are templates). */
import type { Messages } from '../i18n/index.js';
import type { AggregateModel, AggregateRow } from './aggregate.js';
import { columns } from './columns.js';
import { toCsv } from './csv.js';

export type AggregateTable = 'matrix' | 'criteria';
export const AGGREGATE_TABLES: readonly AggregateTable[] = ['matrix', 'criteria'];

const OUTCOMES = ['meets', 'partly', 'not-met', 'not-applicable', 'unknown', 'open'] as const;

/** The gemeente with its marks: * incomplete, † migrated from an earlier version. */
export const markedName = (row: AggregateRow): string => `${row.gemeente}${row.complete ? '' : ' *'}${row.migratedFrom ? ' †' : ''}`;

const pct = (value: number | null, none: string) => (value === null ? none : `${value}%`);

export function aggregateText(model: AggregateModel, msgs: Messages): string {
  const a = msgs.aggregate;
  const none = msgs.report.none;
  const { meets, partly } = model.framework.thresholds;
  const r = msgs.report;
  const provenance = model.framework.provenance;
  const status = `${r.textStatus}: ${provenance ? `${r.provenanceStatus[provenance.status] ?? provenance.status}. ${provenance.disclaimer}` : r.provenanceUnstated}`;
  const lines = [a.title(model.framework.title), a.subtitle(model.rows.length, model.framework.version), status, ''];
  const numbers = (cells: { percent: number | null }[]) => cells.map((c) => pct(c.percent, none));
  lines.push(
    columns(
      [
        [a.gemeente, a.date, a.total, ...model.themes.map((t) => t.id)],
        ...model.rows.map((row) => [markedName(row), row.date, ...numbers([row.total, ...row.themes])]),
        [a.mean, '', ...numbers([model.mean.total, ...model.mean.themes])],
      ],
      { right: (i) => i >= 2 },
    ),
    '',
    ...model.themes.map((t) => `${t.id}  ${t.title}`),
    a.legend(Math.round(meets * 100), Math.round(partly * 100)),
    '',
    a.improvements,
  );
  if (model.improvements.length === 0) lines.push(a.noImprovements);
  for (const x of model.improvements) {
    lines.push(`  ${x.count}/${model.rows.length}  ${x.id} ${x.title}${x.critical ? ` (${msgs.report.critical})` : ''}`);
  }
  if (model.notes.length > 0) {
    lines.push('', a.notes);
    for (const note of model.notes) lines.push(`  ${note.file}: ${a.reasons[note.reason]!(note.detail)}`);
  }
  return `${lines.join('\n')}\n`;
}

export function aggregateCsv(model: AggregateModel, table: AggregateTable, msgs: Messages, separator: string): string {
  const a = msgs.aggregate;
  const r = msgs.report;
  if (table === 'matrix') {
    return toCsv(
      [
        [a.gemeente, a.date, r.statusValues.complete!, a.total, ...model.themes.map((t) => `${t.id} ${t.title}`)],
        ...model.rows.map((row) => [row.gemeente, row.date, row.complete ? r.yes : r.no, row.total.percent, ...row.themes.map((c) => c.percent)]),
      ],
      separator,
    );
  }
  return toCsv(
    [
      [r.theme, r.action.criterion, r.csvTitle, r.csvCritical, ...OUTCOMES.map((o) => r.outcome[o]!)],
      ...model.criteria.map((c) => [c.theme, c.id, c.title, c.critical ? r.yes : r.no, ...OUTCOMES.map((o) => c.tally[o])]),
    ],
    separator,
  );
}
