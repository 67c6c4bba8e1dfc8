/**
 * A respondent filling in a kader questionnaire, with SheetJS: a second xlsx library,
 * independent of exceljs that kader writes and reads with. It finds questions by the id in
 * column A and types labels, numbers and dates into the answer, note and evidence cells.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { parse } from 'yaml';

export type Typed = string | number | boolean | { date: string };

export interface Filled {
  answer?: Typed;
  note?: string;
  evidence?: string;
}

export interface Fill {
  cover?: Partial<Record<'gemeente' | 'team' | 'role' | 'date', Typed>>;
  questions?: Record<string, Filled>;
  /** Change a cell of any sheet directly: [sheet, address, value]. */
  cells?: [string, string, Typed][];
}

function cell(value: Typed): XLSX.CellObject {
  if (typeof value === 'object') {
    // A date as Excel stores one typed into a date cell: a day number with a date format.
    const [y, m, d] = value.date.split('-').map(Number) as [number, number, number];
    return { t: 'n', v: (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000, z: 'dd-mm-yyyy' };
  }
  if (typeof value === 'number') return { t: 'n', v: value };
  if (typeof value === 'boolean') return { t: 'b', v: value };
  return { t: 's', v: value };
}

const COVER_ROWS = { gemeente: 0, team: 1, role: 2, date: 3 } as const;

/** Fill the form at `from` and save it at `to`, as a respondent's spreadsheet program would. */
export function fillForm(from: string, to: string, fill: Fill): void {
  const book = XLSX.read(readFileSync(from), { type: 'buffer', cellStyles: true, cellNF: true });
  const [cover] = book.SheetNames;
  const coverSheet = book.Sheets[cover!]!;
  // The context cells are the yellow/white boxes under "Uw gegevens": the four rows after that heading.
  let heading = 0;
  for (let r = 1; r < 100; r++) if (['Uw gegevens', 'Your details'].includes(String(coverSheet[`A${r}`]?.v ?? ''))) heading = r;
  for (const [key, value] of Object.entries(fill.cover ?? {})) coverSheet[`B${heading + 1 + COVER_ROWS[key as keyof typeof COVER_ROWS]}`] = cell(value);
  for (const name of book.SheetNames) {
    const sheet = book.Sheets[name]!;
    const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1');
    for (let r = 5; r <= range.e.r + 1; r++) {
      const id = sheet[`A${r}`]?.v;
      const filled = typeof id === 'string' ? fill.questions?.[id] : undefined;
      if (!filled) continue;
      if (filled.answer !== undefined) sheet[`E${r}`] = cell(filled.answer);
      if (filled.note !== undefined) sheet[`F${r}`] = cell(filled.note);
      if (filled.evidence !== undefined) sheet[`G${r}`] = cell(filled.evidence);
    }
  }
  for (const [name, address, value] of fill.cells ?? []) book.Sheets[name]![address] = cell(value);
  writeFileSync(to, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

/** What a respondent picks for each stored value, read from the framework YAML itself. */
export function labelsOf(frameworkPath: string): (id: string, value: unknown) => Typed {
  const framework = parse(readFileSync(frameworkPath, 'utf8')) as {
    scales: { id: string; levels: { value: string; label: string }[] }[];
    themes: { criteria: { questions: { id: string; type: string; scale?: string; choices?: { value: string; label: string }[] }[] }[] }[];
  };
  const special: Record<string, string> = { nvt: 'Niet van toepassing', onbekend: 'Onbekend' };
  const questions = new Map(framework.themes.flatMap((t) => t.criteria.flatMap((c) => c.questions)).map((q) => [q.id, q]));
  return (id, value) => {
    const q = questions.get(id)!;
    const options = q.type === 'scale' ? framework.scales.find((s) => s.id === q.scale)!.levels : (q.choices ?? []);
    const label = (v: unknown) => options.find((o) => o.value === v)?.label ?? special[String(v)] ?? String(v);
    if (q.type === 'boolean') return value ? 'Ja' : 'Nee';
    if (q.type === 'multi') return (value as string[]).map(label).join('; ');
    if (q.type === 'number') return value as number;
    if (q.type === 'date') return { date: value as string };
    if (q.type === 'text') return value as string;
    return label(value);
  };
}
