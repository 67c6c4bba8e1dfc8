/**
 * The comparison of two measurements of the same framework (kader compare): per theme and per
 * criterion the score then and now and whether it got better, and the old plan's actions.
 * Pure: built from two report models, the newer one made with the older as baseline.
 */
import type { Messages } from '../i18n/index.js';
import { columns } from './columns.js';
import type { ReportModel } from './model.js';

export interface ComparisonModel {
  kader: 1;
  kind: 'comparison';
  gemeente: string;
  framework: { id: string; title: string; versionBefore: string; versionAfter: string; language: 'nl' | 'en' };
  before: { date: string; percent: number | null; team: string | null; complete: boolean };
  after: { date: string; percent: number | null; team: string | null; complete: boolean };
  /** False when the two measurements are of different teams: every output says so. */
  sameTeam: boolean;
  themes: { id: string; title: string; before: number | null; after: number | null; delta: number | null }[];
  criteria: NonNullable<ReportModel['baseline']>['changes'];
  tally: NonNullable<ReportModel['baseline']>['tally'];
  actions: NonNullable<ReportModel['baseline']>['actions'];
}

export function buildComparison(before: ReportModel, after: ReportModel): ComparisonModel {
  const baseline = after.baseline!;
  return {
    kader: 1,
    kind: 'comparison',
    gemeente: after.context.gemeente,
    framework: { id: after.framework.id, title: after.framework.title, versionBefore: baseline.version, versionAfter: after.framework.version, language: after.framework.language },
    before: { date: before.context.date, percent: before.summary.percent, team: before.context.team, complete: before.session.status === 'complete' },
    after: { date: after.context.date, percent: after.summary.percent, team: after.context.team, complete: after.session.status === 'complete' },
    sameTeam: baseline.sameTeam,
    themes: baseline.themes,
    criteria: baseline.changes,
    tally: baseline.tally,
    actions: baseline.actions,
  };
}

const pct = (value: number | null, none: string) => (value === null ? none : `${value}%`);
const signed = (value: number | null, none: string) => (value === null ? none : `${value > 0 ? '+' : ''}${value}`);

/** What the reader must know before trusting the arrows: another team, or a measurement not finished. */
export function comparisonNotes(model: ComparisonModel, msgs: Messages): string[] {
  const c = msgs.compare;
  const none = msgs.report.none;
  return [
    ...(model.sameTeam ? [] : [c.teamDiffers(model.before.team ?? none, model.after.team ?? none)]),
    ...(model.before.complete ? [] : [c.incomplete(model.before.date)]),
    ...(model.after.complete ? [] : [c.incomplete(model.after.date)]),
  ];
}

export function comparisonText(model: ComparisonModel, msgs: Messages): string {
  const r = msgs.report;
  const c = msgs.compare;
  const lines = [
    c.title(model.gemeente, model.before.date, model.after.date),
    `${model.framework.title} (${model.framework.versionBefore} → ${model.framework.versionAfter})`,
    `${r.total}: ${pct(model.before.percent, r.none)} → ${pct(model.after.percent, r.none)}`,
    `${r.changeValues.better}: ${model.tally.better}, ${r.changeValues.same}: ${model.tally.same}, ${r.changeValues.worse}: ${model.tally.worse}`,
    ...comparisonNotes(model, msgs),
    '',
    columns([[r.theme, r.before, r.after, c.delta], ...model.themes.map((t) => [`${t.id} ${t.title}`, pct(t.before, r.none), pct(t.after, r.none), signed(t.delta, r.none)])]),
    '',
    columns([
      [r.criteria, r.before, r.after, r.change],
      ...model.criteria.map((x) => [
        `${x.id} ${x.title}`,
        `${r.outcome[x.before.outcome]} ${pct(x.before.percent, '')}`.trim(),
        `${r.outcome[x.after.outcome]} ${pct(x.after.percent, '')}`.trim(),
        r.changeValues[x.change] ?? x.change,
      ]),
    ]),
  ];
  if (model.actions.length > 0) {
    lines.push('', r.previousActions, columns([[r.action.id, r.action.what, r.statusThen, r.statusNow], ...model.actions.map((a) => [a.id, a.what, r.statusAction[a.status] ?? a.status, a.statusNow ? (r.statusAction[a.statusNow] ?? a.statusNow) : r.none])]));
  }
  return `${lines.join('\n')}\n`;
}
