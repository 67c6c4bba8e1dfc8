/**
 * A returned form as plain cells: from xlsx (exceljs; also what LibreOffice saves) or from a
 * CSV export of one sheet. interpret.ts then reads the cells without knowing the file type.
 */
import ExcelJS from 'exceljs';
import { columnLetter } from './model.js';

export type RawValue = string | number | boolean | Date;

export interface RawSheet {
  name: string;
  /** By address, "E7"; empty cells are absent. */
  cells: Map<string, RawValue>;
  rowCount: number;
}

export interface RawWorkbook {
  kind: 'xlsx' | 'csv';
  sheets: RawSheet[];
}

/** The value a person sees in a cell: a formula's result, rich text as plain text, a link's text. */
function plain(value: ExcelJS.CellValue): RawValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return plain((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return String(value.error);
  }
  return undefined;
}

/** More than any questionnaire unpacks to (a large one is ~1 MB); beyond it, a zip bomb. */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

/**
 * The unpacked size a zip's central directory declares for all its entries, read before
 * anything is unpacked; Infinity when it cannot tell (ZIP64, a broken directory) and
 * undefined when the bytes are no zip at all (exceljs then says it is no workbook).
 */
export function declaredUnpackedSize(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes, then a comment of at most 65,535.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) !== 0x06054b50) continue;
    const count = view.getUint16(i + 10, true);
    let at = view.getUint32(i + 16, true);
    let total = 0;
    for (let n = 0; n < count; n++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return Infinity;
      const size = view.getUint32(at + 24, true);
      if (size === 0xffffffff) return Infinity;
      total += size;
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return total;
  }
  return undefined;
}

export class TooLargeUnpacked extends Error {}

/** Throws when the bytes are not a workbook (TooLargeUnpacked for a zip bomb); the command turns that into one sentence. */
export async function readXlsx(bytes: Uint8Array): Promise<RawWorkbook> {
  if ((declaredUnpackedSize(bytes) ?? 0) > MAX_UNPACKED_BYTES) throw new TooLargeUnpacked();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const sheets: RawSheet[] = [];
  book.eachSheet((ws) => {
    const cells = new Map<string, RawValue>();
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        // A merged cell repeats its master's value in exceljs; only the master holds it.
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const value = plain(cell.value);
        if (value !== undefined && value !== '') cells.set(cell.address, value);
      });
    });
    sheets.push({ name: ws.name, cells, rowCount: ws.rowCount });
  });
  return { kind: 'xlsx', sheets };
}

/** RFC 4180 records with this separator: quoted fields may hold separators, quotes ("") and newlines. */
export function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** CSV fields as cells: A1, B1, …; numbers stay text (a respondent's "3,5" is read as the question needs). */
export function csvSheet(name: string, rows: string[][]): RawSheet {
  const cells = new Map<string, RawValue>();
  rows.forEach((fields, r) =>
    fields.forEach((value, c) => {
      if (value.trim() !== '') cells.set(`${columnLetter(c + 1)}${r + 1}`, value);
    }),
  );
  return { name, cells, rowCount: rows.length };
}
