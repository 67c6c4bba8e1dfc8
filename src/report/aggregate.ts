/**
 * The regional overview (kader aggregate): one row per gemeente with its theme scores, the
 * distribution of outcomes per criterion, and the improvement points most gemeenten share.
 * Pure: sessions in, model out. What is left out or marked is listed in `notes`, never
 * mixed in silently. Its shape is documented in docs/report-model.md.
 */
import { gemeenteKey } from '../session/comparable.js';
import type { Framework, ProvenanceStatus } from '../framework/types.js';
import { codeOf, outcomeAt, scoreCompact, tallyOf, type Tally } from '../scoring/score.js';
import type { Session } from '../session/types.js';

export type Band = 'meets' | 'partly' | 'not-met' | 'none';

/** Why a file is marked or left out of the matrix. */
export type NoteReason = 'invalid' | 'other-framework' | 'older-version' | 'migrated' | 'incomplete' | 'superseded' | 'same-date' | 'merged-into';

export interface AggregateNote {
  file: string;
  gemeente: string | null;
  reason: NoteReason;
  /** A version, a date, or an error message, depending on the reason. */
  detail: string | null;
}

export interface Cell {
  id: string;
  percent: number | null;
  band: Band;
  /**
   * Shade of the heat map, 0 (0–19 %) to 4 (80–100 %), null without a score: five steps of one
   * hue, so 42 % and 69 % differ at a glance even when both are "gedeeltelijk", in print too.
   */
  step: number | null;
}

export interface AggregateRow {
  gemeente: string;
  file: string;
  date: string;
  complete: boolean;
  migratedFrom: string | null;
  total: Cell;
  themes: Cell[];
  tally: Tally;
}

export interface AggregateModel {
  kader: 1;
  kind: 'aggregate';
  framework: { id: string; title: string; version: string; thresholds: { meets: number; partly: number }; language: 'nl' | 'en'; provenance: { status: ProvenanceStatus; disclaimer: string } | null };
  themes: { id: string; title: string }[];
  rows: AggregateRow[];
  /** Unweighted mean over the gemeenten that have a score, per theme and in total. */
  mean: { total: Cell; themes: Cell[] };
  criteria: { id: string; title: string; theme: string; critical: boolean; tally: Tally }[];
  /** Criteria that are partly or not met in the most gemeenten; critical first on a tie. */
  improvements: { id: string; title: string; theme: string; critical: boolean; count: number; share: number; suggestion: string | null }[];
  notes: AggregateNote[];
}

export interface AggregateInput {
  file: string;
  session: Session;
  /** The version the session was migrated from in memory, if it was. */
  migratedFrom?: string;
}

/**
 * One session reduced to what the overview needs. A batch of 50,000 files keeps only these,
 * not the sessions, and each is small (issue #20): outcomes as codes, cells shared.
 */
export interface Measurement {
  file: string;
  gemeente: string;
  date: string;
  complete: boolean;
  migratedFrom: string | null;
  /** The total's and each theme's cell; one frozen cell object per percentage, shared (see `cellOf`). */
  total: Cell;
  themes: Cell[];
  /** Per criterion, in framework order: its outcome as a one-digit code (`outcomeAt`, src/scoring/score.ts). */
  outcomes: string;
  /** The session's own id, and the ids of the sessions `kader merge` made it from. */
  id?: string;
  mergedFrom?: string[];
}

/**
 * A string with its own characters. V8 makes a substring of 13 or more characters a view into
 * the string it was cut from, so a gemeente name read from a file kept that file's whole text
 * alive: 50,000 sessions held ~600 MB (issue #20, item 2). JSON round-trips build a new string.
 */
export const detached = (text: string): string => (text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string));

const OPEN = codeOf('open');

export function measure(framework: Framework, input: AggregateInput, active?: ReadonlySet<string>): Measurement {
  const score = scoreCompact(framework, input.session, active);
  // Only copies of the session's strings are kept: a batch holds one measurement per file.
  return {
    file: input.file,
    gemeente: detached(input.session.context.gemeente),
    date: input.session.context.date,
    complete: input.session.status === 'complete' && !score.outcomes.includes(OPEN),
    migratedFrom: input.migratedFrom ?? null,
    total: cellOf(framework, 'total', percentOf(score.total)),
    themes: framework.themes.map((t, i) => cellOf(framework, t.id, percentOf(score.themes[i]))),
    outcomes: score.outcomes,
    id: detached(input.session.id),
    ...(input.session.merged && { mergedFrom: input.session.merged.from.map((f) => detached(f.id)) }),
  };
}

/**
 * A measurement made in another thread (src/cli/halves.ts) arrives as a copy: its cells are
 * made shared and frozen again, as `measure` makes them, so a large batch costs no more memory.
 */
export function shareCells(framework: Framework, m: Measurement): Measurement {
  return { ...m, total: cellOf(framework, m.total.id, m.total.percent), themes: m.themes.map((c) => cellOf(framework, c.id, c.percent)) };
}

const emptyTally = (): Tally => ({ meets: 0, partly: 0, 'not-met': 0, 'not-applicable': 0, unknown: 0, open: 0 });

const percentOf = (score: number | undefined): number | null => (score === undefined ? null : Math.round(score * 100));

const cells = new WeakMap<Framework, Map<string, Map<number | null, Cell>>>();

