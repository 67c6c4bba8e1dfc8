/**
 * kader import: a returned form (xlsx, or a CSV export of one sheet) into a new session, or
 * into an existing one with the respondent's role. All or nothing: every problem is reported
 * at its sheet!cell and nothing is written until there are none.
 */
import { basename, extname, resolve } from 'node:path';
import { displayPath, pathKind, readBytesFile } from '../../core/files.js';
import { questionsOf } from '../../framework/types.js';
import { interpretForm, identify, type FormIdentity, type Interpretation, type Problem } from '../../form/interpret.js';
import { csvSheet, MAX_UNPACKED_BYTES, parseCsv, readXlsx, TooLargeUnpacked, type RawWorkbook } from '../../form/read.js';
import { messages } from '../../i18n/index.js';
import { progressOf } from '../../session/state.js';
import { personalDataWarning } from '../../privacy/detect.js';
import type { Answer, Session } from '../../session/types.js';
import { isIsoDate } from '../../session/values.js';
import type { CommandContext } from '../context.js';
import { InvalidInputError, UserError, type ExitCode } from '../errors.js';
import { resolveFramework, type ResolvedFramework } from '../resolve.js';
import { newSession, now, openSession, saveSession, today, writeNewSession, type OpenSession } from '../session-io.js';

export interface ImportOptions {
  file: string;
  out?: string;
  into?: string;
  framework?: string;
  migrate?: boolean;
  respondent?: string;
  gemeente?: string;
  date?: string;
}

/** UTF-8, else Windows-1252: what Excel on a Dutch Windows writes as "CSV (gescheiden door lijstscheidingsteken)". */
function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

async function readBook(ctx: CommandContext, path: string, shown: string): Promise<RawWorkbook> {
  const t = ctx.msgs.form.importCommand;
  const bytes = readBytesFile(path, shown, ctx.msgs);
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') {
    try {
      return await readXlsx(bytes);
    } catch (error) {
      if (error instanceof TooLargeUnpacked) throw new InvalidInputError(t.tooLargeUnpacked(shown, MAX_UNPACKED_BYTES / 1024 / 1024));
      throw new InvalidInputError(t.notWorkbook(shown));
    }
  }
  if (ext !== '.csv') throw new UserError(t.unknownExtension(shown));
  // The separator is the one that gives the form's eight column headings on row 4: "," from
  // LibreOffice, ";" from Dutch Excel. Neither, or both, is ambiguous.
  const text = decode(bytes);
  const fits = [',', ';']
    .map((sep) => parseCsv(text, sep))
    .filter((rows) => rows[3]?.filter((cell) => cell.trim() !== '').length === 8);
  if (fits.length !== 1) throw new InvalidInputError(t.csvAmbiguous(shown));
  return { kind: 'csv', sheets: [csvSheet(basename(path), fits[0]!)] };
}

function printProblems(ctx: CommandContext, shown: string, problems: Problem[]): ExitCode {
  const width = Math.max(...problems.map((p) => p.cell.length));
  ctx.io.stderr(`${shown}\n${problems.map((p) => `  ${p.cell.padEnd(width)}  ${ctx.chalk.red(p.message)}`).join('\n')}\n\n`);
  ctx.io.stderr(`kader: ${ctx.msgs.form.importCommand.invalid(shown, problems.length)}\n`);
  return 1;
}

/** Gemeente, role and date: from the cover sheet, else from the options; each missing one is a problem. */
function contextOf(ctx: CommandContext, identity: FormIdentity, read: Interpretation, options: ImportOptions, into: Session | undefined) {
  const p = ctx.msgs.form.problems;
  const f = ctx.msgs.form.context;
  const problems: Problem[] = [];
  const where = (key: 'gemeente' | 'role' | 'date') => read.contextCells[key] ?? identity.cell;
  const gemeente = read.context.gemeente ?? options.gemeente ?? into?.context.gemeente;
  const role = read.context.role ?? options.respondent;
  const date = read.context.date ?? options.date ?? (identity.fields.date ? undefined : into ? into.context.date : today());
  if (!gemeente) problems.push({ cell: where('gemeente'), message: p.contextMissing(f.gemeente!) });
  if (!role) problems.push({ cell: where('role'), message: p.contextMissing(f.role!) });
  if (options.date && !isIsoDate(options.date)) throw new UserError(`--date: ${ctx.msgs.interview.notADate}`);
  if (!date && !read.refusedContext.includes('date')) problems.push({ cell: where('date'), message: p.contextMissing(f.date!) });
  if (into && gemeente && gemeente.trim().toLocaleLowerCase('nl') !== into.context.gemeente.trim().toLocaleLowerCase('nl')) {
    problems.push({ cell: where('gemeente'), message: p.otherGemeente(gemeente, into.context.gemeente) });
  }
  return { problems, gemeente: gemeente ?? '', role: role ?? '', date: date ?? '', team: read.context.team };
}

