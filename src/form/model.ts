/**
 * The spreadsheet form of a framework, as data: which sheet, row and cell holds what. Pure:
 * the writer (write.ts) only lays this out with exceljs, and the reader (interpret.ts) uses
 * the same constants and answer options, so the two cannot drift apart.
 */
import type { Condition, Criterion, Framework, Question, Theme } from '../framework/types.js';
import type { Messages } from '../i18n/index.js';
import { selectQuestions } from '../interview/engine.js';
import type { Session } from '../session/types.js';

/** Version of the workbook layout, in the hidden record; a reader refuses one it does not know. */
export const FORM_FORMAT = '1';
/** Theme sheets: title (1), identification (2), description (3), column headings (4), questions from 5. */
export const ID_ROW = 2;
export const HEADER_ROW = 4;
export const FIRST_ROW = 5;
/** 1-based columns of a theme sheet; the order of msgs.form.columns. */
export const COL = { id: 1, criterion: 2, question: 3, explanation: 4, answer: 5, note: 6, evidence: 7, required: 8 } as const;
/** Widths in characters, chosen so a sheet prints on A4 landscape at a readable scale. */
export const WIDTHS = [10, 24, 38, 38, 20, 30, 22, 18];
/** Keys of the hidden record sheet (column A); stable and not translated, the reader looks them up. */
export const RECORD = { format: 'format', framework: 'framework', version: 'version', digest: 'digest', lang: 'lang', theme: 'theme', audience: 'audience', sheet: 'sheet', field: 'field' } as const;

export type ContextKey = 'gemeente' | 'team' | 'role' | 'date';
export const CONTEXT_KEYS: readonly ContextKey[] = ['gemeente', 'team', 'role', 'date'];

export interface AnswerOption {
  label: string;
  value: string | boolean;
}

export type AnswerSpec =
  | { kind: 'list'; options: AnswerOption[]; range: string }
  | { kind: 'multi'; options: AnswerOption[] }
  | { kind: 'number'; min?: number; max?: number }
  | { kind: 'date' }
  | { kind: 'text' };

export interface FormRow {
  row: number;
  question: Question;
  criterion: Criterion;
  /** Filled on the first row of a criterion only, so each criterion reads as one block. */
  criterionText?: string;
  criterionNote?: string;
  evidenceNote?: string;
  explanation: string;
  answer: AnswerSpec;
  required: boolean;
  requiredText: string;
  prefill?: { answer?: string | number; note?: string; evidence?: string };
}

export interface FormSheet {
  name: string;
  theme: Theme;
  title: string;
  header: string;
  rows: FormRow[];
}

export type CoverStyle = 'title' | 'subtitle' | 'heading' | 'text' | 'note';

export interface CoverLine {
  row: number;
  style: CoverStyle;
  text: string;
  label?: string;
}

export interface ContextField {
  key: ContextKey;
  row: number;
  label: string;
  required: boolean;
  value?: string;
}

export interface FormModel {
  framework: Framework;
  lang: string;
  cover: CoverLine[];
  context: ContextField[];
  sheets: FormSheet[];
  /** Drop-down lists on the hidden lists sheet: one column each. */
  lists: { column: string; labels: string[] }[];
  /** Key, value(, more) rows of the hidden record sheet. */
  record: string[][];
}

export interface FormOptions {
  digest: string;
  lang: string;
  theme?: string;
  audience?: string;
  respondent?: string;
  gemeente?: string;
  /** A session whose answers are filled in (a review round); never set unless asked. */
  prefill?: Session;
}

/** Provenance fields the framework format is getting; read here as optional until the types have them. */
interface Provenance {
  provenance?: { status?: string; disclaimer?: string };
}
interface CriterionBasis {
  basis?: string;
}

/** A column letter from a 1-based number (27 → AA). */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** The choices a respondent sees for a question, as labels, with the value each stands for. */
export function answerOptions(question: Question, framework: Framework, msgs: Messages): AnswerOption[] | undefined {
  let options: AnswerOption[];
  if (question.type === 'scale') {
    const scale = framework.scales.find((s) => s.id === question.scale);
    options = [
      ...(scale?.levels ?? []).map((l) => ({ label: l.label, value: l.value })),
      ...(scale?.allow ?? []).map((v) => ({ label: msgs.interview.special[v] ?? v, value: v })),
    ];
  } else if (question.type === 'choice' || question.type === 'multi') {
    options = (question.choices ?? []).map((c) => ({ label: c.label, value: c.value }));
  } else if (question.type === 'boolean') {
    options = [
      { label: msgs.interview.yes, value: true },
      { label: msgs.interview.no, value: false },
    ];
  } else {
    return undefined;
  }
  // Two choices with one label could not be told apart in a drop-down: add the value.
  const seen = new Map<string, number>();
  for (const o of options) seen.set(o.label.toLowerCase(), (seen.get(o.label.toLowerCase()) ?? 0) + 1);
  return options.map((o) => ((seen.get(o.label.toLowerCase()) ?? 0) > 1 ? { ...o, label: `${o.label} (${String(o.value)})` } : o));
}

