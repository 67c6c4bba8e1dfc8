/** kader init framework <id>: a new framework file that validates as written, to start from. */
import { dirname, join, relative, resolve, sep } from 'node:path';
import { SCHEMAS_DIR } from '../../core/assets.js';
import { displayPath, FileError, pathKind, writeFileAtomic } from '../../core/files.js';
import type { CommandContext } from '../context.js';
import { UserError, type ExitCode } from '../errors.js';

const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/** The scaffold, in Dutch: placeholders a maintainer replaces, in the shape of the bundled ones. */
export function frameworkScaffold(id: string, schemaPath: string, today: string): string {
  const prefix = id.toUpperCase().slice(0, 8).replace(/-+$/, '');
  return `# yaml-language-server: $schema=${schemaPath}
# Nieuw kader. Vervang de teksten, voeg thema's en criteria toe en controleer met:
#   kader validate ${id}.yaml
# Het formaat staat in docs/framework-format.md van kader; kader show werken-aan-veiligheid
# laat een volledig voorbeeld zien.
kader: 1
kind: framework
id: ${id}
version: "0.1"
title: Titel van het kader
publisher: Naam van de organisatie
adopted: "${today}"
source: https://example.org/bron-van-het-kader
language: nl
description: Waarvoor dit kader is, voor wie, en hoe actueel het is.
provenance:
  # official: de tekst van de uitgever; reconstruction: opgebouwd uit openbare bronnen; draft: een concept
  status: draft
  disclaimer: Concept, nog niet vastgesteld. Zeg hier in een of twee zinnen wat officieel is en wat niet.
audiences:
  - id: lokaal-team
    label: Lokaal (wijk)team
  - id: gemeente
    label: Gemeente
scales:
  - id: voldoet
    label: Voldoet / voldoet gedeeltelijk / voldoet niet
    levels:
      - { value: voldoet, label: Voldoet, score: 1 }
      - { value: deels, label: Voldoet gedeeltelijk, score: 0.5 }
      - { value: voldoet-niet, label: Voldoet niet, score: 0 }
    allow: [nvt, onbekend]
thresholds: { meets: 0.75, partly: 0.4 }
themes:
  - id: T1
    title: Eerste thema
    description: Waar dit thema over gaat.
    criteria:
      - id: ${prefix}-T1-01
        title: Eerste criterium
        description: Hoe het eruitziet als het goed geregeld is.
        guidance: Waar de interviewer op let.
        probes:
          - Een vraag om door te vragen.
          - Nog een vraag om door te vragen.
        evidence:
          - Een document om naar te vragen.
        weight: 1
        critical: false
        # official, public-report, news of interpretation: waar dit criterium op rust
        basis: interpretation
        audience: lokaal-team
        references:
          - { source: Naam van de bron, section: Hoofdstuk of paragraaf }
        improvements:
          - Een mogelijke verbeteractie.
        questions:
          - id: ${prefix}-T1-01a
            text: Is dit goed geregeld?
            type: scale
            scale: voldoet
          - id: ${prefix}-T1-01b
            text: Wat ontbreekt er?
            type: text
            required: false
            when: { question: ${prefix}-T1-01a, in: [deels, voldoet-niet] }
`;
}

export async function initCommand(ctx: CommandContext, options: { what: string; id: string; out?: string }): Promise<ExitCode> {
  if (options.what !== 'framework') throw new UserError(ctx.msgs.cli.init.unknown(options.what));
  if (!SLUG.test(options.id)) throw new UserError(ctx.msgs.cli.init.badId(options.id));
  const path = resolve(ctx.io.cwd, options.out ?? `${options.id}.yaml`);
  const shown = displayPath(path, ctx.io.cwd);
  if (pathKind(path) !== 'missing') throw new UserError(ctx.msgs.cli.init.exists(shown));
  const schema = relative(dirname(path), join(SCHEMAS_DIR, 'framework.schema.json')).split(sep).join('/');
  try {
    writeFileAtomic(path, frameworkScaffold(options.id, schema, new Date().toISOString().slice(0, 10)), ctx.msgs, 0o644);
  } catch (error) {
    if (error instanceof FileError) throw new UserError(error.message);
    throw error;
  }
  ctx.io.stdout(`${ctx.msgs.cli.init.created(shown)}\n`);
  return 0;
}
