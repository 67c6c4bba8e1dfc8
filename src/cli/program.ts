/**
 * The command registry: every command, its options, help text and examples. Each command's
 * module is imported only when that command runs.
 */
import { createRequire } from 'node:module';
import type * as CommanderModule from 'commander';
import type { Command, CommanderError } from 'commander';
import { packageVersion } from '../core/assets.js';
import type { Messages } from '../i18n/index.js';
import { LANGS } from '../i18n/lang.js';
import type { CommandContext, Io } from './context.js';
import { UserError, type ExitCode } from './errors.js';
import type { InterviewOptions } from './commands/interview.js';
import { DIAGNOSTIC_FORMATS } from './format/types.js';

// commander through require: its ESM wrapper costs ~20 ms of start-up on Node 20 (measured with
// hyperfine in bench/README.md), which every `kader --help` would pay.
const commander = createRequire(import.meta.url)('commander') as typeof CommanderModule;
const { Option } = commander;
export const { CommanderError: CommanderErrorClass } = commander;

/** The values an option accepts, kept for shell completion (commander's own choices print English help). */
export const OPTION_CHOICES = new WeakMap<CommanderModule.Option, readonly string[]>();

/** An option with a fixed set of values, refused in the user's language. */
function choiceOption<T extends string>(msgs: Messages, flags: string, description: string, values: readonly T[]): CommanderModule.Option {
  const option = new Option(flags, description);
  const flag = option.long ?? flags;
  option.argParser((value: string): T => {
    if ((values as readonly string[]).includes(value)) return value as T;
    throw new UserError(msgs.cli.invalidChoice(flag, value, values));
  });
  OPTION_CHOICES.set(option, values);
  return option;
}

/** --format and --fail-on, the same for every command that reports findings. */
const formatOption = (msgs: Messages) =>
  choiceOption(msgs, '-f, --format <vorm>', `${msgs.cli.validate.format} (stylish)`, DIAGNOSTIC_FORMATS);
const failOnOption = (msgs: Messages) =>
  choiceOption(msgs, '--fail-on <niveau>', `${msgs.cli.validate.failOn} (error)`, ['error', 'warning'] as const);

