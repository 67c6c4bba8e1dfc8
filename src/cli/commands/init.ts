/** kader init framework <id>: a new framework file that validates as written, to start from. */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { schemaText } from '../../core/json-schema.js';
import { displayPath, pathKind, writeFileAtomic } from '../../core/files.js';
import type { CommandContext } from '../context.js';
import { UserError, type ExitCode } from '../errors.js';
import { sourceRoot } from '../format/sarif.js';
import { resolveFramework } from '../resolve.js';

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

export interface InitOptions {
  what: string;
  id: string;
  out?: string;
  /** A framework (bundled id or file) to start from instead of the scaffold. */
  from?: string;
}

export async function initCommand(ctx: CommandContext, options: InitOptions): Promise<ExitCode> {
  const m = ctx.msgs.cli.init;
  if (options.what !== 'framework') throw new UserError(m.unknown(options.what));
  if (!SLUG.test(options.id)) throw new UserError(m.badId(options.id));
  const path = resolve(ctx.io.cwd, options.out ?? `${options.id}.yaml`);
  const shown = displayPath(path, ctx.io.cwd);
  if (pathKind(path) !== 'missing') throw new UserError(m.exists(shown));
  // The modeline points at a copy of the schema in the maintainer's own repository, so it still
  // works after a commit and on another machine (a path into this install would not).
  const root = sourceRoot(ctx.io.cwd);
  const schemaFile = join(root, 'schemas', 'framework.schema.json');
  const schemaRef = relative(dirname(path), schemaFile).split(sep).join('/');
  const text = options.from
    ? fromExisting(ctx, options.from, options.id, schemaRef)
    : frameworkScaffold(options.id, schemaRef, new Date().toISOString().slice(0, 10));
  try {
    mkdirSync(dirname(path), { recursive: true });
    // A framework is meant to be shared and committed: readable by others (reports and sessions are 0600).
    writeFileAtomic(path, text, ctx.msgs, 0o644);
    if (pathKind(schemaFile) === 'missing') {
      mkdirSync(dirname(schemaFile), { recursive: true });
      writeFileAtomic(schemaFile, schemaText('framework'), ctx.msgs, 0o644);
      ctx.io.stdout(`${m.schemaWritten(displayPath(schemaFile, ctx.io.cwd))}\n`);
    }
  } catch (error) {
    if (isNodeError(error)) throw new UserError(m.cannotWrite(shown, error.code ?? error.message));
    throw error;
  }
  ctx.io.stdout(`${m.created(shown)}\n`);
  return 0;
}

/**
 * The text of an existing framework with a new id and modeline; everything else, comments
 * included, stays byte for byte, so a diff against the original shows only what you changed.
 */
function fromExisting(ctx: CommandContext, ref: string, id: string, schemaRef: string): string {
  const { path } = resolveFramework(ctx, ref);
  const text = readFileSync(path, 'utf8');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(eol);
  const modeline = `# yaml-language-server: $schema=${schemaRef}`;
  if (lines[0]?.startsWith('# yaml-language-server:')) lines[0] = modeline;
  else lines.unshift(modeline);
  const at = lines.findIndex((line) => /^id:\s/.test(line));
  if (at >= 0) lines[at] = `id: ${id}`;
  return lines.join(eol);
}

function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
