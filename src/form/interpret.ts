/**
 * Read a returned form's cells into answers and context, or a list of problems, each at its
 * sheet!cell. Pure: the command decides what to write, and writes nothing when there is a
 * problem (all or nothing).
 */
import { columnLetter, COL, CONTEXT_KEYS, FIRST_ROW, FORM_FORMAT, HEADER_ROW, ID_ROW, RECORD, answerOptions, type ContextKey } from './model.js';
import type { RawSheet, RawValue, RawWorkbook } from './read.js';
import { indexOf, type Framework, type Question } from '../framework/types.js';
import type { Messages } from '../i18n/index.js';
import { activeQuestions } from '../session/state.js';
import { migrateSession, migrationPath } from '../session/migrate.js';
import type { Answer, StoredValue } from '../session/types.js';
import { checkValue, describeValueProblem, isIsoDate } from '../session/values.js';

export interface FormIdentity {
  framework: string;
  version: string;
  digest?: string;
  /** The language the form was made in: its labels and headings. */
  lang: 'nl' | 'en';
  /** Where the identity was read, for a problem about it. */
  cell: string;
  /** Theme sheets: name → theme id. */
  sheets: { sheet: RawSheet; theme: string; missing?: boolean }[];
  /** Context cells: key → sheet!cell address. */
  fields: Partial<Record<ContextKey, { sheet: RawSheet; address: string; cell: string }>>;
}

export interface Problem {
  cell: string;
  message: string;
}

export interface ImportedAnswer {
  value: StoredValue;
  note?: string;
  evidence?: string[];
  /** sheet!cell of the answer, for privacy warnings. */
  cells: { value: string; note: string; evidence: string };
}

export interface Interpretation {
  problems: Problem[];
  answers: Record<string, ImportedAnswer>;
  context: Partial<Record<ContextKey, string>>;
  /** Context cells filled in but refused (a date that is none): not "missing" as well. */
  refusedContext: ContextKey[];
  contextCells: Partial<Record<ContextKey, string>>;
  /** The form's version when its answers were carried over with the framework's migrations. */
  migratedFrom?: string;
}

/** A sheet!cell reference as Excel writes it: quoted when the name has more than letters and digits. */
export function cellRef(sheet: string, address: string): string {
  return /^[A-Za-z0-9_]+$/.test(sheet) ? `${sheet}!${address}` : `'${sheet.replace(/'/g, "''")}'!${address}`;
}

const SHEET_HEADER = /^(?:kader|framework): (\S+) · (?:versie|version) (\S+) · (?:thema|theme) (\S+)$/;

function text(value: RawValue | undefined): string {
  if (value === undefined) return '';
  if (value instanceof Date) return isoDate(value);
  return String(value).trim();
}

/** exceljs gives date cells as UTC midnight. */
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "23-11-2026", "23/11/2026", "23.11.2026", "2026-11-23", a date cell, or an Excel day number. */
export function parseDate(value: RawValue): string | undefined {
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'number') {
    // A day number whose date format got lost (1954–2119); anything else is not a date.
    if (!Number.isInteger(value) || value < 20000 || value > 80000) return undefined;
    return isoDate(new Date(Date.UTC(1899, 11, 30) + value * 86_400_000));
  }
  const s = String(value).trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dutch ? [dutch[3], dutch[2], dutch[1]] : [];
  if (!y) return undefined;
  const candidate = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  return isIsoDate(candidate) ? candidate : undefined;
}

/** Who the form is: the hidden record of an xlsx, or the identification line of a CSV sheet. */
export function identify(book: RawWorkbook): FormIdentity | undefined {
  if (book.kind === 'csv') {
    const sheet = book.sheets[0]!;
    const m = SHEET_HEADER.exec(text(sheet.cells.get(`A${ID_ROW}`)));
    if (!m) return undefined;
    return { framework: m[1]!, version: m[2]!, lang: text(sheet.cells.get(`A${ID_ROW}`)).startsWith('framework:') ? 'en' : 'nl', cell: cellRef(sheet.name, `A${ID_ROW}`), sheets: [{ sheet, theme: m[3]! }], fields: {} };
  }
  const record = book.sheets.find((s) => text(s.cells.get('A1')) === RECORD.format);
  if (!record) return undefined;
  const rows: { row: number; values: string[] }[] = [];
  for (let r = 1; r <= record.rowCount; r++) rows.push({ row: r, values: ['A', 'B', 'C'].map((c) => text(record.cells.get(`${c}${r}`))) });
  const value = (key: string) => rows.find((r) => r.values[0] === key);
  if (value(RECORD.format)?.values[1] !== FORM_FORMAT) return undefined;
  const framework = value(RECORD.framework)?.values[1];
  const version = value(RECORD.version);
  if (!framework || !version?.values[1]) return undefined;
  const byName = new Map(book.sheets.map((s) => [s.name, s]));
  const sheets = rows
    .filter((r) => r.values[0] === RECORD.sheet)
    .map((r) => {
      const sheet = byName.get(r.values[1]!);
      return sheet ? { sheet, theme: r.values[2]! } : { sheet: { name: r.values[1]!, cells: new Map(), rowCount: 0 }, theme: r.values[2]!, missing: true };
    });
  const fields: FormIdentity['fields'] = {};
  for (const r of rows.filter((r) => r.values[0] === RECORD.field)) {
    const [sheetName, address] = (r.values[2] ?? '').split('!');
    const sheet = sheetName ? byName.get(sheetName) : undefined;
    if (sheet && address && (CONTEXT_KEYS as readonly string[]).includes(r.values[1]!)) {
      fields[r.values[1] as ContextKey] = { sheet, address, cell: cellRef(sheet.name, address) };
    }
  }
  return {
    framework,
    version: version.values[1],
    digest: value(RECORD.digest)?.values[1] || undefined,
    lang: value(RECORD.lang)?.values[1] === 'en' ? 'en' : 'nl',
    cell: cellRef(record.name, `B${version.row}`),
    sheets,
    fields,
  };
}

