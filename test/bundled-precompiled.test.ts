/**
 * The build's validated copies of the bundled frameworks (dist/frameworks, scripts/precompile.mjs)
 * stand in for parsing them at run time, so they must be exactly what validation gives, and
 * must never stand in for a file that changed.
 */
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledSummary, loadBundledFramework, precompiledPath, precompiledSourcePath, summarize, type PrecompiledFramework } from '../src/framework/bundled.js';
import { validateFrameworkText } from '../src/framework/validate.js';
import { messages } from '../src/i18n/index.js';
import { frameworkDigest } from '../src/framework/digest.js';
import { ROOT, tempDir } from './helpers.js';

const nl = messages('nl');
const bundled = readdirSync(join(ROOT, 'frameworks')).filter((n) => n.endsWith('.yaml'));

describe('precompiled bundled frameworks', () => {
  it('are listed by their summaries, which are what the validated framework says', () => {
    for (const name of bundled) {
      const path = join(ROOT, 'frameworks', name);
      const listed = bundledSummary(path)!;
      const framework = validateFrameworkText(name, readFileSync(path, 'utf8'), nl).framework!;
      expect(listed.summary).toStrictEqual(summarize(framework));
      expect(listed.framework()).toStrictEqual(framework);
    }
  });

  it('sit beside the bytes they were made from, which a run compares the file with', () => {
    for (const name of bundled) {
      const path = join(ROOT, 'frameworks', name);
      expect(readFileSync(precompiledSourcePath(path)).equals(readFileSync(path)), name).toBe(true);
    }
  });

  it('are, for every bundled file, what validating the file gives, with its digest', () => {
    expect(bundled).toHaveLength(7);
    for (const name of bundled) {
      const path = join(ROOT, 'frameworks', name);
      const bytes = readFileSync(path);
      const stored = JSON.parse(readFileSync(precompiledPath(path), 'utf8')) as PrecompiledFramework;
      expect(stored.digest).toBe(frameworkDigest(bytes));
      expect(stored.framework).toStrictEqual(validateFrameworkText(name, bytes.toString('utf8'), nl).framework);
      expect(loadBundledFramework(path, name, nl)).toStrictEqual({ framework: stored.framework, diagnostics: [], digest: stored.digest });
    }
  });

  it('do not stand in for a file whose bytes differ: that file is validated as it is', () => {
    const dir = tempDir();
    const original = join(ROOT, 'frameworks', 'werken-aan-veiligheid.yaml');
    const changed = join(dir, 'werken-aan-veiligheid.yaml'); // same name, so the same precompiled copy is looked up
    writeFileSync(changed, readFileSync(original, 'utf8').replace(/^title: .*$/m, 'title: Gewijzigde titel'));
    expect(loadBundledFramework(changed, 'werken-aan-veiligheid.yaml', nl).framework?.title).toBe('Gewijzigde titel');

    writeFileSync(changed, readFileSync(original, 'utf8').replace(/^kader: 1$/m, 'kader: 2'));
    const broken = loadBundledFramework(changed, 'werken-aan-veiligheid.yaml', nl);
    expect(broken.framework).toBeUndefined();
    expect(broken.diagnostics.some((d) => d.severity === 'error')).toBe(true);

    // An edit that keeps the file's size: still a different file.
    const sameSize = readFileSync(original, 'utf8').replace(/^title: "Werken/m, 'title: "Xerken');
    expect(sameSize).not.toBe(readFileSync(original, 'utf8'));
    expect(Buffer.byteLength(sameSize)).toBe(readFileSync(original).length);
    writeFileSync(changed, sameSize);
    const edited = loadBundledFramework(changed, 'werken-aan-veiligheid.yaml', nl);
    expect(edited.framework?.title).toMatch(/^Xerken aan Veiligheid/);
    expect(edited.digest).toBe(frameworkDigest(Buffer.from(sameSize)));

    expect(bundledSummary(changed)).toBeUndefined(); // `kader frameworks` validates it too

    copyFileSync(original, changed); // byte-identical again: the copy is used
    expect(bundledSummary(changed)?.summary.id).toBe('werken-aan-veiligheid');
    expect(loadBundledFramework(changed, 'werken-aan-veiligheid.yaml', nl).framework).toStrictEqual(
      (JSON.parse(readFileSync(precompiledPath(original), 'utf8')) as PrecompiledFramework).framework,
    );
  });
});
