/**
 * Lay a form model out as an xlsx workbook with exceljs: drop-downs, validation, notes,
 * protection (structure locked, answer cells open), hidden record, A4 print setup. The bytes
 * depend only on the model and `created`, so examples/ can be compared byte for byte.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Messages } from '../i18n/index.js';
import { COL, HEADER_ROW, ID_ROW, WIDTHS, type FormModel, type FormRow, type FormSheet } from './model.js';

const FONT = 'Arial';
const GREY = 'FF595959';
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const OPEN_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFFFF' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFA6A6A6' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };
const DATE_FORMAT = 'dd-mm-yyyy';
/** Structure locked against accidental edits, without a password: this guards against slips, not people. */
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
};

/**
 * Height in points of a row whose cells wrap these texts in columns of these widths. Neither
 * LibreOffice nor exceljs fits rows to wrapped text on their own, so estimate: Arial 10 fits
 * about 1.25 characters per unit of column width (9 point: 1.4), a line takes 12 points (9 point:
 * 11), measured on LibreOffice's PDF of the form, with some room for word breaks.
 */
function rowHeight(cells: [string | undefined, number, number?][]): number {
  const lines = cells.map(([text, width, size = 10]) => {
    const perLine = Math.max(1, Math.floor(width * (size < 10 ? 1.4 : 1.25) * 0.92));
    const count = (text ?? '').split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
    return count * (size < 10 ? 11 : 12);
  });
  return Math.min(409, Math.ceil(Math.max(12, ...lines) + 5));
}

/** A4 landscape, one page wide, the heading row on every page. */
function printSetup(sheet: ExcelJS.Worksheet, titleRows: string | undefined, footer: string): void {
  sheet.pageSetup = {
    paperSize: 9,
    orientation: titleRows ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(titleRows && { printTitlesRow: titleRows }),
  };
  // & starts a code in a header or footer; a title with & must not turn into one.
  sheet.headerFooter = { oddFooter: `&L${footer.replace(/&/g, '&&')}&R&P / &N` };
}

function validation(row: FormRow, msgs: Messages): ExcelJS.DataValidation | undefined {
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: msgs.form.validationTitle, error: msgs.form.validationError };
  const a = row.answer;
  if (a.kind === 'list') return { type: 'list', formulae: [a.range], ...common };
  if (a.kind === 'date') return { type: 'date', operator: 'between', formulae: [new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(2199, 11, 31))], ...common };
  if (a.kind !== 'number') return undefined;
  if (a.min !== undefined && a.max !== undefined) return { type: 'decimal', operator: 'between', formulae: [a.min, a.max], ...common };
  if (a.min !== undefined) return { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [a.min], ...common };
  if (a.max !== undefined) return { type: 'decimal', operator: 'lessThanOrEqual', formulae: [a.max], ...common };
  return { type: 'decimal', operator: 'between', formulae: [-1e15, 1e15], ...common };
}

/** A date answer as an Excel date (UTC midnight, as exceljs reads it back); other answers as they are. */
function cellValue(row: FormRow, value: string | number): ExcelJS.CellValue {
  const m = row.answer.kind === 'date' && typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : value;
}

function themeSheet(book: ExcelJS.Workbook, model: FormModel, sheet: FormSheet, msgs: Messages): void {
  const ws = book.addWorksheet(sheet.name, { views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, zoomScale: 100 }] });
  ws.columns = WIDTHS.map((width) => ({ width }));
  ws.properties.defaultRowHeight = 15;
  const last = String.fromCharCode(64 + WIDTHS.length);
  const banner = (r: number, text: string, font: Partial<ExcelJS.Font>, height?: number) => {
    ws.mergeCells(`A${r}:${last}${r}`);
    const cell = ws.getCell(`A${r}`);
    cell.value = text;
    cell.font = { name: FONT, ...font };
    cell.alignment = WRAP;
    if (height) ws.getRow(r).height = height;
  };
  banner(1, sheet.title, { size: 14, bold: true }, 22);
  banner(ID_ROW, sheet.header, { size: 9, color: { argb: GREY } });
  // A merged row is not fitted to its text by spreadsheet programs: estimate its height.
  const description = sheet.theme.description?.trim() ?? '';
  banner(3, description, { size: 10 }, rowHeight([[description, WIDTHS.reduce((a, b) => a + b, 0)]]));

  const header = ws.getRow(HEADER_ROW);
  msgs.form.columns.forEach((title, i) => {
    const cell = header.getCell(i + 1);
    cell.value = title;
    cell.font = { name: FONT, size: 10, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BOX;
    cell.alignment = WRAP;
  });
  header.height = 18;

  for (const row of sheet.rows) {
    const r = ws.getRow(row.row);
    const w = (col: number) => WIDTHS[col - 1]!;
    r.height = rowHeight([
      [row.criterionText, w(COL.criterion)],
      [row.question.text, w(COL.question)],
      [row.explanation, w(COL.explanation), 9],
      [row.prefill?.note, w(COL.note)],
      [row.requiredText, w(COL.required), 9],
    ]);
    const put = (col: number, value: ExcelJS.CellValue | undefined, open = false) => {
      const cell = r.getCell(col);
      if (value !== undefined && value !== '') cell.value = value;
      cell.font = { name: FONT, size: 10 };
      cell.alignment = WRAP;
      cell.border = BOX;
      if (open) {
        cell.protection = { locked: false };
        cell.fill = col === COL.answer && row.required ? REQUIRED_FILL : OPEN_FILL;
      }
      return cell;
    };
    put(COL.id, row.question.id).font = { name: FONT, size: 9, color: { argb: GREY } };
    const criterion = put(COL.criterion, row.criterionText);
    if (row.criterionText) criterion.font = { name: FONT, size: 10, bold: true };
    if (row.criterionNote) criterion.note = row.criterionNote;
    put(COL.question, row.question.text);
    put(COL.explanation, row.explanation).font = { name: FONT, size: 9 };
    const answer = put(COL.answer, row.prefill?.answer !== undefined ? cellValue(row, row.prefill.answer) : undefined, true);
    if (row.answer.kind === 'date') answer.numFmt = DATE_FORMAT;
    if (row.answer.kind === 'text' || row.answer.kind === 'multi') answer.numFmt = '@';
    const check = validation(row, msgs);
    if (check) answer.dataValidation = check;
    put(COL.note, row.prefill?.note, true).numFmt = '@';
    const evidence = put(COL.evidence, row.prefill?.evidence, true);
    evidence.numFmt = '@';
    if (row.evidenceNote) evidence.note = row.evidenceNote;
    put(COL.required, row.requiredText).font = { name: FONT, size: 9, bold: row.required && !row.question.when };
  }
  printSetup(ws, `${HEADER_ROW}:${HEADER_ROW}`, model.framework.title);
  void ws.protect('', PROTECTION);
}

