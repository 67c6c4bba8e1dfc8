/**
 * Two words, two meanings (issue #23 item 16): `kader` is the program, a *kwaliteitskader* is
 * the list of themes, criteria and questions; an *antwoord* is what a respondent chooses, an
 * *oordeel* only the interviewer's verdict per criterion. The Dutch messages, report
 * templates and guides are read as text, and any use of "kader" for a framework fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/**
 * "kader" after an article or adjective, or in a compound, means a framework: that is the other
 * word. So does a capital "Kader" as a label ("Kader: …"), since the program is always `kader`.
 */
const FRAMEWORK_AS_KADER =
  /\b(?:[Hh]et|[Dd]it|[Ee]en|[Gg]een|ander|andere|nieuwe|hetzelfde|één|eigen|meegeleverde?|juiste|gewijzigde|welk|elk) kader\b(?![-.\w/`])|\b(?:[Dd]e|eigen|meegeleverde|alle|meer|verschillende|twee) kaders\b(?![-.\w/`])|\bkader(?:versie|bestand)|\bkader "\$\{|(?<![\w-])kader "[\w.-]+"|(?<![\w-])Kader(?=[: ])/;

/** Prose only: code blocks show commands and file names, where `kader` is the program. */
const prose = (markdown: string): string => markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');

function offending(text: string): string[] {
  return text.split('\n').filter((line) => FRAMEWORK_AS_KADER.test(line));
}

describe('the words kader and kwaliteitskader', () => {
  it('the Dutch UI messages never call a framework "kader"', () => {
    const dir = join(ROOT, 'src', 'i18n');
    const files = readdirSync(dir).filter((f) => /^nl.*\.ts$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) expect(offending(readFileSync(join(dir, file), 'utf8')), file).toEqual([]);
  });

  it('nor do the report templates and the Dutch guides, outside code', () => {
    const dutch = ['toezichthouder.md', 'beleidsmedewerker.md', 'framework-beheerder.md', 'vragenlijst.md'].map((f) => join('docs', f));
    const templates = readdirSync(join(ROOT, 'templates')).map((f) => join('templates', f));
    for (const file of [...dutch, ...templates]) expect(offending(prose(readFileSync(join(ROOT, file), 'utf8'))), file).toEqual([]);
  });

  it('the rule catches what it is for', () => {
    expect(offending('het kader is nu versie 2.0\nkader schrijft daar niets\nvan kader "test"\nkaderversie 1.0\nKader: Werken aan Veiligheid\nKwaliteitskader: Werken')).toEqual([
      'het kader is nu versie 2.0',
      'van kader "test"',
      'kaderversie 1.0',
      'Kader: Werken aan Veiligheid',
    ]);
  });
});

describe('one critical criterion is not "alle 1"', () => {
  it('says "het enige kritieke criterium" in Dutch and "the only critical criterion" in English', async () => {
    const { messages } = await import('../src/i18n/index.js');
    const nl = messages('nl').report;
    const en = messages('en').report;
    expect(nl.criticalAllMet(1, 0)).toBe('Het enige kritieke criterium voldoet.');
    expect(nl.criticalAllMet(1, 1)).toBe('Het enige kritieke criterium is niet van toepassing.');
    expect(nl.criticalSome(0, 1)).toBe('Het enige kritieke criterium voldoet nog niet of is niet bekend:');
    expect(nl.criticalAllMet(4, 0)).toBe('Alle 4 kritieke criteria voldoen.');
    expect(en.criticalAllMet(1, 0)).toBe('The only critical criterion is met.');
    expect(en.criticalSome(0, 1)).toBe('The only critical criterion is not (yet) met or not known:');
  });
});
