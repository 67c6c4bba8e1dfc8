/**
 * Editors: the real yaml-language-server (as VS Code's YAML extension runs it) validates kader
 * files through the `# yaml-language-server: $schema=…` modeline and shows hover help.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from './helpers.js';
import { LspClient } from './support/lsp.js';

const server = join(createRequire(import.meta.url).resolve('yaml-language-server/package.json'), '..', 'bin', 'yaml-language-server');
const settings = { validate: true, hover: true, completion: true, schemaStore: { enable: false } };
let client: LspClient;

beforeAll(async () => {
  client = new LspClient(process.execPath, [server, '--stdio'], settings);
  await client.request('initialize', { processId: process.pid, rootUri: pathToFileURL(ROOT).href, capabilities: { workspace: { configuration: true } } });
  client.notify('initialized', {});
  client.notify('workspace/didChangeConfiguration', { settings: { yaml: settings } });
}, 30_000);
afterAll(() => client?.close());

const open = (path: string) => client.open(pathToFileURL(path).href, readFileSync(path, 'utf8'));
const brief = (diagnostics: { range: { start: { line: number } }; message: string }[]) => diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`);

describe('yaml-language-server with the modeline', () => {
  it('accepts a bundled framework and the example session', async () => {
    expect(brief(await open(join(ROOT, 'frameworks', 'werken-aan-veiligheid.yaml')))).toEqual([]);
    expect(brief(await open(join(ROOT, 'examples', 'voorbeeldgemeente-werken-aan-veiligheid.yaml')))).toEqual([]);
  }, 30_000);

  it('flags a broken framework and a broken session at the right line', async () => {
    expect(brief(await open(join(FIXTURES, 'frameworks', 'broken', 'schema-unknown-key.yaml')))).toEqual(['33: Property guidence is not allowed.']);
    const session = brief(await open(join(FIXTURES, 'sessions', 'broken', 'schema.yaml')));
    expect(session).toContain('11: Missing property "gemeente".');
    expect(session.some((d) => d.startsWith('30: Value is not accepted.'))).toBe(true);
  }, 30_000);

  it('shows the Dutch and English description on hover', async () => {
    const path = join(FIXTURES, 'frameworks', 'valid.yaml');
    const lines = readFileSync(path, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.trimStart().startsWith('guidance:'));
    await open(path);
    const hover = (await client.request('textDocument/hover', {
      textDocument: { uri: pathToFileURL(path).href },
      position: { line, character: lines[line]!.indexOf('guidance') + 2 },
    })) as { contents: { value?: string } | string } | null;
    const text = typeof hover?.contents === 'string' ? hover.contents : (hover?.contents.value ?? '');
    // The hover is Markdown, so the server escapes the full stops.
    expect(text.replace(/\\/g, '')).toContain('Aanwijzingen voor de interviewer. / Guidance for the interviewer.');
  }, 30_000);
});
