import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_FORMATTERS, type FormatInput } from '../src/cli/format/index.js';
import type { Diagnostic } from '../src/core/diagnostic.js';
import { messages } from '../src/i18n/index.js';

const tricky: Diagnostic = {
  file: 'kaders/a,b:c.yaml',
  line: 3,
  column: 7,
  severity: 'error',
  rule: 'schema',
  message: '100% fout\nmet <tags> & "quotes"',
};

const input = (diagnostics: Diagnostic[]): FormatInput => ({
  diagnostics,
  files: [tricky.file],
  failOn: 'error',
  msgs: messages('nl'),
  chalk: new Chalk({ level: 0 }),
  toolVersion: '9.9.9',
  runName: 'kader validate',
  cwd: '/nergens/werkmap',
});

describe('diagnostic formatters', () => {
  it('github: escapes %, newlines and property separators', () => {
    expect(DIAGNOSTIC_FORMATTERS.github(input([tricky]))).toBe(
      '::error file=kaders/a%2Cb%3Ac.yaml,line=3,col=7,title=kader schema::100%25 fout%0Amet <tags> & "quotes"\n',
    );
  });

  it('junit: escapes XML in names, attributes and text', () => {
    const xml = DIAGNOSTIC_FORMATTERS.junit(input([tricky]));
    expect(xml).toContain('message="100% fout&#10;met &lt;tags&gt; &amp; &quot;quotes&quot;"');
    expect(xml).not.toContain('<tags>');
  });

  it('sarif: URI-encodes the file, a colon too (no scheme)', () => {
    const sarif = JSON.parse(DIAGNOSTIC_FORMATTERS.sarif(input([tricky])));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('kaders/a,b%3Ac.yaml');
    expect(sarif.runs[0].results[0].message.text).toBe(tricky.message);
  });

  it('stylish: a clean run says how many files were checked', () => {
    expect(DIAGNOSTIC_FORMATTERS.stylish(input([]))).toBe('1 bestand gecontroleerd, geen problemen gevonden\n');
  });

  it('stylish: colours only when asked', () => {
    const coloured = DIAGNOSTIC_FORMATTERS.stylish({ ...input([tricky]), chalk: new Chalk({ level: 1 }) });
    expect(coloured).toContain('\u001b[31m');
    expect(DIAGNOSTIC_FORMATTERS.stylish(input([tricky]))).not.toContain('\u001b[');
  });
});
