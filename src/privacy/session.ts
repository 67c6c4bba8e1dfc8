/** Where free text lives in a session, and scanning or redacting it for personal data. */
import type { Session } from '../session/types.js';
import type { YamlPath } from '../yaml/parse.js';
import { findPersonalData, redact, type PersonalDataHit, type PersonalDataKind } from './detect.js';

export interface TextPlace {
  path: YamlPath;
  /** Which answer, judgement or action the text belongs to, e.g. "WAV-T-02a". */
  owner: string;
  field: 'value' | 'note' | 'evidence' | 'motivation' | 'what' | 'owner' | 'indicator';
  text: string;
}

export function sessionTexts(session: Session): TextPlace[] {
  const places: TextPlace[] = [];
  for (const [id, answer] of Object.entries(session.answers)) {
    if (typeof answer.value === 'string') places.push({ path: ['answers', id, 'value'], owner: id, field: 'value', text: answer.value });
    if (answer.note) places.push({ path: ['answers', id, 'note'], owner: id, field: 'note', text: answer.note });
    for (const [i, e] of (answer.evidence ?? []).entries()) places.push({ path: ['answers', id, 'evidence', i], owner: id, field: 'evidence', text: e });
  }
  for (const [id, perspectives] of Object.entries(session.perspectives ?? {})) {
    for (const [i, p] of perspectives.entries()) {
      if (typeof p.value === 'string') places.push({ path: ['perspectives', id, i, 'value'], owner: id, field: 'value', text: p.value });
      if (p.note) places.push({ path: ['perspectives', id, i, 'note'], owner: id, field: 'note', text: p.note });
      for (const [j, e] of (p.evidence ?? []).entries()) places.push({ path: ['perspectives', id, i, 'evidence', j], owner: id, field: 'evidence', text: e });
    }
  }
  for (const [id, judgement] of Object.entries(session.judgements ?? {})) {
    places.push({ path: ['judgements', id, 'motivation'], owner: id, field: 'motivation', text: judgement.motivation });
  }
  for (const [i, action] of (session.actions ?? []).entries()) {
    for (const field of ['what', 'owner', 'indicator'] as const) places.push({ path: ['actions', i, field], owner: action.id, field, text: action[field] });
  }
  return places;
}

export function scanSession(session: Session): { place: TextPlace; hits: PersonalDataHit[] }[] {
  return sessionTexts(session)
    .map((place) => ({ place, hits: findPersonalData(place.text) }))
    .filter((found) => found.hits.length > 0);
}

/** A copy of the session with every hit replaced by a marker. */
export function redactSession(session: Session, marker: (kind: PersonalDataKind) => string): Session {
  const copy = structuredClone(session);
  const clean = (text: string) => redact(text, marker);
  for (const answer of Object.values(copy.answers)) {
    if (typeof answer.value === 'string') answer.value = clean(answer.value);
    if (answer.note) answer.note = clean(answer.note);
    if (answer.evidence) answer.evidence = answer.evidence.map(clean);
  }
  for (const p of Object.values(copy.perspectives ?? {}).flat()) {
    if (typeof p.value === 'string') p.value = clean(p.value);
    if (p.note) p.note = clean(p.note);
    if (p.evidence) p.evidence = p.evidence.map(clean);
  }
  for (const judgement of Object.values(copy.judgements ?? {})) judgement.motivation = clean(judgement.motivation);
  for (const action of copy.actions ?? []) {
    action.what = clean(action.what);
    action.owner = clean(action.owner);
    action.indicator = clean(action.indicator);
  }
  return copy;
}
