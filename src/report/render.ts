/**
 * Lay out a report model with handlebars templates (md, html) or as JSON. Templates get only
 * the model, fixed labels and chart geometry; all user text is escaped for the format.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type HandlebarsFull from 'handlebars';
import { PRECOMPILED_TEMPLATES_DIR, TEMPLATES_DIR } from '../core/assets.js';
import type { Lang, Messages } from '../i18n/index.js';
import type { AggregateModel } from './aggregate.js';
import { markedName } from './aggregate-text.js';
import { barChart, type Chart } from './chart.js';
import { comparisonNotes, type ComparisonModel } from './compare.js';
import type { ReportModel } from './model.js';

export const REPORT_FORMATS = ['md', 'html', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * Escape text so Markdown shows it literally: no links, images, emphasis, code, HTML, tables,
 * headings, lists or quotes can come from user input, in CommonMark and in GFM (which links
 * bare URLs, www. names and e-mail addresses). Only characters that would be interpreted
 * are escaped, each with a backslash (or an entity for < > &), so the raw file stays readable.
 */
export function escapeMarkdown(text: unknown): string {
  return (
    String(text ?? '')
      .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // GFM autolinks: a scheme's colon, the dot after www, the @ of an address.
      .replace(/\b(https?|ftp|mailto|xmpp):/gi, (_m, scheme: string) => `${scheme}\\:`)
      .replace(/\b(www)\./gi, (_m, www: string) => `${www}\\.`)
      .replace(/(?<=[\w.+-])@(?=[\w-])/g, '\\@')
      // Four spaces or a tab at the start of a line would begin a code block.
      .replace(/^[ \t]+/gm, (space) => (space.includes('\t') || space.length >= 4 ? '' : space))
      // Block markers at the start of a line: headings, list items (- + and 1. or 1)), and
      // the lines of = or - that turn the line above into a heading or draw a rule.
      .replace(/^( {0,3})(#|[-+](?=[ \t]|$)|=+(?=[ \t]*$)|-+(?=[ \t]*$))/gm, (_m, space: string, mark: string) => `${space}\\${mark}`)
      .replace(/^( {0,3})(\d{1,9})([.)])(?=[ \t]|$)/gm, (_m, space: string, digits: string, mark: string) => `${space}${digits}\\${mark}`)
  );
}

/** A Markdown table cell: escaped, on one line. */
const escapeCell = (text: unknown): string => escapeMarkdown(text).replace(/\r?\n/g, ' ');

/** The theme chart of a report: the score now, and then when there is a baseline. */
export function themeChart(model: ReportModel): Chart {
  const then = new Map((model.baseline?.themes ?? []).map((t) => [t.id, t.before]));
  return barChart(
    model.summary.themes.map((t) => ({ label: t.title, now: t.percent, then: then.get(t.id) ?? null })),
    model.baseline !== null,
  );
}

/**
 * The sentences that depend on the session, chosen here so each is true of it: "all critical
 * criteria are met" only when every one is, "no improvement points" only when nothing is open.
 */
export function reportSentences(model: ReportModel, msgs: Messages) {
  const r = msgs.report;
  const { total, meets, notApplicable } = model.summary.criticalCount;
  const bases = (Object.entries(model.account.bases) as [keyof typeof model.account.bases, number][])
    .filter(([, n]) => n > 0)
    .map(([basis, n]) => `${n} ${r.basisValues[basis]}`)
    .join(', ');
  const { rules } = model.account;
  return {
    criticalSentence: total === 0 ? r.criticalNone : model.summary.allCriticalMet ? r.criticalAllMet(total, notApplicable) : r.criticalSome(meets, total),
    noImprovements:
      model.unresolved.open.length === model.criteria.length ? r.nothingAssessed : model.unresolved.open.length > 0 ? r.noImprovementsYet(model.unresolved.open.length) : r.noImprovements,
    draft: model.session.status === 'complete' ? '' : r.draft(model.session.openRequired),
    confidential: model.confidential ? r.confidential : '',
    migrated: model.framework.migratedFrom === null ? '' : r.migratedFrom(model.framework.migratedFrom, model.framework.version),
    provenance: model.framework.provenance ? r.provenanceStatus[model.framework.provenance.status] ?? model.framework.provenance.status : r.provenanceUnstated,
    bases: r.basesSummary(bases),
    scoringRule: r.scoringRule(rules.mean, rules.weakest, rules.critical),
    baselineTeam: model.baseline && !model.baseline.sameTeam ? msgs.compare.teamDiffers(model.baseline.team ?? r.none, model.context.team ?? r.none) : '',
  };
}

/** Only the plain labels of a catalogue: templates get data, never functions. */
export const plainLabels = (labels: object): Record<string, unknown> => Object.fromEntries(Object.entries(labels).filter(([, value]) => typeof value !== 'function'));

/** The plain labels a template may use (functions of i18n already applied). */
function labels(model: ReportModel, msgs: Messages, version: string, lang: Lang) {
  const r = msgs.report;
  return {
    ...plainLabels(r),
    ...reportSentences(model, msgs),
    title: r.title(model.context.gemeente),
    baseline: model.baseline ? r.baseline(model.baseline.date) : '',
    scoring: r.scoring(model.account.thresholds.meets, model.account.thresholds.partly),
    generatedBy: r.generatedBy(version),
    delta: msgs.compare.delta,
    frameworkLang: model.framework.language,
    lang,
  };
}

type HandlebarsRuntime = Pick<typeof HandlebarsFull, 'registerHelper' | 'template' | 'SafeString' | 'escapeExpression'>;
type TemplateSpecification = Parameters<typeof HandlebarsFull.template>[0];
type Template = ReturnType<typeof HandlebarsFull.compile>;
const require = createRequire(import.meta.url);

/** The template spec precompiled at build time (scripts/precompile.mjs), if it is there. */
function precompiledSpec(name: TemplateName, format: 'md' | 'html'): TemplateSpecification | undefined {
  try {
    return require(join(PRECOMPILED_TEMPLATES_DIR, `${name}.${format}.cjs`)) as TemplateSpecification;
  } catch {
    return undefined;
  }
}

function registerHelpers(hb: HandlebarsRuntime, msgs: Messages): void {
  hb.registerHelper('md', (text: unknown) => escapeMarkdown(text));
  hb.registerHelper('cell', (text: unknown) => escapeCell(text));
  hb.registerHelper('pct', (value: unknown) => (typeof value === 'number' ? `${value}%` : msgs.report.none));
  hb.registerHelper('join', (items: unknown, separator: unknown) => (Array.isArray(items) ? items.map(String).join(String(separator)) : ''));
  hb.registerHelper('inc', (value: unknown) => Number(value) + 1);
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // Like JavaScript's ||: the first truthy argument (so it can pick a fallback), else false.
  hb.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).find(Boolean) ?? false);
  // Framework text in HTML, marked with the framework's language when the interface speaks
  // another (WCAG 3.1.2): an English plan of a Dutch framework is read out in Dutch where it quotes it.
  hb.registerHelper('fw', (text: unknown, options: { data?: { root?: { t?: { lang?: string; frameworkLang?: string } } } }) => {
    const t = options.data?.root?.t;
    const escaped = hb.escapeExpression(String(text ?? ''));
    return new hb.SafeString(t?.frameworkLang && t.frameworkLang !== t.lang ? `<span lang="${t.frameworkLang}">${escaped}</span>` : escaped);
  });
  hb.registerHelper('signed', (value: unknown) => (typeof value === 'number' ? `${value > 0 ? '+' : ''}${value}` : msgs.report.none));
}