const normal = (s: string) => s.replace(/\s+/g, ' ').trim().toLocaleLowerCase('nl');

/** The stored value for a cell, or the sentence that says why it cannot be one. */
function valueOf(question: Question, raw: RawValue, framework: Framework, labels: Messages, msgs: Messages): { value: StoredValue } | { problem: string } {
  const p = msgs.form.problems;
  const options = answerOptions(question, framework, labels);
  const shown = text(raw);
  if (options) {
    const pick = (s: string) => options.find((o) => normal(o.label) === normal(s) || (typeof o.value === 'string' && normal(o.value) === normal(s)));
    if (question.type === 'boolean' && typeof raw === 'boolean') return { value: raw };
    if (question.type === 'multi') {
      const parts = shown.split(/[;\n]/).map((s) => s.trim()).filter(Boolean);
      const unknown = parts.find((s) => !pick(s));
      if (unknown !== undefined) return { problem: p.unknownLabel(unknown, question.id, options.map((o) => o.label)) };
      return { value: [...new Set(parts.map((s) => pick(s)!.value as string))] };
    }
    const option = pick(shown);
    return option ? { value: option.value } : { problem: p.unknownLabel(shown, question.id, options.map((o) => o.label)) };
  }
  if (question.type === 'number') {
    const n = typeof raw === 'number' ? raw : /^-?\d+(?:[.,]\d+)?$/.test(shown.replace(/\s/g, '')) ? Number(shown.replace(/\s/g, '').replace(',', '.')) : NaN;
    if (!Number.isFinite(n)) return { problem: p.notANumber(shown, question.id) };
    if ((question.min !== undefined && n < question.min) || (question.max !== undefined && n > question.max)) return { problem: p.outOfRange(n, question.id, question.min, question.max) };
    return { value: n };
  }
  if (question.type === 'date') {
    const date = parseDate(raw);
    return date ? { value: date } : { problem: p.badDate(shown, question.id) };
  }
  return { value: shown };
}

/** Old ids of an earlier version → the ids they became, through the framework's migration steps. */
function migrationMap(framework: Framework, from: string, ids: readonly string[]): Map<string, string[]> {
  const answers = Object.fromEntries(ids.map((id) => [id, { value: id, at: '' } satisfies Answer]));
  const fake = { kader: 1, kind: 'session', id: '', framework: { id: framework.id, version: from, digest: '' }, context: { gemeente: '', date: '' }, status: 'in-progress', answers } as const;
  const { session } = migrateSession(framework, structuredClone(fake) as never, '');
  const map = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const [to, answer] of Object.entries(session.answers)) map.get(String(answer.value))?.push(to);
  return map;
}

