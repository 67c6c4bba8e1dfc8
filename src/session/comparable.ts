/**
 * Whether two measurements may be compared: progress is only progress of one gemeente. A
 * different team or framework version is allowed but must be said wherever the comparison is
 * shown.
 */
import type { Session } from './types.js';

/** The same gemeente however it was typed: "Den Bosch " and "den bosch" are one. */
export const gemeenteKey = (name: string): string => name.normalize('NFC').trim().toLocaleLowerCase('nl').replace(/\s+/g, ' ');

const teamKey = (team: string | undefined): string => gemeenteKey(team ?? '');

export interface Comparability {
  sameGemeente: boolean;
  sameTeam: boolean;
  sameVersion: boolean;
}

export function comparability(earlier: Pick<Session, 'context' | 'framework'>, later: Pick<Session, 'context' | 'framework'>): Comparability {
  return {
    sameGemeente: gemeenteKey(earlier.context.gemeente) === gemeenteKey(later.context.gemeente),
    sameTeam: teamKey(earlier.context.team) === teamKey(later.context.team),
    sameVersion: earlier.framework.version === later.framework.version,
  };
}
