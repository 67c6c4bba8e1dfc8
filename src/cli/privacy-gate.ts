/** Before anything is published (report, compare): refuse, or redact, what looks like client data. */
import type { PersonalDataKind } from '../privacy/detect.js';
import { redactSession, scanSession } from '../privacy/session.js';
import type { Session } from '../session/types.js';
import type { CommandContext } from './context.js';
import { InvalidInputError } from './errors.js';

export interface PrivacyChoice {
  redact?: boolean;
  allowPersonalData?: boolean;
}

/** The sessions to publish from: redacted copies with --redact, else as they are if clean. */
export function publishable(ctx: CommandContext, sessions: readonly Session[], choice: PrivacyChoice): Session[] {
  if (choice.redact) {
    const marker = (kind: PersonalDataKind) => ctx.msgs.privacy.marker(ctx.msgs.privacy.kinds[kind] ?? kind);
    return sessions.map((s) => redactSession(s, marker));
  }
  if (!choice.allowPersonalData) {
    // A verbeterplan is shared widely: refuse to publish what looks like client data.
    const found = sessions.flatMap((s) => scanSession(s));
    if (found.length > 0) {
      const first = found[0]!.place;
      throw new InvalidInputError(ctx.msgs.privacy.refused(found.length, `${first.owner} (${ctx.msgs.privacy.fields[first.field]})`));
    }
  }
  return [...sessions];
}