/** Skip logic in words, with the labels the respondent sees: 'bij WAV-T-01a "Ja" koos'. */
export function conditionInWords(condition: Condition, framework: Framework, msgs: Messages, questions: ReadonlyMap<string, Question>): string {
  const w = msgs.form.condition;
  const recur = (c: Condition) => conditionInWords(c, framework, msgs, questions);
  if ('all' in condition) return condition.all.map(recur).join(w.and);
  if ('any' in condition) return condition.any.map(recur).join(w.or);
  if ('not' in condition) return w.not(recur(condition.not));
  const question = questions.get(condition.question);
  const options = question ? answerOptions(question, framework, msgs) : undefined;
  const label = (v: unknown) => options?.find((o) => o.value === v)?.label ?? String(v);
  if ('equals' in condition) return w.equals(condition.question, label(condition.equals));
  if ('in' in condition) return w.in(condition.question, condition.in.map(label));
  return condition.answered ? w.answered(condition.question) : w.notAnswered(condition.question);
}

/** An Excel sheet name: at most 31 characters, cut at a word, none of []:*?/\, unique in the workbook. */
function sheetName(theme: Theme, taken: Set<string>): string {
  const clean = `${theme.id} ${theme.title}`.replace(/[[\]:*?/\\']/g, ' ').replace(/\s+/g, ' ').trim();
  // Cut at a word, without a dangling "en" or "van": "WAV-G Regie en opdrachtgeverschap" → "WAV-G Regie".
  const cut = clean.length > 31 ? clean.slice(0, 32).replace(/\s+\S*$/, '').replace(/(\s+\S{1,3})+$/, '') || clean.slice(0, 31) : clean;
  let name = cut;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${cut.slice(0, 26).trimEnd()} (${n})`;
  taken.add(name.toLowerCase());
  return name;
}

function prefillOf(question: Question, options: AnswerOption[] | undefined, session: Session | undefined): FormRow['prefill'] {
  const answer = session?.answers[question.id];
  if (!answer || answer.inactive) return undefined;
  const label = (v: unknown) => options?.find((o) => o.value === v)?.label ?? String(v);
  const value = answer.value;
  const shown = Array.isArray(value) ? value.map(label).join('; ') : options ? label(value) : typeof value === 'number' ? value : String(value);
  return { answer: shown, ...(answer.note && { note: answer.note }), ...(answer.evidence?.length && { evidence: answer.evidence.join('; ') }) };
}

export function buildFormModel(framework: Framework, options: FormOptions, msgs: Messages): FormModel {
  const f = msgs.form;
  const plan = selectQuestions(framework, { theme: options.theme, audience: options.audience });
  const questions = new Map(plan.map((p) => [p.question.id, p.question]));
  for (const t of framework.themes) for (const c of t.criteria) for (const q of c.questions) questions.set(q.id, q);

  const lists: FormModel['lists'] = [];
  const listRange = (labels: string[]): string => {
    const key = JSON.stringify(labels);
    let list = lists.find((l) => JSON.stringify(l.labels) === key);
    if (!list) lists.push((list = { column: columnLetter(lists.length + 1), labels }));
    return `${f.listsSheet}!$${list.column}$1:$${list.column}$${labels.length}`;
  };

  const taken = new Set([f.coverSheet, f.listsSheet, f.recordSheet].map((n) => n.toLowerCase()));
  const sheets: FormSheet[] = [];
  for (const theme of framework.themes) {
    const places = plan.filter((p) => p.theme === theme);
    if (places.length === 0) continue;
    const rows: FormRow[] = [];
    let previous: Criterion | undefined;
    for (const { question, criterion } of places) {
      const first = criterion !== previous;
      previous = criterion;
      const opts = answerOptions(question, framework, msgs);
      const answer: AnswerSpec =
        question.type === 'multi'
          ? { kind: 'multi', options: opts! }
          : opts
            ? { kind: 'list', options: opts, range: listRange(opts.map((o) => o.label)) }
            : question.type === 'number'
              ? { kind: 'number', ...(question.min !== undefined && { min: question.min }), ...(question.max !== undefined && { max: question.max }) }
              : question.type === 'date'
                ? { kind: 'date' }
                : { kind: 'text' };
      const hint =
        answer.kind === 'list' ? f.listHint : answer.kind === 'multi' ? f.multiHint(answer.options.map((o) => o.label)) : answer.kind === 'number' ? f.numberHint(answer.min, answer.max) : answer.kind === 'date' ? f.dateHint : f.textHint;
      const explanation = [first ? `${f.whatGood}: ${criterion.description.trim()}` : '', question.help?.trim() ?? '', hint].filter(Boolean).join('\n');
      const basis = (criterion as Criterion & CriterionBasis).basis;
      const criterionText = first
        ? [`${criterion.id} ${criterion.title}`, criterion.critical ? `(${f.critical})` : '', basis ? f.basisLine(f.basis[basis] ?? basis) : ''].filter(Boolean).join('\n')
        : undefined;
      const criterionNote = first
        ? [
            `${f.whatGood}: ${criterion.description.trim()}`,
            criterion.guidance ? `${f.guidance}: ${criterion.guidance.trim()}` : '',
            criterion.probes?.length ? `${f.probes}:\n${criterion.probes.map((p) => `• ${p}`).join('\n')}` : '',
          ]
            .filter(Boolean)
            .join('\n\n')
        : undefined;
      const required = question.required !== false;
      const when = question.when ? f.onlyIf(conditionInWords(question.when, framework, msgs, questions)) : '';
      const requiredText = required ? when || f.yes : when ? `${f.no}; ${when}` : f.no;
      const row = FIRST_ROW + rows.length;
      const prefill = prefillOf(question, opts, options.prefill);
      rows.push({
        row,
        question,
        criterion,
        ...(criterionText && { criterionText }),
        ...(criterionNote && { criterionNote }),
        ...(first && criterion.evidence?.length && { evidenceNote: `${f.askFor}:\n${criterion.evidence.map((e) => `• ${e}`).join('\n')}` }),
        explanation,
        answer,
        required,
        requiredText,
        ...(prefill && { prefill }),
      });
    }
    const name = sheetName(theme, taken);
    sheets.push({ name, theme, title: `${theme.id} ${theme.title}`, header: f.sheetHeader(framework.id, framework.version, theme.id), rows });
  }

  // The cover sheet, top to bottom; its context cells are found again through the record.
  const cover: CoverLine[] = [];
  const add = (style: CoverStyle, text: string, label?: string) => cover.push({ row: cover.length + 1, style, text, ...(label && { label }) });
  add('title', f.title(framework.title));
  add('subtitle', f.versionLine(framework.publisher, framework.version, framework.adopted));
  add('text', framework.source, f.source);
  const provenance = (framework as Framework & Provenance).provenance;
  if (provenance?.status) {
    add('heading', f.provenanceTitle);
    add('text', f.provenance[provenance.status] ?? provenance.status);
    if (provenance.disclaimer) add('note', provenance.disclaimer.trim());
  }
  add('heading', f.instructionsTitle);
  for (const line of f.instructions) add('text', line);
  add('heading', f.contextTitle);
  const context: ContextField[] = [];
  const prefilled = options.prefill?.context;
  const values: Record<ContextKey, string | undefined> = {
    gemeente: options.gemeente ?? prefilled?.gemeente,
    team: prefilled?.team,
    role: options.respondent,
    date: undefined,
  };
  for (const key of CONTEXT_KEYS) {
    const row = cover.length + 1;
    add('text', '', f.context[key]);
    context.push({ key, row, label: f.context[key]!, required: key !== 'team', ...(values[key] && { value: values[key] }) });
  }
  add('heading', f.themesTitle);
  for (const sheet of sheets) add('text', f.themeLine(sheet.name, sheet.rows.length));
  add('note', options.prefill ? f.prefilled(options.prefill.context.gemeente, options.prefill.context.date) : f.noOthers);

  const record: string[][] = [
    [RECORD.format, FORM_FORMAT],
    [RECORD.framework, framework.id],
    [RECORD.version, framework.version],
    [RECORD.digest, options.digest],
    [RECORD.lang, options.lang],
    [RECORD.theme, options.theme ?? ''],
    [RECORD.audience, options.audience ?? ''],
    ...sheets.map((s) => [RECORD.sheet, s.name, s.theme.id]),
    ...context.map((c) => [RECORD.field, c.key, `${f.coverSheet}!B${c.row}`]),
  ];
  return { framework, lang: options.lang, cover, context, sheets, lists, record };
}
