/**
 * The Prompter for a real terminal, asking through the prompt seam (./prompts.ts), and that
 * seam's one implementation on @inquirer/prompts. Navigation sits in every question: extra
 * entries in a list, or short commands (":o", ":t", …) in typed answers.
 */
import { visible as v } from '../core/terminal.js';
import * as inquirer from '@inquirer/prompts';
import type { ChalkInstance } from 'chalk';
import type { Messages } from '../i18n/index.js';
import { personalDataWarning } from '../privacy/detect.js';
import { describeValueProblem } from '../session/values.js';
import { isOther, outOfRange, readDate, readNumber } from './typed-input.js';
import { Interrupted, type AnswerDetails, type Prompter, type QuestionView, type Step } from './engine.js';
import { isPromptCancel, SEPARATOR, type PromptChoice, type Prompts } from './prompts.js';

type Nav = 'details' | 'skip' | 'back' | 'jump' | 'respondent' | 'pause';
const NAV_PREFIX = '\u0000nav:'; // cannot collide with an answer value from a framework

/** inquirer's key hints ("↑↓ navigate • ⏎ select") in the user's language. */
export function promptTheme(msgs: Messages) {
  return {
    style: {
      keysHelpTip: (keys: [string, string][]) =>
        keys.map(([key, action]) => `${msgs.interview.keys[key] ?? key} ${msgs.interview.keys[action] ?? action}`).join(' • '),
    },
  };
}

/** The prompt seam on @inquirer/prompts, with its key hints in the user's language. */
export function inquirerPrompts(msgs: Messages): Prompts {
  const theme = promptTheme(msgs);
  return {
    select: (q) =>
      inquirer.select({ ...q, theme, choices: q.choices.map((c) => ('separator' in c ? new inquirer.Separator() : c)) }),
    checkbox: (q) => inquirer.checkbox({ ...q, theme, choices: [...q.choices] }),
    input: (q) => inquirer.input(q),
    confirm: (q) => inquirer.confirm(q),
  };
}

/** Ctrl-C inside a prompt is an interruption, not a crash. */
async function guard<T>(prompt: Promise<T>): Promise<T> {
  try {
    return await prompt;
  } catch (error) {
    if (isPromptCancel(error)) throw new Interrupted();
    throw error;
  }
}