/**
 * The cell of a column (the total or a theme) at a percentage. A cell depends on nothing else,
 * so there is one frozen object per column and percentage, shared by every row that shows it:
 * 50,000 rows held 300,000 cells, now at most 101 per column (issue #20).
 */
function cellOf(framework: Framework, id: string, percent: number | null): Cell {
  let columns = cells.get(framework);
  if (!columns) cells.set(framework, (columns = new Map()));
  let column = columns.get(id);
  if (!column) columns.set(id, (column = new Map()));
  let found = column.get(percent);
  if (!found) column.set(percent, (found = Object.freeze(cell(framework, id, percent))));
  return found;
}

function cell(framework: Framework, id: string, percent: number | null): Cell {
  const { meets, partly } = framework.thresholds;
  // Bands from the percentage shown, so a cell never looks better or worse than its number.
  const band: Band = percent === null ? 'none' : percent >= meets * 100 ? 'meets' : percent >= partly * 100 ? 'partly' : 'not-met';
  return { id, percent, band, step: percent === null ? null : Math.min(4, Math.floor(percent / 20)) };
}

const mean = (values: (number | null)[]): number | null => {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : Math.round(present.reduce((a, b) => a + b, 0) / present.length);
};


/**
 * One measurement per gemeente: the latest date. Two on the same latest date are not guessed
 * between: the first file (in path order) counts and the other is listed, with `kader merge`
 * as the way to combine respondents.
 */
function latestPerGemeente(all: readonly Measurement[], notes: AggregateNote[]): Measurement[] {
  // A merged session stands for the interviews it was made from: those are its sources, not
  // measurements of their own.
  const mergedInto = new Map<string, string>();
  for (const m of all) for (const id of m.mergedFrom ?? []) mergedInto.set(id, m.file);
  const inputs = all.filter((m) => {
    const into = m.id === undefined ? undefined : mergedInto.get(m.id);
    if (into !== undefined && into !== m.file) notes.push({ file: m.file, gemeente: m.gemeente, reason: 'merged-into', detail: into });
    return into === undefined || into === m.file;
  });
  const groups = new Map<string, Measurement[]>();
  for (const input of [...inputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const key = gemeenteKey(input.gemeente);
    const group = groups.get(key);
    if (group) group.push(input);
    else groups.set(key, [input]);
  }
  const chosen: Measurement[] = [];
  for (const group of groups.values()) {
    const latest = group.reduce((best, x) => (x.date > best.date ? x : best));
    chosen.push(latest);
    for (const other of group) {
      if (other === latest) continue;
      notes.push({ file: other.file, gemeente: other.gemeente, reason: other.date === latest.date ? 'same-date' : 'superseded', detail: latest.file });
    }
  }
  return chosen.sort((a, b) => a.gemeente.trim().localeCompare(b.gemeente.trim(), 'nl'));
}

export function buildAggregate(framework: Framework, measurements: readonly Measurement[], skipped: readonly AggregateNote[] = [], top = 10): AggregateModel {
  const notes: AggregateNote[] = [...skipped];
  const chosen = latestPerGemeente(measurements, notes);
  const criteria = framework.themes.flatMap((theme) =>
    theme.criteria.map((c) => ({ id: c.id, title: c.title, theme: theme.id, critical: c.critical === true, tally: emptyTally(), suggestion: c.improvements?.[0] ?? null })),
  );
  const rows: AggregateRow[] = [];
  for (const m of chosen) {
    for (let i = 0; i < m.outcomes.length; i++) criteria[i]!.tally[outcomeAt(m.outcomes, i)]++;
    rows.push({
      gemeente: m.gemeente.trim(),
      file: m.file,
      date: m.date,
      complete: m.complete,
      migratedFrom: m.migratedFrom,
      total: m.total,
      themes: m.themes,
      tally: tallyOf(m.outcomes),
    });
    if (m.migratedFrom) notes.push({ file: m.file, gemeente: m.gemeente, reason: 'migrated', detail: m.migratedFrom });
    if (!m.complete) notes.push({ file: m.file, gemeente: m.gemeente, reason: 'incomplete', detail: null });
  }
  const improvements = criteria
    .map((c, order) => ({ ...c, order, count: c.tally.partly + c.tally['not-met'] }))
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || Number(b.critical) - Number(a.critical) || a.order - b.order)
    .slice(0, top)
    .map(({ id, title, theme, critical, count, suggestion }) => ({ id, title, theme, critical, count, share: Math.round((count / rows.length) * 100), suggestion }));
  return {
    kader: 1,
    kind: 'aggregate',
    framework: {
      id: framework.id,
      title: framework.title,
      version: framework.version,
      thresholds: { ...framework.thresholds },
      language: framework.language,
      provenance: framework.provenance ? { status: framework.provenance.status, disclaimer: framework.provenance.disclaimer.trim() } : null,
    },
    themes: framework.themes.map((t) => ({ id: t.id, title: t.title })),
    rows,
    mean: {
      total: cellOf(framework, 'total', mean(rows.map((r) => r.total.percent))),
      themes: framework.themes.map((t, i) => cellOf(framework, t.id, mean(rows.map((r) => r.themes[i]!.percent)))),
    },
    criteria: criteria.map(({ id, title, theme, critical, tally }) => ({ id, title, theme, critical, tally })),
    improvements,
    notes: notes.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.reason.localeCompare(b.reason)),
  };
}
