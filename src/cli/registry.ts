/**
 * The command registry as a table: every command, its arguments, options (with their types,
 * values and defaults), help text and examples, declared once. src/cli/program.ts makes the
 * commander program from it, src/cli/completion.ts the shell completion; each command's module
 * is imported only when that command runs. A new command or option goes here (and its words
 * in src/i18n); nothing else lists them.
 */
import { LANGS } from '../i18n/lang.js';
import type { CommandContext } from './context.js';
import { UserError } from './errors.js';
import { DIAGNOSTIC_FORMATS } from './format/types.js';
import { AGGREGATE_OUTPUTS, COMPARE_OUTPUTS, REPORT_CSV_DEFAULTS, REPORT_OUTPUTS } from './format/outputs.js';
import { defineCommand, type ArgumentSpec, type CommandSpec, type HelpText, type OptionSpec } from './options.js';

const flag = (flags: string, help: HelpText) => ({ flags, help, kind: 'flag' }) as const;
const text = (flags: string, help: HelpText) => ({ flags, help, kind: 'text' }) as const;
const list = (flags: string, help: HelpText) => ({ flags, help, kind: 'list' }) as const;
/** One of a fixed set, with the value used when the option is not given. */
const choice = <const V extends readonly string[], const D extends V[number]>(flags: string, help: HelpText, values: V, fallback: D) =>
  ({ flags, help, kind: 'choice', values, default: fallback }) as const;

const out = text('-o, --out <bestand>', (m) => m.cli.out);
/** --format and --fail-on, the same for every command that reports findings. */
const diagnosticFormat = choice('-f, --format <vorm>', (m) => m.cli.validate.format, DIAGNOSTIC_FORMATS, 'stylish');
const failOn = choice('--fail-on <niveau>', (m) => m.cli.validate.failOn, ['error', 'warning'] as const, 'error');
const separator = choice('--separator <teken>', (m) => m.cli.report.separator, [',', ';'] as const, REPORT_CSV_DEFAULTS.separator);
const reportFramework = text('--framework <kader>', (m) => m.cli.report.framework);
/** report, compare and aggregate are marked "vertrouwelijk" unless the user says they may be made public. */
const confidential = flag('--no-confidential', (m) => m.cli.report.noConfidential);

/**
 * The options before any command. main.ts reads them with optsWithGlobals(); the language's
 * default is what help shows, while main.ts falls back to KADER_LANG before it.
 */
export const GLOBAL_OPTIONS = {
  lang: choice('--lang <taal>', (m) => m.cli.lang, LANGS, 'nl'),
  color: flag('--no-color', (m) => m.cli.noColor),
  quiet: flag('-q, --quiet', (m) => m.cli.quiet),
  debug: flag('--debug', (m) => m.cli.debug),
  frameworksDir: text('--frameworks-dir <map>', (m) => m.cli.frameworksDir),
} as const satisfies Record<string, OptionSpec>;