/**
 * The template as a function. The built-in templates come precompiled and need only the small
 * handlebars runtime; a user's --template (or a missing build) loads the compiler.
 * HTML: {{x}} escapes; Markdown: compiled without HTML escaping, so every user text goes
 * through {{md}} or {{cell}} (scripts/precompile.mjs uses the same options).
 */
type TemplateName = 'report' | 'compare' | 'aggregate';

function templateFor(name: TemplateName, format: 'md' | 'html', msgs: Messages, templateText?: string): Template {
  const spec = templateText === undefined ? precompiledSpec(name, format) : undefined;
  if (spec) {
    // The runtime as handlebars also ships it, joined in one file: one file to load instead of
    // twenty (~7 ms against ~18 ms in a fresh process, issue #20); same version, same code.
    const runtime = (require('handlebars/dist/handlebars.runtime.js') as typeof HandlebarsFull).create();
    registerHelpers(runtime, msgs);
    return runtime.template(spec);
  }
  const hb = (require('handlebars') as typeof HandlebarsFull).create();
  registerHelpers(hb, msgs);
  const source = templateText ?? readFileSync(join(TEMPLATES_DIR, `${name}.${format}.hbs`), 'utf8');
  return hb.compile(source, { noEscape: format === 'md', strict: false });
}

