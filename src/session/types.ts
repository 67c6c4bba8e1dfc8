/** The session model (kind: session), as described by schemas/session.schema.json. */

export type StoredValue = string | number | boolean | string[];

export interface Answer {
  value: StoredValue;
  note?: string;
  evidence?: string[];
  respondent?: string;
  /** ISO timestamp of the moment the answer was given. */
  at: string;
  /** Kept, but its `when` no longer holds after an earlier answer changed. */
  inactive?: true;
}

export type Verdict = 'meets' | 'partly' | 'not-met' | 'not-applicable';

export interface Judgement {
  verdict: Verdict;
  motivation: string;
  at: string;
}

export interface ImprovementAction {
  id: string;
  criterion: string;
  what: string;
  owner: string;
  due: string;
  priority: 'hoog' | 'middel' | 'laag';
  indicator: string;
  status: 'open' | 'bezig' | 'gereed' | 'vervallen';
}

export interface Respondent {
  role: string;
  organisation?: string;
}

export interface SessionContext {
  gemeente: string;
  team?: string;
  regio?: string;
  date: string;
  interviewers?: string[];
  respondents?: Respondent[];
}

export interface FrameworkRef {
  id: string;
  version: string;
  digest: string;
}

/** One respondent's answer to a question on which respondents differ (kader merge). */
export interface Perspective {
  respondent: string;
  value: StoredValue;
  note?: string;
  evidence?: string[];
  at: string;
}

/** Where a consolidated session came from (kader merge). */
export interface MergeRecord {
  at: string;
  from: { id: string; respondent: string; date: string }[];
}

export interface Session {
  kader: 1;
  kind: 'session';
  id: string;
  framework: FrameworkRef;
  context: SessionContext;
  status: 'in-progress' | 'complete';
  merged?: MergeRecord;
  answers: Record<string, Answer>;
  /** Question id → each respondent's answer, only where they differ (kader merge). */
  perspectives?: Record<string, Perspective[]>;
  judgements?: Record<string, Judgement>;
  actions?: ImprovementAction[];
}