export const COMMANDS = {
  frameworks: defineCommand({
    description: (m) => m.cli.frameworks.description,
    args: {},
    options: { format: choice('-f, --format <vorm>', (m) => m.cli.frameworks.format, ['text', 'json'] as const, 'text') },
    examples: ['kader frameworks', 'kader frameworks --frameworks-dir ./mijn-kaders --format json'],
    run: async (ctx, input) => (await import('./commands/frameworks.js')).frameworksCommand(ctx, input),
  }),

  show: defineCommand({
    description: (m) => m.cli.show.description,
    args: { framework: { name: '<kader>', help: (m) => m.cli.show.framework } },
    options: { format: choice('-f, --format <vorm>', (m) => m.cli.show.format, ['tree', 'md', 'json'] as const, 'tree'), out },
    examples: ['kader show werken-aan-veiligheid', 'kader show frameworks/werken-aan-veiligheid.yaml --format md -o kader.md'],
    run: async (ctx, input) => (await import('./commands/show.js')).showCommand(ctx, input),
  }),

  validate: defineCommand({
    description: (m) => m.cli.validate.description,
    args: { paths: { name: '[paden...]', help: (m) => m.cli.validate.paths } },
    options: { format: diagnosticFormat, failOn, out },
    examples: ['kader validate frameworks/', 'kader validate kaders/ --format sarif -o kader.sarif', 'kader validate --format github --fail-on warning kaders/'],
    run: async (ctx, input) => (await import('./commands/validate.js')).validateCommand(ctx, input),
  }),

  schema: defineCommand({
    description: (m) => m.cli.schema.description,
    args: { name: { name: '<naam>', help: (m) => m.cli.schema.name }, framework: { name: '[kader]', help: (m) => m.cli.schema.framework } },
    options: { out },
    examples: ['kader schema framework > framework.schema.json', 'kader schema answers werken-aan-veiligheid'],
    run: async (ctx, input) => (await import('./commands/schema.js')).schemaCommand(ctx, input),
  }),

  init: defineCommand({
    description: (m) => m.cli.init.description,
    args: { what: { name: '<wat>', help: (m) => m.cli.init.what }, id: { name: '<id>', help: (m) => m.cli.init.id } },
    options: { out, from: text('--from <kader>', (m) => m.cli.init.from) },
    examples: ['kader init framework mijn-regio -o kaders/mijn-regio.yaml', 'kader init framework mijn-regio --from werken-aan-veiligheid -o kaders/mijn-regio.yaml'],
    run: async (ctx, input) => (await import('./commands/init.js')).initCommand(ctx, input),
  }),

  completion: defineCommand({
    description: (m) => m.cli.completion.description,
    args: { shell: { name: '<shell>', help: (m) => m.cli.completion.shell } },
    options: {},
    examples: ['kader completion bash > ~/.local/share/bash-completion/completions/kader', 'kader completion zsh >> ~/.zshrc'],
    run: async (ctx, { shell }) => {
      if (shell !== 'bash' && shell !== 'zsh') throw new UserError(ctx.msgs.cli.invalidChoice('<shell>', shell, ['bash', 'zsh']));
      const { completionScript } = await import('./completion.js');
      ctx.io.stdout(completionScript(shell, COMMANDS, GLOBAL_OPTIONS));
      return 0;
    },
  }),

  interview: defineCommand({
    description: (m) => m.cli.interview.description,
    args: { session: { name: '[sessie]', help: (m) => m.cli.interview.session } },
    options: {
      framework: text('--framework <kader>', (m) => m.cli.interview.framework),
      theme: text('--theme <thema>', (m) => m.cli.interview.theme),
      audience: text('--audience <doelgroep>', (m) => m.cli.interview.audience),
      review: flag('--review', (m) => m.cli.interview.review),
      judge: flag('--judge', (m) => m.cli.interview.judge),
      out: text('-o, --out <bestand>', (m) => m.cli.interview.out),
      answers: text('--answers <bestand>', (m) => m.cli.interview.answers),
      respondent: text('--respondent <rol>', (m) => m.cli.interview.respondent),
      gemeente: text('--gemeente <naam>', (m) => m.cli.interview.gemeente),
      team: text('--team <naam>', (m) => m.cli.interview.team),
      regio: text('--regio <naam>', (m) => m.cli.interview.regio),
      date: text('--date <datum>', (m) => m.cli.interview.date),
      interviewer: list('--interviewer <naam>', (m) => m.cli.interview.interviewer),
    },
    examples: [
      'kader interview',
      'kader interview sessies/voorbeeldgemeente-werken-aan-veiligheid-2026-11-23.yaml --judge',
      'kader interview sessie.yaml --framework tsd-lokaal-netwerk --gemeente Voorbeeldgemeente --answers antwoorden.yaml',
    ],
    run: async (ctx, input) => (await import('./commands/interview.js')).interviewCommand(ctx, input),
  }),

  check: defineCommand({
    description: (m) => m.cli.check.description,
    args: { paths: { name: '<sessies...>', help: (m) => m.cli.check.sessions } },
    options: {
      framework: text('--framework <kader>', (m) => m.cli.check.framework),
      format: diagnosticFormat,
      failOn,
      completeness: flag('--completeness', (m) => m.cli.check.completeness),
      privacy: flag('--privacy', (m) => m.cli.check.privacy),
      migrate: flag('--migrate', (m) => m.cli.check.migrate),
      out,
    },
    examples: ['kader check sessies/', 'kader check sessie.yaml --completeness', 'kader check sessies/ --privacy', 'kader check sessies/2025/ --migrate', 'kader check sessies/ --format junit -o sessies.xml'],
    run: async (ctx, input) => (await import('./commands/check.js')).checkCommand(ctx, input),
  }),

  plan: defineCommand({
    description: (m) => m.cli.plan.description,
    args: { session: { name: '<sessie>', help: (m) => m.cli.plan.session } },
    options: {
      list: flag('--list', (m) => m.cli.plan.list),
      format: choice('-f, --format <vorm>', (m) => m.cli.plan.format, ['text', 'json'] as const, 'text'),
      actions: text('--actions <bestand>', (m) => m.cli.plan.actions),
      status: list('--status <actie=status>', (m) => m.cli.plan.status),
      framework: reportFramework,
    },
    examples: ['kader plan sessies/voorbeeldgemeente-werken-aan-veiligheid-2026-11-23.yaml', 'kader plan sessie.yaml --list', 'kader plan sessie.yaml --status A2=gereed'],
    run: async (ctx, input) => (await import('./commands/plan.js')).planCommand(ctx, input),
  }),

  compare: defineCommand({
    description: (m) => m.cli.compare.description,
    args: { before: { name: '<eerder>', help: (m) => m.cli.compare.before }, after: { name: '<later>', help: (m) => m.cli.compare.after } },
    options: {
      format: choice('-f, --format <vorm>', (m) => m.cli.compare.format, COMPARE_OUTPUTS, 'text'),
      out,
      framework: reportFramework,
      redact: flag('--redact', (m) => m.cli.report.redact),
      allowPersonalData: flag('--allow-personal-data', (m) => m.cli.report.allowPersonalData),
      confidential,
    },
    examples: ['kader compare sessie-2025.yaml sessie-2026.yaml', 'kader compare sessie-2025.yaml sessie-2026.yaml --format html -o voortgang.html'],
    run: async (ctx, input) => (await import('./commands/compare.js')).compareCommand(ctx, input),
  }),

  merge: defineCommand({
    description: (m) => m.cli.merge.description,
    args: { sessions: { name: '<sessies...>', help: (m) => m.cli.merge.sessions } },
    options: {
      out: text('-o, --out <bestand>', (m) => m.cli.merge.out),
      interactive: flag('-i, --interactive', (m) => m.cli.merge.interactive),
      framework: text('--framework <kader>', (m) => m.cli.check.framework),
    },
    examples: [
      'kader merge sessies/voorbeeldgemeente-beleid.yaml sessies/voorbeeldgemeente-wijkteam.yaml sessies/voorbeeldgemeente-vt.yaml -o sessies/voorbeeldgemeente-samen.yaml',
      'kader merge sessies/voorbeeldgemeente-*.yaml -o sessies/voorbeeldgemeente-samen.yaml --interactive',
      'kader merge --interactive sessies/voorbeeldgemeente-samen.yaml',
    ],
    run: async (ctx, input) => (await import('./commands/merge.js')).mergeCommand(ctx, input),
  }),

  aggregate: defineCommand({
    description: (m) => m.cli.aggregate.description,
    args: { paths: { name: '<sessies...>', help: (m) => m.cli.aggregate.sessions } },
    options: {
      format: choice('-f, --format <vorm>', (m) => m.cli.aggregate.format, AGGREGATE_OUTPUTS, 'text'),
      table: choice('--table <tabel>', (m) => m.cli.aggregate.table, ['matrix', 'criteria'] as const, 'matrix'),
      separator,
      top: {
        flags: '--top <aantal>',
        help: (m) => m.cli.aggregate.top,
        kind: 'number',
        parse: (value, m) => {
          if (!/^[1-9]\d{0,3}$/.test(value)) throw new UserError(m.cli.aggregate.badTop(value));
          return Number(value);
        },
        default: 10,
      },
      framework: text('--framework <kader>', (m) => m.cli.aggregate.framework),
      out,
      confidential,
    },
    examples: [
      'kader aggregate sessies/regio-2026/',
      'kader aggregate sessies/regio-2026/ --format html -o regio-overzicht.html',
      'kader aggregate sessies/regio-2026/ --format pdf -o regio-overzicht.pdf',
      'kader aggregate sessies/regio-2026/ --format csv --separator ";" -o matrix.csv',
    ],
    run: async (ctx, input) => (await import('./commands/aggregate.js')).aggregateCommand(ctx, input),
  }),

  report: defineCommand({
    description: (m) => m.cli.report.description,
    args: { session: { name: '<sessie>', help: (m) => m.cli.report.session } },
    options: {
      format: choice('-f, --format <vorm>', (m) => m.cli.report.format, REPORT_OUTPUTS, 'md'),
      table: choice('--table <tabel>', (m) => m.cli.report.table, ['actions', 'scores'] as const, REPORT_CSV_DEFAULTS.table),
      separator,
      out,
      template: text('--template <bestand>', (m) => m.cli.report.template),
      baseline: text('--baseline <sessie>', (m) => m.cli.report.baseline),
      framework: reportFramework,
      redact: flag('--redact', (m) => m.cli.report.redact),
      allowPersonalData: flag('--allow-personal-data', (m) => m.cli.report.allowPersonalData),
      confidential,
    },
    examples: [
      'kader report sessie.yaml --format html -o verbeterplan.html',
      'kader report sessie.yaml --format pdf -o verbeterplan.pdf',
      'kader report sessie.yaml --format docx -o verbeterplan.docx',
      'kader report sessie.yaml --format csv --separator ";" -o acties.csv',
      'kader report sessie-2027.yaml --baseline sessie-2026.yaml --format md',
    ],
    run: async (ctx, input) => (await import('./commands/report.js')).reportCommand(ctx, input),
  }),

  form: defineCommand({
    description: (m) => m.form.command.description,
    args: { framework: { name: '<kader>', help: (m) => m.form.command.framework } },
    options: {
      out: text('-o, --out <bestand>', (m) => m.form.command.out),
      theme: text('--theme <thema>', (m) => m.form.command.theme),
      audience: text('--audience <doelgroep>', (m) => m.form.command.audience),
      respondent: text('--respondent <rol>', (m) => m.form.command.respondent),
      gemeente: text('--gemeente <naam>', (m) => m.form.command.gemeente),
      prefill: text('--prefill <sessie>', (m) => m.form.command.prefill),
    },
    examples: [
      'kader form werken-aan-veiligheid -o vragenlijst.xlsx',
      'kader form werken-aan-veiligheid --gemeente Voorbeeldgemeente --respondent wijkteammedewerker --audience lokaal-team -o vragenlijst-wijkteam.xlsx',
      'kader form werken-aan-veiligheid --prefill sessies/voorbeeldgemeente-samen.yaml -o review.xlsx',
    ],
    run: async (ctx, input) => (await import('./commands/form.js')).formCommand(ctx, input),
  }),

  import: defineCommand({
    description: (m) => m.form.importCommand.description,
    args: { file: { name: '<vragenlijst>', help: (m) => m.form.importCommand.file } },
    options: {
      out: text('-o, --out <bestand>', (m) => m.form.importCommand.out),
      into: text('--into <sessie>', (m) => m.form.importCommand.into),
      framework: text('--framework <kader>', (m) => m.form.importCommand.framework),
      migrate: flag('--migrate', (m) => m.form.importCommand.migrate),
      respondent: text('--respondent <rol>', (m) => m.form.importCommand.respondent),
      gemeente: text('--gemeente <naam>', (m) => m.form.importCommand.gemeente),
      date: text('--date <datum>', (m) => m.form.importCommand.date),
    },
    examples: [
      'kader import terug/vragenlijst-wijkteam.xlsx -o sessies/voorbeeldgemeente-wijkteam.yaml',
      'kader import terug/vragenlijst-vt.xlsx --into sessies/voorbeeldgemeente-samen.yaml',
      'kader import thema-2.csv --gemeente Voorbeeldgemeente --respondent teamleider -o sessies/voorbeeldgemeente-thema-2.yaml',
    ],
    run: async (ctx, input) => (await import('./commands/import.js')).importCommand(ctx, input),
  }),
};

export type CommandName = keyof typeof COMMANDS;
/** Any command of the table, as program.ts and completion.ts walk it. */
export type AnyCommand = CommandSpec<Record<string, ArgumentSpec>, Record<string, OptionSpec>>;
/** For the argv → options test and anything else that dispatches by name. */
export type CommandInput<N extends CommandName> = Parameters<(typeof COMMANDS)[N]['run']>[1];
export type { CommandContext };