export interface RenderOptions {
  lang: Lang;
  msgs: Messages;
  version: string;
  /** A user's own template (--template), instead of templates/report.<format>.hbs. */
  templateText?: string;
  /** compare and aggregate: false with --no-confidential (a report's model carries its own). */
  confidential?: boolean;
}

/** The "vertrouwelijk" note and page mark of compare and aggregate, unless they may be made public. */
function marking(options: RenderOptions, note: string): { confidential: string; confidentialMark: string } {
  return { confidential: options.confidential === false ? '' : note, confidentialMark: options.msgs.report.confidentialMark };
}

export function renderReport(model: ReportModel, format: ReportFormat, options: RenderOptions): string {
  if (format === 'json') return `${JSON.stringify(model, null, 2)}\n`;
  const template = templateFor('report', format, options.msgs, options.templateText);
  // Templates see a frozen copy: they can read the model, not reach prototypes or change it.
  const context = structuredClone({ report: model, t: labels(model, options.msgs, options.version, options.lang), chart: themeChart(model) });
  return template(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
}

/** The comparison of two measurements (kader compare) as Markdown or HTML. */
export function renderComparison(model: ComparisonModel, format: 'md' | 'html', options: RenderOptions): string {
  const template = templateFor('compare', format, options.msgs, options.templateText);
  const r = options.msgs.report;
  // Only plain labels go to a template (functions are applied here, or left out).
  const t = { ...plainLabels(r), notes: comparisonNotes(model, options.msgs), frameworkLang: model.framework.language, lang: options.lang, title: options.msgs.compare.title(model.gemeente, model.before.date, model.after.date), delta: options.msgs.compare.delta, generatedBy: r.generatedBy(options.version), ...marking(options, r.confidential) };
  const chart = barChart(model.themes.map((x) => ({ label: x.title, now: x.after, then: x.before })), true);
  return template(structuredClone({ comparison: model, t, chart }), { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
}

const OUTCOMES = ['meets', 'partly', 'not-met', 'not-applicable', 'unknown', 'open'] as const;

/** The regional overview (kader aggregate) as Markdown or HTML: a heat-map table, no scripts. */
export function renderAggregate(model: AggregateModel, format: 'md' | 'html', options: RenderOptions): string {
  const template = templateFor('aggregate', format, options.msgs);
  const a = options.msgs.aggregate;
  const r = options.msgs.report;
  const { meets, partly } = model.framework.thresholds;
  const { reasons, ...labels } = a;
  const t = {
    ...plainLabels(labels),
    lang: options.lang,
    title: a.title(model.framework.title),
    frameworkLang: model.framework.language,
    textStatus: r.textStatus,
    provenance: model.framework.provenance ? (r.provenanceStatus[model.framework.provenance.status] ?? model.framework.provenance.status) : r.provenanceUnstated,
    subtitle: a.subtitle(model.rows.length, model.framework.version),
    legend: a.legend(Math.round(meets * 100), Math.round(partly * 100)),
    criterion: r.action.criterion,
    critical: r.critical,
    outcomes: OUTCOMES.map((o) => r.outcome[o]),
    generatedBy: r.generatedBy(options.version),
    ...marking(options, r.confidentialOverview),
  };
  // Layout data the templates cannot compute: names with marks, cells in column order, note texts.
  const context = {
    aggregate: model,
    rows: model.rows.map((row) => ({ row, name: markedName(row), cells: [row.total, ...row.themes] })),
    meanCells: [model.mean.total, ...model.mean.themes],
    criteria: model.criteria.map((criterion) => ({ criterion, counts: OUTCOMES.map((o) => criterion.tally[o]) })),
    notes: model.notes.map((note) => ({ file: note.file, text: reasons[note.reason]!(note.detail) })),
    t,
  };
  // No copy of the context (the other renderers take one): for 50,000 gemeenten it doubled the
  // model in memory (issue #20). Built here from plain data, it reaches no prototype the options
  // below would not refuse, and a template cannot change the data it is given.
  return template(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
}
