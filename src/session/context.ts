/**
 * A session's context (gemeente, team, regio, date, interviewers, respondents) from fields
 * given on the command line, for sessions made without a terminal. Pure: the caller reads
 * the date and prints the warnings.
 */
import { UsageError } from '../core/errors.js';
import type { Messages } from '../i18n/index.js';
import { personalDataWarning } from '../privacy/detect.js';
import type { Session } from './types.js';

export interface ContextFields {
  gemeente?: string;
  team?: string;
  regio?: string;
  /** ISO date (YYYY-MM-DD), already read from what the user typed. */
  date: string;
  interviewers?: string[];
  /** One respondent's role. */
  respondent?: string;
}

/** The context, and a personal-data warning per field that looks like it names a person. */
export function sessionContext(fields: ContextFields, msgs: Messages): { context: Session['context']; warnings: string[] } {
  if (!fields.gemeente) throw new UsageError(msgs.interview.needFramework);
  const interviewers = fields.interviewers ?? [];
  const context: Session['context'] = {
    gemeente: fields.gemeente,
    ...(fields.team && { team: fields.team }),
    ...(fields.regio && { regio: fields.regio }),
    date: fields.date,
    interviewers,
    respondents: fields.respondent ? [{ role: fields.respondent }] : [],
  };
  // The context goes into every report: warn at once, as for a note.
  const texts: [keyof Messages['privacy']['fields'], string | undefined][] = [
    ['gemeente', context.gemeente],
    ['team', context.team],
    ['regio', context.regio],
    ...interviewers.map((name): ['interviewer', string] => ['interviewer', name]),
    ['role', fields.respondent],
  ];
  const warnings: string[] = [];
  for (const [field, text] of texts) {
    const warning = text && personalDataWarning(text, msgs.privacy.fields[field], msgs.privacy);
    if (warning) warnings.push(warning);
  }
  return { context, warnings };
}
