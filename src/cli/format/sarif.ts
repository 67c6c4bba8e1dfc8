/**
 * SARIF 2.1.0 (OASIS) for code scanning. Every rule carries its name, what it checks and how
 * to fix it, in the language of --lang, so a reader of the alert needs no other page.
 * Locations are relative to %SRCROOT% — the git repository around the working folder, else the
 * working folder — which run.originalUriBaseIds states; a file outside it gets an absolute
 * file:// URI of its own. The tests validate against the OASIS schema.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { README_URL, RULES_DOC_URL } from '../../core/assets.js';
import type { Diagnostic, RuleId } from '../../core/diagnostic.js';
import type { Formatter } from './types.js';

const SRCROOT = '%SRCROOT%';

/** The repository root (a folder holding .git, a directory or a worktree's file) at or above `cwd`, else `cwd`. */
export function sourceRoot(cwd: string): string {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return resolve(cwd);
  }
}

/**
 * One path segment of a relative URI reference. Beyond what encodeURIComponent escapes, ':' is
 * escaped too, so a file named `c:kader.yaml` cannot read as a URI with scheme "c"; the other
 * sub-delimiters RFC 3986 allows in a segment stay as they are.
 */
const segment = (s: string): string =>
  encodeURIComponent(s).replace(/%(24|26|2B|2C|3B|3D|40)/g, (escaped) => decodeURIComponent(escaped));

/** An artifactLocation: relative to %SRCROOT% when the file is inside it, else an absolute file:// URI. */
function location(file: string, cwd: string, root: string): { uri: string; uriBaseId?: string } {
  const absolute = resolve(cwd, file);
  const rel = relative(root, absolute);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return { uri: pathToFileURL(absolute).href };
  return { uri: rel.split(sep).map(segment).join('/'), uriBaseId: SRCROOT };
}

export const sarif: Formatter = ({ diagnostics, files, toolVersion, msgs, cwd }) => {
  const root = sourceRoot(cwd);
  const ruleIds = [...new Set(diagnostics.map((d) => d.rule))].sort();
  const help = msgs.ruleHelp;
  const rule = (id: RuleId) => {
    const entry = help.rules[id];
    const helpUri = `${RULES_DOC_URL}#${id}`;
    return {
      id,
      name: id,
      shortDescription: { text: entry.short },
      fullDescription: { text: entry.full },
      help: {
        text: `${entry.full} ${help.fix}: ${entry.fix}`,
        markdown: `**${entry.short}**\n\n${entry.full}\n\n**${help.fix}:** ${entry.fix}`,
      },
      helpUri,
    };
  };
  const result = (d: Diagnostic) => ({
    ruleId: d.rule,
    ruleIndex: ruleIds.indexOf(d.rule),
    level: d.severity,
    message: { text: d.message },
    locations: [{ physicalLocation: { artifactLocation: location(d.file, cwd, root), region: { startLine: d.line, startColumn: d.column } } }],
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kader',
            version: toolVersion,
            informationUri: README_URL,
            rules: ruleIds.map(rule),
          },
        },
        language: help.language,
        // A trailing slash: relative URIs resolve inside the folder, not next to it.
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(root).href.replace(/\/?$/, '/')}` } },
        artifacts: files.map((file) => ({ location: location(file, cwd, root) })),
        results: diagnostics.map(result),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