export function interpretForm(
  identity: FormIdentity,
  framework: Framework,
  msgs: Messages,
  options: { migrate?: boolean; labels?: Messages } = {},
): Interpretation {
  // Labels and headings are in the language the form was made in; problems in the user's.
  const labels = options.labels ?? msgs;
  const p = msgs.form.problems;
  const result: Interpretation = { problems: [], answers: {}, context: {}, refusedContext: [], contextCells: {} };
  const problem = (cell: string, message: string) => result.problems.push({ cell, message });
  if (identity.framework !== framework.id) {
    problem(identity.cell, p.otherFramework(identity.framework, framework.id));
    return result;
  }
  const path = migrationPath(framework, identity.version);
  if (path === 'none') problem(identity.cell, p.noMigration(identity.version, framework.version, framework.id));
  if (path === 'migratable' && !options.migrate) problem(identity.cell, p.otherVersion(identity.version, framework.version, framework.id));
  if (result.problems.length > 0) return result;

  for (const key of CONTEXT_KEYS) {
    const field = identity.fields[key];
    if (!field) continue;
    result.contextCells[key] = field.cell;
    const raw = field.sheet.cells.get(field.address);
    if (raw === undefined || text(raw) === '') continue;
    if (key === 'date') {
      const date = parseDate(raw);
      if (date) result.context.date = date;
      else {
        problem(field.cell, p.badContextDate(text(raw)));
        result.refusedContext.push(key);
      }
    } else {
      result.context[key] = text(raw);
    }
  }

  const { questions } = indexOf(framework);
  const rows: { id: string; row: number; sheet: RawSheet }[] = [];
  const sheetOrder = new Map(identity.sheets.map((s, i) => [s.sheet, i]));
  for (const { sheet, missing } of identity.sheets) {
    if (missing) {
      problem(identity.cell, p.sheetMissing(sheet.name));
      continue;
    }
    const header = Array.from({ length: 8 }, (_v, i) => text(sheet.cells.get(`${columnLetter(i + 1)}${HEADER_ROW}`)));
    if (!labels.form.columns.every((title, i) => normal(title) === normal(header[i]!))) {
      problem(cellRef(sheet.name, `A${HEADER_ROW}`), p.badHeader);
      continue;
    }
    for (let r = FIRST_ROW; r <= sheet.rowCount; r++) {
      const id = text(sheet.cells.get(`${columnLetter(COL.id)}${r}`));
      if (id) rows.push({ id, row: r, sheet });
    }
  }
  const map = path === 'migratable' ? migrationMap(framework, identity.version, rows.map((r) => r.id)) : undefined;
  if (map) result.migratedFrom = identity.version;

  const seen = new Map<string, string>();
  const formIds: { id: string; sheet: RawSheet; row: number }[] = [];
  const refused = new Set<string>();
  // Problems in the order of the workbook: sheet, row, column.
  const order = new Map<Problem, number>();
  const inRow = (sheet: RawSheet, row: number, col: number, message: string) => {
    problem(cellRef(sheet.name, `${columnLetter(col)}${row}`), message);
    order.set(result.problems.at(-1)!, ((sheetOrder.get(sheet) ?? 0) * 100_000 + row) * 100 + col);
  };
  for (const { id, row, sheet } of rows) {
    const at = (col: number) => cellRef(sheet.name, `${columnLetter(col)}${row}`);
    const targets = map ? (map.get(id) ?? []) : [id];
    const raw = sheet.cells.get(`${columnLetter(COL.answer)}${row}`);
    const note = text(sheet.cells.get(`${columnLetter(COL.note)}${row}`));
    const evidence = text(sheet.cells.get(`${columnLetter(COL.evidence)}${row}`))
      .split(/[;\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
    for (const target of targets) {
      const question = questions.get(target);
      if (!question) {
        inRow(sheet, row, COL.id, p.unknownQuestion(id));
        continue;
      }
      if (seen.has(target)) {
        inRow(sheet, row, COL.id, p.duplicate(target, seen.get(target)!));
        continue;
      }
      seen.set(target, at(COL.id));
      formIds.push({ id: target, sheet, row });
      if (raw === undefined || text(raw) === '') {
        if (note || evidence.length > 0) inRow(sheet, row, note ? COL.note : COL.evidence, p.noteWithoutAnswer(target));
        continue;
      }
      const read = valueOf(question, raw, framework, labels, msgs);
      if ('problem' in read) {
        inRow(sheet, row, COL.answer, read.problem);
        refused.add(target);
        continue;
      }
      // The same check as every other way in (interview, --answers, check): one source of truth.
      const check = checkValue(question, read.value, framework);
      if (check) {
        inRow(sheet, row, COL.answer, describeValueProblem(check, read.value, msgs));
        refused.add(target);
        continue;
      }
      result.answers[target] = {
        value: read.value,
        ...(note && { note }),
        ...(evidence.length > 0 && { evidence }),
        cells: { value: at(COL.answer), note: at(COL.note), evidence: at(COL.evidence) },
      };
    }
  }

  // Required and asked (skip logic over this form's answers) but empty.
  const combined: Record<string, Answer> = {};
  for (const [id, a] of Object.entries(result.answers)) combined[id] = { value: a.value, at: '' };
  const active = activeQuestions(framework, combined);
  for (const { id, sheet, row } of formIds) {
    const question = questions.get(id)!;
    if (question.required !== false && active.has(id) && !result.answers[id] && !refused.has(id)) inRow(sheet, row, COL.answer, p.required(id));
  }
  const key = (x: Problem) => order.get(x) ?? -1;
  result.problems.sort((a, b) => key(a) - key(b));
  return result;
}
