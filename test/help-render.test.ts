/**
 * Help is rendered from the options table without building the commander program
 * (src/cli/help.ts). It has to be byte for byte what commander writes: compared here, in
 * process, for every command and the top level, in both languages, at every width from 1 to
 * 200 columns and a few wider ones (issue #19, item 8).
 */
import { describe, expect, it } from 'vitest';
import { helpRequest, renderHelp } from '../src/cli/help.js';
import { COMMANDS } from '../src/cli/registry.js';
import { en } from '../src/i18n/en.js';
import { nl } from '../src/i18n/nl.js';
import { commanderWrites } from './support/commander-help.js';

const WIDTHS = [...Array.from({ length: 200 }, (_, i) => i + 1), 250, 500, 10_000];

describe('help from the table', () => {
  it.each(['nl', 'en'] as const)('the top level, in %s, at every width, is what commander writes for kader, --help, -h and help', (lang) => {
    const msgs = lang === 'en' ? en : nl;
    for (const width of WIDTHS) {
      const ours = renderHelp(msgs, {}, width);
      expect(ours, `width ${width}`).toBe(commanderWrites(lang, [], width));
      if (width % 40 === 0) for (const args of [['--help'], ['-h'], ['help']]) expect(ours, `${args[0]} at ${width}`).toBe(commanderWrites(lang, args, width));
    }
  });

  it.each(Object.keys(COMMANDS))('kader %s --help, in both languages, at every width', (command) => {
    for (const lang of ['nl', 'en'] as const) {
      for (const width of WIDTHS) expect(renderHelp(lang === 'en' ? en : nl, { command }, width), `${lang} at ${width}`).toBe(commanderWrites(lang, [command, '--help'], width));
      expect(renderHelp(lang === 'en' ? en : nl, { command }, 80)).toBe(commanderWrites(lang, ['help', command], 80));
    }
  });

  it('answers only the argv that asks for help and nothing else', () => {
    const cases: [string[], ReturnType<typeof helpRequest>][] = [
      [[], {}],
      [['--help'], {}],
      [['-h'], {}],
      [['help'], {}],
      [['--lang', 'en', '--help'], {}],
      [['--lang=en', '-h'], {}],
      [['help', '--lang', 'en'], {}],
      [['plan', '--help'], { command: 'plan' }],
      [['plan', '-h', '--lang', 'en'], { command: 'plan' }],
      [['help', 'report'], { command: 'report' }],
      // For commander: global options alone, an invalid --lang, two of them, anything more.
      [['--lang', 'en'], undefined],
      [['--lang', 'xx', '--help'], undefined],
      [['--lang', 'en', '--lang', 'nl', '--help'], undefined],
      [['--help', '--help'], undefined],
      [['--help', '--debug'], undefined],
      [['plan', 'sessie.yaml', '--help'], undefined],
      [['plann', '--help'], undefined],
      [['help', 'plann'], undefined],
      [['plan'], undefined],
    ];
    for (const [args, expected] of cases) expect(helpRequest(args), args.join(' ')).toEqual(expected);
  });
});
