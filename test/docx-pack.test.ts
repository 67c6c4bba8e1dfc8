/**
 * The Word file is packed with Node's zlib (src/report/docx-pack.ts) from the parts docx's
 * compiler lays out: the archive must hold exactly what docx's own packer would have written,
 * and be a ZIP that other readers (jszip, with its CRC check; unzip) accept.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { zipParts } from '../src/report/docx-pack.js';
import { packDocument } from '../src/report/docx.js';
import { kader, tempDir } from './helpers.js';

/** Every file in a ZIP archive, in the archive's order, as text. */
async function entries(zip: Buffer): Promise<[string, string][]> {
  const archive = await JSZip.loadAsync(zip, { checkCRC32: true });
  const files = Object.values(archive.files).filter((f) => !f.dir);
  return Promise.all(files.map(async (f): Promise<[string, string]> => [f.name, await f.async('string')]));
}

/** A small document with what the report uses: a heading, bold text, a bullet, a table, a header, two sections. */
const sample = (): Document =>
  new Document({
    creator: 'kader',
    title: 'Verbeterplan Ëde',
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: 'Verbeterplan — Ëde', bold: true })] }),
          new Paragraph({ bullet: { level: 0 }, children: [new TextRun('Vertrouwelijk <geen namen> & "citaten"')] }),
          new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('42%')] })] })] })] }),
        ],
      },
      { children: [new Paragraph('liggend')] },
    ],
  });

/** The creation and modification times docx writes into docProps/core.xml: the two packs differ only there. */
const withoutTimes = (files: [string, string][]): [string, string][] =>
  files.map(([name, text]) => [name, text.replace(/<dcterms:(created|modified)[^>]*>[^<]*</g, '<dcterms:$1>…<')]);

describe('packing the Word file with Node’s zlib', () => {
  it('holds the same parts as docx’s own packer, content types first, no folder entries', async () => {
    const ours = withoutTimes(await entries(await packDocument(Packer, sample())));
    const theirs = withoutTimes(await entries(await Packer.toBuffer(sample())));
    expect(ours[0]![0]).toBe('[Content_Types].xml');
    expect(new Map(ours)).toEqual(new Map(theirs));
    expect(ours.map(([name]) => name).sort()).toEqual(theirs.map(([name]) => name).sort());
  });

  it('relies on docx’s compiler, a private member of its Packer: an upgrade of docx that removes it fails here', () => {
    // Without it kader still writes the file, with docx's own slower packer (src/report/docx.ts).
    expect(typeof (Packer as unknown as { compiler?: { compile?: unknown } }).compiler?.compile).toBe('function');
  });

  it('writes a ZIP that jszip (checking each CRC) and unzip read back: deflated, stored, a UTF-8 name', async () => {
    const big = new TextEncoder().encode('<w:p>herhaald</w:p>'.repeat(500));
    const zip = zipParts(
      [
        { name: 'word/document.xml', data: big },
        { name: 'a.txt', data: new Uint8Array([0x61]) },
        { name: 'map/één.xml', data: new TextEncoder().encode('ë') },
        { name: 'leeg', data: new Uint8Array(0) },
      ],
      new Date(2026, 10, 27, 22, 15, 30),
    );
    expect(await entries(zip)).toEqual([
      ['word/document.xml', '<w:p>herhaald</w:p>'.repeat(500)],
      ['a.txt', 'a'],
      ['map/één.xml', 'ë'],
      ['leeg', ''],
    ]);
    const archive = await JSZip.loadAsync(zip);
    expect(archive.file('a.txt')!.date.getTime()).toBe(new Date(2026, 10, 27, 22, 15, 30).getTime());
    // deflated where that is smaller: 10,000 bytes of repetition take far less
    expect(zip.length).toBeLessThan(1000);
    const dir = tempDir();
    const file = join(dir, 'x.zip');
    writeFileSync(file, zip);
    const unzip = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(unzip.status, unzip.stdout + unzip.stderr).toBe(0);
  });

  it('is how kader report --format docx packs its file', async () => {
    const dir = tempDir();
    const out = join(dir, 'plan.docx');
    expect(kader(['report', 'examples/voorbeeldgemeente-werken-aan-veiligheid.yaml', '--format', 'docx', '-o', out]).code).toBe(0);
    const names = Object.keys((await JSZip.loadAsync(readFileSync(out), { checkCRC32: true })).files);
    // docx's own packer writes folder entries (word/, docProps/) and starts with word/
    expect(names[0]).toBe('[Content_Types].xml');
    expect(names.filter((name) => name.endsWith('/'))).toEqual([]);
    expect(names).toContain('word/document.xml');
  });
});