function coverSheet(book: ExcelJS.Workbook, model: FormModel, msgs: Messages): void {
  const ws = book.addWorksheet(msgs.form.coverSheet);
  ws.columns = [{ width: 34 }, { width: 92 }];
  const fonts: Record<string, Partial<ExcelJS.Font>> = {
    title: { size: 16, bold: true },
    subtitle: { size: 11, color: { argb: GREY } },
    heading: { size: 12, bold: true },
    text: { size: 10 },
    note: { size: 10, italic: true },
  };
  // Title and headings in column A (they run on over the empty B), text and fields in B, wrapped.
  for (const line of model.cover) {
    const r = ws.getRow(line.row);
    const inB = line.label !== undefined || line.style === 'text' || line.style === 'note';
    const cell = r.getCell(inB ? 2 : 1);
    if (line.text) cell.value = line.text;
    cell.font = { name: FONT, ...fonts[line.style] };
    cell.alignment = inB ? WRAP : { vertical: 'bottom' };
    if (line.label) {
      const label = r.getCell(1);
      label.value = line.label;
      label.font = { name: FONT, size: 10, bold: true };
      label.alignment = WRAP;
    }
    r.height = line.style === 'title' ? 26 : line.style === 'heading' ? 28 : rowHeight([[line.text, 92], [line.label, 34]]);
  }
  for (const field of model.context) {
    const cell = ws.getCell(`B${field.row}`);
    const date = field.key === 'date' && field.value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(field.value) : null;
    if (field.value) cell.value = date ? new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]))) : field.value;
    cell.protection = { locked: false };
    cell.fill = field.required ? REQUIRED_FILL : OPEN_FILL;
    cell.border = BOX;
    if (field.key === 'date') {
      cell.numFmt = DATE_FORMAT;
      cell.dataValidation = {
        type: 'date',
        operator: 'between',
        formulae: [new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(2199, 11, 31))],
        allowBlank: true,
        showErrorMessage: true,
        errorTitle: msgs.form.validationTitle,
        error: msgs.form.dateHint,
      };
    } else {
      cell.numFmt = '@';
    }
  }
  printSetup(ws, undefined, model.framework.title);
  void ws.protect('', PROTECTION);
}

/** The hidden sheets: the drop-down lists, and the record that tells kader import what this form is. */
function hiddenSheets(book: ExcelJS.Workbook, model: FormModel, msgs: Messages): void {
  const lists = book.addWorksheet(msgs.form.listsSheet, { state: 'hidden' });
  model.lists.forEach((list, i) => list.labels.forEach((label, k) => (lists.getRow(k + 1).getCell(i + 1).value = label)));
  void lists.protect('', PROTECTION);
  const record = book.addWorksheet(msgs.form.recordSheet, { state: 'hidden' });
  model.record.forEach((values, i) => values.forEach((value, k) => (record.getRow(i + 1).getCell(k + 1).value = value)));
  void record.protect('', PROTECTION);
}

/** The workbook's bytes. `created` is the date in its properties and zip entries (deterministic output). */
export async function writeForm(model: FormModel, msgs: Messages, created: Date): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'kader';
  book.lastModifiedBy = 'kader';
  book.created = created;
  book.modified = created;
  book.title = msgs.form.title(model.framework.title);
  coverSheet(book, model, msgs);
  for (const sheet of model.sheets) themeSheet(book, model, sheet, msgs);
  hiddenSheets(book, model, msgs);
  const bytes = await book.xlsx.writeBuffer();
  // exceljs stamps every zip entry with the current time; re-stamp them with `created`.
  const zip = await JSZip.loadAsync(bytes);
  zip.forEach((_path, entry) => {
    entry.date = created;
  });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