function example(msgs: Messages, lines: string[]): string {
  return `\n${lines.length > 1 ? msgs.cli.examples : msgs.cli.example}:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

export interface Registry {
  setExit(code: ExitCode): void;
  context(command: Command): Promise<CommandContext>;
}

export function buildProgram(msgs: Messages, io: Io, registry: Registry): Command {
  const c = msgs.cli;
  const titles: Record<string, string> = {
    'Usage:': c.usage,
    'Options:': c.options,
    'Commands:': c.commands,
    'Arguments:': c.arguments,
    'Global Options:': c.globalOptions,
  };
  const program = new commander.Command('kader')
    .description(c.description)
    .version(packageVersion(), '-V, --version', c.version)
    .helpOption('-h, --help', c.help)
    .helpCommand('help [opdracht]', c.help)
    .configureHelp({
      styleTitle: (title) => titles[title] ?? title,
      styleUsage: (usage) => translatePlaceholders(usage, c),
      styleSubcommandTerm: (term) => translatePlaceholders(term, c),
      optionTerm: (option) => translatePlaceholders(option.flags, c),
      argumentTerm: (argument) => c.placeholders[argument.name()] ?? argument.name(),
      showGlobalOptions: true,
    })
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
    .exitOverride()
    .addOption(choiceOption(msgs, '--lang <taal>', `${c.lang} (nl)`, LANGS))
    .option('--no-color', c.noColor)
    .option('-q, --quiet', c.quiet)
    .option('--debug', c.debug)
    .option('--frameworks-dir <map>', c.frameworksDir);

  program
    .command('frameworks')
    .description(c.frameworks.description)
    .addOption(choiceOption(msgs, '-f, --format <vorm>', `${c.frameworks.format} (text)`, ['text', 'json'] as const))
    .addHelpText('after', example(msgs, ['kader frameworks', 'kader frameworks --frameworks-dir ./mijn-kaders --format json']))
    .action(async (opts: { format?: 'text' | 'json' }, command: Command) => {
      const { frameworksCommand } = await import('./commands/frameworks.js');
      registry.setExit(await frameworksCommand((await registry.context(command)), { format: opts.format ?? 'text' }));
    });

  program
    .command('show')
    .description(c.show.description)
    .argument('<kader>', c.show.framework)
    .addOption(choiceOption(msgs, '-f, --format <vorm>', `${c.show.format} (tree)`, ['tree', 'md', 'json'] as const))
    .option('-o, --out <bestand>', c.out)
    .addHelpText('after', example(msgs, ['kader show werken-aan-veiligheid', 'kader show frameworks/werken-aan-veiligheid.yaml --format md -o kader.md']))
    .action(async (framework: string, opts: { format?: 'tree' | 'md' | 'json'; out?: string }, command: Command) => {
      const { showCommand } = await import('./commands/show.js');
      registry.setExit(await showCommand((await registry.context(command)), { framework, format: opts.format ?? 'tree', out: opts.out }));
    });

  program
    .command('validate')
    .description(c.validate.description)
    .argument('[paden...]', c.validate.paths)
    .addOption(formatOption(msgs))
    .addOption(failOnOption(msgs))
    .option('-o, --out <bestand>', c.out)
    .addHelpText(
      'after',
      example(msgs, ['kader validate frameworks/', 'kader validate kaders/ --format sarif -o kader.sarif', 'kader validate --format github --fail-on warning kaders/']),
    )
    .action(async (paths: string[], opts: { format?: (typeof DIAGNOSTIC_FORMATS)[number]; failOn?: 'error' | 'warning'; out?: string }, command: Command) => {
      const { validateCommand } = await import('./commands/validate.js');
      const ctx = (await registry.context(command));
      registry.setExit(await validateCommand(ctx, { paths, format: opts.format ?? 'stylish', failOn: opts.failOn ?? 'error', out: opts.out }));
    });

  program
    .command('schema')
    .description(c.schema.description)
    .argument('<naam>', c.schema.name)
    .argument('[kader]', c.schema.framework)
    .option('-o, --out <bestand>', c.out)
    .addHelpText('after', example(msgs, ['kader schema framework > framework.schema.json', 'kader schema answers werken-aan-veiligheid']))
    .action(async (name: string, framework: string | undefined, opts: { out?: string }, command: Command) => {
      const { schemaCommand } = await import('./commands/schema.js');
      registry.setExit(await schemaCommand((await registry.context(command)), { name, framework, out: opts.out }));
    });

  program
    .command('init')
    .description(c.init.description)
    .argument('<wat>', c.init.what)
    .argument('<id>', c.init.id)
    .option('-o, --out <bestand>', c.out)
    .option('--from <kader>', c.init.from)
    .addHelpText('after', example(msgs, ['kader init framework mijn-regio -o kaders/mijn-regio.yaml', 'kader init framework mijn-regio --from werken-aan-veiligheid -o kaders/mijn-regio.yaml']))
    .action(async (what: string, id: string, opts: { out?: string; from?: string }, command: Command) => {
      const { initCommand } = await import('./commands/init.js');
      registry.setExit(await initCommand(await registry.context(command), { what, id, out: opts.out, from: opts.from }));
    });

  program
    .command('completion')
    .description(c.completion.description)
    .argument('<shell>', c.completion.shell)
    .addHelpText('after', example(msgs, ['kader completion bash > ~/.local/share/bash-completion/completions/kader', 'kader completion zsh >> ~/.zshrc']))
    .action(async (shell: string) => {
      const { bashCompletion, zshCompletion } = await import('./completion.js');
      if (shell !== 'bash' && shell !== 'zsh') throw new UserError(msgs.cli.invalidChoice('<shell>', shell, ['bash', 'zsh']));
      io.stdout(shell === 'bash' ? bashCompletion(program) : zshCompletion(program));
      registry.setExit(0);
    });

  program
    .command('interview')
    .description(c.interview.description)
    .argument('[sessie]', c.interview.session)
    .option('--framework <kader>', c.interview.framework)
    .option('--theme <thema>', c.interview.theme)
    .option('--audience <doelgroep>', c.interview.audience)
    .option('--review', c.interview.review)
    .option('--judge', c.interview.judge)
    .option('-o, --out <bestand>', c.interview.out)
    .option('--answers <bestand>', c.interview.answers)
    .option('--respondent <rol>', c.interview.respondent)
    .option('--gemeente <naam>', c.interview.gemeente)
    .option('--team <naam>', c.interview.team)
    .option('--regio <naam>', c.interview.regio)
    .option('--date <datum>', c.interview.date)
    .option('--interviewer <naam>', c.interview.interviewer, (value: string, previous: string[] = []) => [...previous, value])
    .addHelpText(
      'after',
      example(msgs, [
        'kader interview',
        'kader interview sessies/utrecht-werken-aan-veiligheid-2026-11-23.yaml --judge',
        'kader interview sessie.yaml --framework tsd-lokaal-netwerk --gemeente Utrecht --answers antwoorden.yaml',
      ]),
    )
    .action(async (session: string | undefined, opts: Omit<InterviewOptions, 'session'>, command: Command) => {
      const { interviewCommand } = await import('./commands/interview.js');
      registry.setExit(await interviewCommand((await registry.context(command)), { ...opts, session }));
    });

  program
    .command('check')
    .description(c.check.description)
    .argument('<sessies...>', c.check.sessions)
    .option('--framework <kader>', c.check.framework)
    .addOption(formatOption(msgs))
    .addOption(failOnOption(msgs))
    .option('--completeness', c.check.completeness)
    .option('--privacy', c.check.privacy)
    .option('--migrate', c.check.migrate)
    .option('-o, --out <bestand>', c.out)
    .addHelpText('after', example(msgs, ['kader check sessies/', 'kader check sessie.yaml --completeness', 'kader check sessies/ --privacy', 'kader check sessies/2025/ --migrate', 'kader check sessies/ --format junit -o sessies.xml']))
    .action(
      async (
        paths: string[],
        opts: { framework?: string; format?: (typeof DIAGNOSTIC_FORMATS)[number]; failOn?: 'error' | 'warning'; completeness?: boolean; privacy?: boolean; migrate?: boolean; out?: string },
        command: Command,
      ) => {
        const { checkCommand } = await import('./commands/check.js');
        registry.setExit(
          await checkCommand((await registry.context(command)), {
            paths,
            framework: opts.framework,
            format: opts.format ?? 'stylish',
            failOn: opts.failOn ?? 'error',
            completeness: opts.completeness,
            privacy: opts.privacy,
            migrate: opts.migrate,
            out: opts.out,
          }),
        );
      },
    );

  program
    .command('plan')
    .description(c.plan.description)
    .argument('<sessie>', c.plan.session)
    .option('--list', c.plan.list)
    .addOption(choiceOption(msgs, '-f, --format <vorm>', `${c.plan.format} (text)`, ['text', 'json'] as const))
    .option('--actions <bestand>', c.plan.actions)
    .option('--status <actie=status>', c.plan.status, (value: string, previous: string[] = []) => [...previous, value])
    .option('--framework <kader>', c.report.framework)
    .addHelpText(
      'after',
      example(msgs, ['kader plan sessies/utrecht-werken-aan-veiligheid-2026-11-23.yaml', 'kader plan sessie.yaml --list', 'kader plan sessie.yaml --status A2=gereed']),
    )
    .action(
      async (
        session: string,
        opts: { list?: boolean; format?: 'text' | 'json'; actions?: string; status?: string[]; framework?: string },
        command: Command,
      ) => {
        const { planCommand } = await import('./commands/plan.js');
        registry.setExit(await planCommand((await registry.context(command)), { session, ...opts, format: opts.format ?? 'text' }));
      },
    );

  program
    .command('compare')
    .description(c.compare.description)
    .argument('<eerder>', c.compare.before)
    .argument('<later>', c.compare.after)
    .addOption(choiceOption(msgs, '-f, --format <vorm>', `${c.compare.format} (text)`, ['text', 'md', 'html', 'json'] as const))
    .option('-o, --out <bestand>', c.out)
    .option('--framework <kader>', c.report.framework)
    .option('--redact', c.report.redact)
    .option('--allow-personal-data', c.report.allowPersonalData)
    .option('--no-confidential', c.report.noConfidential)
    .addHelpText('after', example(msgs, ['kader compare sessie-2025.yaml sessie-2026.yaml', 'kader compare sessie-2025.yaml sessie-2026.yaml --format html -o voortgang.html']))
    .action(
      async (
        before: string,
        after: string,
        opts: { format?: 'text' | 'md' | 'html' | 'json'; out?: string; framework?: string; redact?: boolean; allowPersonalData?: boolean; confidential?: boolean },
        command: Command,
      ) => {
        const { compareCommand } = await import('./commands/compare.js');
        registry.setExit(await compareCommand(await registry.context(command), { before, after, ...opts, format: opts.format ?? 'text' }));
      },
    );

  program
    .command('merge')
    .description(c.merge.description)
    .argument('<sessies...>', c.merge.sessions)
    .option('-o, --out <bestand>', c.merge.out)
    .option('-i, --interactive', c.merge.interactive)
    .option('--framework <kader>', c.check.framework)
    .addHelpText(
      'after',
      example(msgs, [
        'kader merge sessies/utrecht-beleid.yaml sessies/utrecht-wijkteam.yaml sessies/utrecht-vt.yaml -o sessies/utrecht-samen.yaml',
        'kader merge sessies/utrecht-*.yaml -o sessies/utrecht-samen.yaml --interactive',
        'kader merge --interactive sessies/utrecht-samen.yaml',
      ]),
    )
    .action(async (sessions: string[], opts: { out?: string; interactive?: boolean; framework?: string }, command: Command) => {
      const { mergeCommand } = await import('./commands/merge.js');
      registry.setExit(await mergeCommand(await registry.context(command), { sessions, ...opts }));
    });

  program
    .command('aggregate')
    .description(c.aggregate.description)
    .argument('<sessies...>', c.aggregate.sessions)
    .addOption(choiceOption(msgs, '-f, --format <vorm>', `${c.aggregate.format} (text)`, ['text', 'md', 'html', 'pdf', 'csv', 'json'] as const))
    .addOption(choiceOption(msgs, '--table <tabel>', `${c.aggregate.table} (matrix)`, ['matrix', 'criteria'] as const))
    .addOption(choiceOption(msgs, '--separator <teken>', `${c.report.separator} (,)`, [',', ';'] as const))
    .addOption(
      new Option('--top <aantal>', `${c.aggregate.top} (10)`).argParser((value: string) => {
        if (!/^[1-9]\d{0,3}$/.test(value)) throw new UserError(c.aggregate.badTop(value));
        return Number(value);
      }),
    )
    .option('--framework <kader>', c.aggregate.framework)
    .option('-o, --out <bestand>', c.out)
    .option('--no-confidential', c.report.noConfidential)
    .addHelpText(
      'after',
      example(msgs, [
        'kader aggregate sessies/regio-2026/',
        'kader aggregate sessies/regio-2026/ --format html -o regio-overzicht.html',
        'kader aggregate sessies/regio-2026/ --format pdf -o regio-overzicht.pdf',
        'kader aggregate sessies/regio-2026/ --format csv --separator ";" -o matrix.csv',
      ]),
    )
    .action(
      async (
        paths: string[],
        opts: { format?: 'text' | 'md' | 'html' | 'pdf' | 'csv' | 'json'; table?: 'matrix' | 'criteria'; separator?: ',' | ';'; top?: number; framework?: string; out?: string; confidential?: boolean },
        command: Command,
      ) => {
        const { aggregateCommand } = await import('./commands/aggregate.js');
        registry.setExit(await aggregateCommand(await registry.context(command), { paths, ...opts, format: opts.format ?? 'text' }));
      },
    );

  program
    .command('report')
    .description(c.report.description)
    .argument('<sessie>', c.report.session)
    .addOption(choiceOption(msgs, '-f, --format <vorm>', `${c.report.format} (md)`, ['md', 'html', 'json', 'pdf', 'csv', 'docx'] as const))
    .addOption(choiceOption(msgs, '--table <tabel>', `${c.report.table} (actions)`, ['actions', 'scores'] as const))
    .addOption(choiceOption(msgs, '--separator <teken>', `${c.report.separator} (,)`, [',', ';'] as const))
    .option('-o, --out <bestand>', c.out)
    .option('--template <bestand>', c.report.template)
    .option('--baseline <sessie>', c.report.baseline)
    .option('--framework <kader>', c.report.framework)
    .option('--redact', c.report.redact)
    .option('--allow-personal-data', c.report.allowPersonalData)
    .option('--no-confidential', c.report.noConfidential)
    .addHelpText(
      'after',
      example(msgs, [
        'kader report sessie.yaml --format html -o verbeterplan.html',
        'kader report sessie.yaml --format pdf -o verbeterplan.pdf',
        'kader report sessie.yaml --format docx -o verbeterplan.docx',
        'kader report sessie.yaml --format csv --separator ";" -o acties.csv',
        'kader report sessie-2027.yaml --baseline sessie-2026.yaml --format md',
      ]),
    )
    .action(
      async (
        session: string,
        opts: { format?: 'md' | 'html' | 'json' | 'pdf' | 'csv' | 'docx'; table?: 'actions' | 'scores'; separator?: ',' | ';'; out?: string; template?: string; baseline?: string; framework?: string; redact?: boolean; allowPersonalData?: boolean; confidential?: boolean },
        command: Command,
      ) => {
        const { reportCommand } = await import('./commands/report.js');
        registry.setExit(await reportCommand((await registry.context(command)), { session, ...opts, format: opts.format ?? 'md' }));
      },
    );

  const f = msgs.form;
  program
    .command('form')
    .description(f.command.description)
    .argument('<kader>', f.command.framework)
    .option('-o, --out <bestand>', f.command.out)
    .option('--theme <thema>', f.command.theme)
    .option('--audience <doelgroep>', f.command.audience)
    .option('--respondent <rol>', f.command.respondent)
    .option('--gemeente <naam>', f.command.gemeente)
    .option('--prefill <sessie>', f.command.prefill)
    .addHelpText(
      'after',
      example(msgs, [
        'kader form werken-aan-veiligheid -o vragenlijst.xlsx',
        'kader form werken-aan-veiligheid --gemeente Utrecht --respondent wijkteammedewerker --audience lokaal-team -o vragenlijst-wijkteam.xlsx',
        'kader form werken-aan-veiligheid --prefill sessies/utrecht-samen.yaml -o review.xlsx',
      ]),
    )
    .action(async (framework: string, opts: Omit<import('./commands/form.js').FormOptions, 'framework'>, command: Command) => {
      const { formCommand } = await import('./commands/form.js');
      registry.setExit(await formCommand(await registry.context(command), { framework, ...opts }));
    });

  program
    .command('import')
    .description(f.importCommand.description)
    .argument('<vragenlijst>', f.importCommand.file)
    .option('-o, --out <bestand>', f.importCommand.out)
    .option('--into <sessie>', f.importCommand.into)
    .option('--framework <kader>', f.importCommand.framework)
    .option('--migrate', f.importCommand.migrate)
    .option('--respondent <rol>', f.importCommand.respondent)
    .option('--gemeente <naam>', f.importCommand.gemeente)
    .option('--date <datum>', f.importCommand.date)
    .addHelpText(
      'after',
      example(msgs, [
        'kader import terug/vragenlijst-wijkteam.xlsx -o sessies/utrecht-wijkteam.yaml',
        'kader import terug/vragenlijst-vt.xlsx --into sessies/utrecht-samen.yaml',
        'kader import thema-2.csv --gemeente Utrecht --respondent teamleider -o sessies/utrecht-thema-2.yaml',
      ]),
    )
    .action(async (file: string, opts: Omit<import('./commands/import.js').ImportOptions, 'file'>, command: Command) => {
      const { importCommand } = await import('./commands/import.js');
      registry.setExit(await importCommand(await registry.context(command), { file, ...opts }));
    });

  return program;
}

/**
 * Help shows "[options]", "[command]" and the placeholders of the definitions below, which
 * are written in Dutch (<bestand>, <sessie> …); show them in the user's language.
 */
function translatePlaceholders(text: string, c: Messages['cli']): string {
  return text
    .replace('[options]', c.optionsPlaceholder)
    .replace('[command]', c.commandPlaceholder)
    .replace(/([<[])([^\]>.]+)(\.\.\.)?([>\]])/g, (_m, open: string, word: string, dots = '', close: string) => `${open}${c.placeholders[word] ?? word}${dots}${close}`);
}

/** Translate commander's own usage errors; they are English and name the option in quotes. */
export function usageMessage(error: CommanderError, msgs: Messages): string {
  // commander's nearest match (showSuggestionAfterError), said in the user's language.
  const suggestion = /\(Did you mean (.+)\?\)/.exec(error.message)?.[1];
  const said = translateUsage(error, msgs);
  if (!suggestion) return said;
  return `${said}. ${msgs.cli.didYouMean(error.code === 'commander.unknownCommand' ? `kader ${suggestion}` : suggestion)}`;
}

function translateUsage(error: CommanderError, msgs: Messages): string {
  const quoted = [...error.message.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
  switch (error.code) {
    case 'commander.unknownOption':
      return msgs.cli.unknownOption(quoted[0] ?? '');
    case 'commander.unknownCommand':
      return msgs.cli.unknownCommand(quoted[0] ?? '');
    case 'commander.missingArgument':
      return msgs.cli.missingArgument(msgs.cli.placeholders[quoted[0] ?? ''] ?? quoted[0] ?? '');
    case 'commander.optionMissingArgument':
      return msgs.cli.missingOptionValue((quoted[0] ?? '').split(' ')[0] ?? '');
    case 'commander.excessArguments':
      return msgs.cli.tooManyArguments;
    default:
      return error.message.replace(/^error: /, '');
  }
}