export function terminalPrompter(msgs: Messages, chalk: ChalkInstance, write: (text: string) => void, prompts: Prompts = inquirerPrompts(msgs)): Prompter {
  const t = msgs.interview;
  const { select, checkbox, input } = prompts;
  const started = Date.now();
  const navChoices = (): (typeof SEPARATOR | PromptChoice<string>)[] => [
    SEPARATOR,
    ...(['details', 'skip', 'back', 'jump', 'respondent', 'pause'] as const).map((nav) => ({ name: t.nav[nav], value: NAV_PREFIX + nav })),
  ];
  /** Typed text is kept as typed, but a likely BSN, phone number … gets a warning at once. */
  const warnIfPersonal = (text: string, where: string): void => {
    const warning = personalDataWarning(text, where, msgs.privacy);
    if (warning) write(`${chalk.yellow(`! ${v(warning)}`)}\n`);
  };
  /**
   * A typed text that looks like it holds a BSN, phone number …: warned about before it is
   * saved, with the choice to edit it first (prefilled) or to keep it as typed.
   */
  const checkedText = async (ask: (initial?: string) => Promise<string>, where: string): Promise<string> => {
    let text = (await ask()).trim();
    for (;;) {
      const warning = personalDataWarning(text, where, msgs.privacy);
      if (!warning) return text;
      write(`${chalk.yellow(`! ${v(warning)}`)}\n`);
      const choice = await guard(select({ message: t.privacyWhat, choices: [{ name: t.privacyEdit, value: 'edit' }, { name: t.privacyKeep, value: 'keep' }] }));
      if (choice === 'keep') return text;
      text = (await ask(text)).trim();
    }
  };
  const label = (view: QuestionView) => `${chalk.dim(`[${view.position}/${view.total}]`)} ${v(view.place.question.text)}`;

  const showDetails = (view: QuestionView): void => {
    const c = view.place.criterion;
    const w = msgs.cli.tree;
    const block = (title: string, items?: readonly string[]) => (items?.length ? [`${chalk.bold(title)}`, ...items.map((i) => `  • ${v(i)}`)] : []);
    const lines = [
      ...(c.guidance ? [chalk.bold(w.guidance), `  ${v(c.guidance)}`] : []),
      ...block(w.probes, c.probes),
      ...block(w.evidence, c.evidence),
      ...(view.place.question.help ? [`  ${v(view.place.question.help)}`] : []),
    ];
    write(`${lines.join('\n')}\n`);
  };

  const jump = async (view: QuestionView): Promise<Step> => {
    const target = await guard(
      select({ message: t.chooseTheme, choices: view.themes.map((th) => ({ name: `${v(`${th.id} ${th.title}`)} ${chalk.dim(t.themeProgress(th.answered, th.total))}`, value: th.id })) }),
    );
    return { kind: 'jump', theme: target };
  };

  /**
   * Someone else answers from now on: one of the session's roles, several people (not recorded
   * per answer), or a new role (a function, not a name: checked like any typed text).
   */
  const switchRespondent = async (view: QuestionView): Promise<Step> => {
    const NEW = '\u0000new';
    const MIXED = '\u0000mixed';
    const picked = await guard(
      select({
        message: t.whoAnswersNow,
        default: view.respondent ?? MIXED,
        choices: [...view.respondents.map((role) => ({ name: v(role), value: role })), { name: t.mixed, value: MIXED }, { name: t.newRole, value: NEW }],
      }),
    );
    let role: string | undefined = picked === MIXED ? undefined : picked;
    if (picked === NEW) {
      const required = (text: string) => text.trim() !== '' || t.required;
      role = await checkedText((initial) => guard(input({ message: t.newRoleName, validate: required, ...(initial !== undefined && { default: initial, prefill: 'editable' as const }) })), 'respondent');
    }
    write(`${chalk.dim(role === undefined ? t.nowMixed : t.nowAnswers(v(role)))}\n`);
    return { kind: 'respondent', role };
  };

  /** Resolve a navigation choice; 'details' shows text and asks again (undefined). */
  const navigate = async (nav: Nav, view: QuestionView): Promise<Step | undefined> => {
    if (nav === 'details') {
      showDetails(view);
      return undefined;
    }
    if (nav === 'jump') return jump(view);
    if (nav === 'respondent') return switchRespondent(view);
    return { kind: nav };
  };

  const COMMANDS: Record<string, Nav> = { ':o': 'skip', ':t': 'back', ':th': 'jump', ':r': 'respondent', ':p': 'pause', ':?': 'details' };

  const askOnce = async (view: QuestionView): Promise<Step | undefined> => {
    const q = view.place.question;
    const current = view.current?.value;
    if (q.type === 'scale' || q.type === 'choice' || q.type === 'boolean') {
      let options: { name: string; value: string; description?: string }[];
      if (q.type === 'boolean') options = [{ name: t.yes, value: 'true' }, { name: t.no, value: 'false' }];
      else if (q.type === 'choice') options = (q.choices ?? []).map((c) => ({ name: v(c.label), value: c.value }));
      else {
        const scale = view.framework.scales.find((s) => s.id === q.scale)!;
        options = [
          // A described level (what level 3 looks like for this action) shows under the list while highlighted.
          ...scale.levels.map((l) => ({ name: v(l.label), value: l.value, ...(l.description && { description: v(l.description) }) })),
          ...(scale.allow ?? []).map((a) => ({ name: v(t.special[a] ?? a), value: a })),
        ];
      }
      const picked = await guard(
        select({ message: label(view), choices: [...options, ...navChoices()], default: current === undefined ? undefined : String(current), pageSize: 12 }),
      );
      if (picked.startsWith(NAV_PREFIX)) return navigate(picked.slice(NAV_PREFIX.length) as Nav, view);
      return { kind: 'answer', value: q.type === 'boolean' ? picked === 'true' : picked };
    }
    if (q.type === 'multi') {
      // Navigation is no tick box here ("alles" would tick it): Enter with nothing ticked opens it.
      const chosen = Array.isArray(current) ? current : [];
      write(`${chalk.dim(t.multiNavHint)}\n`);
      const picked = await guard(
        checkbox({
          message: label(view),
          choices: (q.choices ?? []).map((c) => ({ name: v(c.label), value: c.value, checked: chosen.includes(c.value) })),
          pageSize: 12,
        }),
      );
      if (picked.length > 0) return { kind: 'answer', value: picked };
      const nav = await guard(select({ message: t.multiNav, choices: [{ name: t.multiBack, value: '' }, ...navChoices().slice(1)] }));
      return nav ? navigate(nav.slice(NAV_PREFIX.length) as Nav, view) : undefined;
    }
    // number, text, date: typed, with short commands for navigation; Enter skips an optional one
    const optional = q.required !== false ? false : current === undefined;
    const typed = await guard(
      input({
        message: `${label(view)}${view.countTotal === undefined ? '' : ` ${chalk.bold(t.ofTotal(view.countTotal))}`} ${chalk.dim(`(${optional ? `${t.optionalHint}, ` : ''}${t.inputHint})`)}`,
        default: current === undefined ? undefined : v(String(current)),
        validate: (raw) => {
          const value = raw.trim();
          if (Object.hasOwn(COMMANDS, value) || (optional && value === '')) return true;
          if (q.type === 'number') {
            const n = readNumber(value);
            if (n === undefined) return t.notANumber;
            if (outOfRange(n, q.min, q.max)) return t.range(q.min, q.max);
            if (view.countTotal !== undefined && n > view.countTotal) return t.countAboveTotal(view.countTotal);
            return true;
          }
          if (q.type === 'date') return readDate(value) !== undefined || t.notADate;
          return value !== '' || t.emptyText;
        },
      }),
    );
    const value = typed.trim();
    if (optional && value === '') return { kind: 'skip' };
    const nav = Object.hasOwn(COMMANDS, value) ? COMMANDS[value] : undefined;
    if (nav) return navigate(nav, view);
    if (q.type === 'text') {
      // As with a note: a likely BSN or phone number is flagged before the answer is saved, with the choice to edit it.
      const checked = await checkedText(
        async (initial) => (initial === undefined ? value : guard(input({ message: label(view), default: initial, prefill: 'editable' }))),
        q.id,
      );
      return { kind: 'answer', value: checked };
    }
    return { kind: 'answer', value: q.type === 'number' ? readNumber(value)! : q.type === 'date' ? readDate(value)! : value };
  };

  /** After "Anders" in a choice list: what, then, kept as the answer's note. */
  const askOther = async (view: QuestionView, value: unknown): Promise<AnswerDetails> => {
    const others = (Array.isArray(value) ? value : [value]).some((v) => typeof v === 'string' && isOther(v));
    if (!others) return {};
    const what = await checkedText(
      (initial) => guard(input({ message: t.otherWhat, default: initial ?? view.current?.note, ...(initial !== undefined && { prefill: 'editable' as const }) })),
      `${view.place.question.id} (${msgs.privacy.fields.note})`,
    );
    return what ? { note: what } : {};
  };
  let lastAnswer: unknown;

  return {
    criterion(view) {
      const { theme, criterion } = view.place;
      const flag = criterion.critical ? ` ${chalk.red(`[${t.critical}]`)}` : '';
      // Where the interview stands, for a two-hour session: answered, still open, time so far.
      const where = chalk.dim(t.standing(view.answered, view.total - view.answered, Math.round((Date.now() - started) / 60_000)));
      write(
        `\n${chalk.bold(v(t.criterionHeader(`${theme.id} ${theme.title}`, `${criterion.id} ${criterion.title}`)))}${flag}\n${where}\n` +
          `${chalk.dim(`${t.good}:`)} ${v(criterion.description.trim())}\n${chalk.dim(t.detailsHint)}\n`,
      );
    },
    async ask(view) {
      for (;;) {
        const step = await askOnce(view);
        if (step?.kind === 'answer') lastAnswer = step.value;
        if (step) return step;
      }
    },
    async details(view): Promise<AnswerDetails> {
      const type = view.place.question.type;
      if (type === 'choice' || type === 'multi') return askOther(view, lastAnswer);
      // Notes and evidence belong with the scored judgement; follow-up questions stay quick.
      if (type !== 'scale') return {};
      // With a note already there, Enter keeps it (inquirer's default) and "-" removes it; the hint says so.
      const kept = view.current?.note;
      const typed = await checkedText(
        (initial) => guard(input({ message: kept ? t.noteKeep : t.note, default: initial ?? (kept === undefined ? undefined : v(kept)), ...(initial !== undefined && { prefill: 'editable' as const }) })),
        `${view.place.question.id} (${msgs.privacy.fields.note})`,
      );
      const note = kept && typed === '-' ? '' : typed;
      const evidenceList = view.place.criterion.evidence ?? [];
      const seen = view.current?.evidence ?? [];
      const evidence = evidenceList.length
        ? await guard(checkbox({ message: t.evidence, choices: evidenceList.map((e) => ({ name: v(e), value: e, checked: seen.includes(e) })) }))
        : [];
      return { ...(note && { note }), ...(evidence.length && { evidence }) };
    },
    async judge(view, { computed, score, current }) {
      const r = msgs.report;
      const keep = '\u0000none';
      const suggestion = `${r.outcome[computed] ?? computed}${score === undefined ? '' : ` (${Math.round(score * 100)}%)`}`;
      const verdict = await guard(
        select({
          message: v(t.judge(view.place.criterion.id)),
          choices: [
            { name: t.noJudgement(suggestion), value: keep },
            ...(['meets', 'partly', 'not-met', 'not-applicable'] as const).map((v) => ({ name: r.outcome[v] ?? v, value: v })),
          ],
          default: current?.verdict ?? keep,
        }),
      );
      if (verdict === keep) return current ? null : undefined;
      const motivation = (
        await guard(input({ message: t.motivation, default: current?.motivation === undefined ? undefined : v(current.motivation), validate: (v) => v.trim() !== '' || t.motivationRequired }))
      ).trim();
      warnIfPersonal(motivation, `${view.place.criterion.id} (${msgs.privacy.fields.motivation})`);
      return { verdict: verdict as 'meets' | 'partly' | 'not-met' | 'not-applicable', motivation };
    },
    invalid(_view, problem, value) {
      write(`${chalk.red('!')} ${v(describeValueProblem(problem, value, msgs))}\n`);
    },
  };
}
