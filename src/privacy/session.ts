/**
 * Where free text lives in a session, and scanning or redacting it for personal data. Every
 * text field of the session schema is listed here once; redactSession rewrites exactly the
 * places sessionTexts lists, so what is checked and what is redacted cannot drift apart.
 */
import type { Session } from '../session/types.js';
import type { YamlPath } from '../yaml/parse.js';
import { findPersonalData, redact, type PersonalDataHit, type PersonalDataKind } from './detect.js';

export type TextField =
  | 'value'
  | 'note'
  | 'evidence'
  | 'motivation'
  | 'what'
  | 'owner'
  | 'indicator'
  | 'respondent'
  | 'gemeente'
  | 'team'
  | 'regio'
  | 'interviewer'
  | 'role'
  | 'organisation';

export interface TextPlace {
  path: YamlPath;
  /** Which answer, judgement or action the text belongs to, e.g. "WAV-T-02a"; "context" for the context. */
  owner: string;
  field: TextField;
  text: string;
}

export function sessionTexts(session: Session): TextPlace[] {
  const places: TextPlace[] = [];
  const add = (path: YamlPath, owner: string, field: TextField, text: unknown) => {
    if (typeof text === 'string' && text !== '') places.push({ path, owner, field, text });
  };
  const { context } = session;
  for (const field of ['gemeente', 'team', 'regio'] as const) add(['context', field], 'context', field, context[field]);
  for (const [i, name] of (context.interviewers ?? []).entries()) add(['context', 'interviewers', i], 'context', 'interviewer', name);
  for (const [i, r] of (context.respondents ?? []).entries()) {
    add(['context', 'respondents', i, 'role'], 'context', 'role', r.role);
    add(['context', 'respondents', i, 'organisation'], 'context', 'organisation', r.organisation);
  }
  for (const [i, from] of (session.merged?.from ?? []).entries()) add(['merged', 'from', i, 'respondent'], 'merged', 'respondent', from.respondent);
  // An answer and a merged session's perspective have the same text fields.
  const answerLike = (base: YamlPath, id: string, a: { value: unknown; note?: string; evidence?: string[]; respondent?: string }) => {
    if (Array.isArray(a.value)) for (const [j, v] of a.value.entries()) add([...base, 'value', j], id, 'value', v);
    else add([...base, 'value'], id, 'value', a.value);
    add([...base, 'note'], id, 'note', a.note);
    for (const [j, e] of (a.evidence ?? []).entries()) add([...base, 'evidence', j], id, 'evidence', e);
    add([...base, 'respondent'], id, 'respondent', a.respondent);
  };
  for (const [id, answer] of Object.entries(session.answers)) answerLike(['answers', id], id, answer);
  for (const [id, perspectives] of Object.entries(session.perspectives ?? {})) {
    for (const [i, p] of perspectives.entries()) answerLike(['perspectives', id, i], id, p);
  }
  for (const [id, judgement] of Object.entries(session.judgements ?? {})) add(['judgements', id, 'motivation'], id, 'motivation', judgement.motivation);
  for (const [i, action] of (session.actions ?? []).entries()) {
    for (const field of ['what', 'owner', 'indicator'] as const) add(['actions', i, field], action.id, field, action[field]);
  }
  return places;
}

export function scanSession(session: Session): { place: TextPlace; hits: PersonalDataHit[] }[] {
  return sessionTexts(session)
    .map((place) => ({ place, hits: findPersonalData(place.text) }))
    .filter((found) => found.hits.length > 0);
}

/** A copy of the session with every hit, in every text field, replaced by a marker. */
export function redactSession(session: Session, marker: (kind: PersonalDataKind) => string): Session {
  const copy = structuredClone(session);
  for (const { path, text } of sessionTexts(copy)) {
    const clean = redact(text, marker);
    if (clean === text) continue;
    let parent = copy as unknown as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    parent[path[path.length - 1]!] = clean;
  }
  return copy;
}