export async function importCommand(ctx: CommandContext, options: ImportOptions): Promise<ExitCode> {
  const t = ctx.msgs.form.importCommand;
  if (!options.out && !options.into) throw new UserError(t.needTarget);
  if (options.out && options.into) throw new UserError(t.bothTargets);
  const path = resolve(ctx.io.cwd, options.file);
  const shown = displayPath(path, ctx.io.cwd);
  const book = await readBook(ctx, path, shown);
  const identity = identify(book);
  if (!identity) throw new InvalidInputError(book.kind === 'csv' ? t.csvAmbiguous(shown) : t.notForm(shown));
  if (book.kind === 'csv' && !options.into && (!options.gemeente || !options.respondent)) throw new UserError(t.csvNeedsContext);

  // Everything is checked before anything is created or touched.
  let into: OpenSession | undefined;
  let resolved: ResolvedFramework;
  if (options.into) {
    into = openSession(ctx, resolve(ctx.io.cwd, options.into), options.framework);
    resolved = into.resolved;
  } else {
    resolved = resolveFramework(ctx, options.framework ?? identity.framework);
  }
  const { framework } = resolved;
  const read = interpretForm(identity, framework, ctx.msgs, { migrate: options.migrate, labels: messages(identity.lang) });
  const context = contextOf(ctx, identity, read, options, into?.session);
  // The cover sheet first, as in the workbook. A form of another framework or version is not
  // read further: its cells would only add noise.
  const problems = read.problems.some((p) => p.cell === identity.cell) ? [...read.problems] : [...context.problems, ...read.problems];
  if (into && problems.length === 0) {
    const session = into.session;
    if (session.framework.version !== framework.version) problems.push({ cell: identity.cell, message: ctx.msgs.form.problems.otherVersionInto(framework.version, session.framework.version) });
    for (const [id, answer] of Object.entries(read.answers)) {
      const before = session.answers[id];
      // Never overwrite another respondent's different answer: that is what kader merge keeps.
      if (before && before.respondent !== context.role && JSON.stringify(before.value) !== JSON.stringify(answer.value)) {
        problems.push({ cell: answer.cells.value, message: ctx.msgs.form.problems.answeredByOther(id, before.respondent ?? '?') });
      }
    }
  }
  if (problems.length > 0) return printProblems(ctx, shown, problems);

  if (read.migratedFrom) ctx.io.stderr(`kader: ${t.migrated(read.migratedFrom, framework.version)}\n`);
  else if (identity.digest && identity.digest !== resolved.digest) ctx.io.stderr(`kader: ${t.drift(framework.id)}\n`);
  // Imported text is checked like typed text: a warning with the cell, the answers are kept.
  const privacy = ctx.msgs.privacy;
  for (const [id, answer] of Object.entries(read.answers)) {
    const texts: [string, 'value' | 'note' | 'evidence', unknown][] = [
      [answer.cells.value, 'value', answer.value],
      [answer.cells.note, 'note', answer.note],
      [answer.cells.evidence, 'evidence', answer.evidence?.join('; ')],
    ];
    for (const [cell, field, text] of texts) {
      if (typeof text !== 'string') continue;
      const warning = personalDataWarning(text, ctx.msgs.form.privacyPlace(cell, `${id}, ${privacy.fields[field]}`), privacy);
      if (warning) ctx.io.stderr(`kader: ${warning}\n`);
    }
  }

  const stamp = now();
  // Into a session: an answer another respondent gave alike stays theirs (checked above: never a different one).
  const same = (id: string) => {
    const before = into?.session.answers[id];
    return before !== undefined && before.respondent !== context.role;
  };
  const answers: Record<string, Answer> = Object.fromEntries(
    Object.entries(read.answers)
      .filter(([id]) => !same(id))
      .map(([id, a]) => [
      id,
      { value: a.value, ...(a.note && { note: a.note }), ...(a.evidence && { evidence: a.evidence }), respondent: context.role, at: stamp },
    ]),
  );
  let target: OpenSession;
  if (into) {
    target = into;
    const respondents = (target.session.context.respondents ??= []);
    if (!respondents.some((r) => r.role === context.role)) respondents.push({ role: context.role });
    Object.assign(target.session.answers, answers);
    saveSession(target);
  } else {
    const session = newSession(resolved, {
      gemeente: context.gemeente,
      ...(context.team && { team: context.team }),
      date: context.date,
      interviewers: [],
      respondents: [{ role: context.role }],
    });
    session.answers = answers;
    target = writeNewSession(ctx, resolve(ctx.io.cwd, options.out!), resolved, session);
  }
  const written = displayPath(target.path, ctx.io.cwd);
  const { openRequired } = progressOf([...questionsOf(framework)], framework, target.session);
  const m = ctx.msgs.interview;
  ctx.io.stdout(`${t.written(Object.keys(answers).length, written)} ${openRequired === 0 ? m.finished(written) : m.stillOpen(openRequired)}\n`);
  return 0;
}
