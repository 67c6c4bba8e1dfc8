/** Dutch texts of the aggregate (regional overview) and merge (several respondents) commands. */
import { plural } from './words.js';

export const aggregate = {
  title: (framework: string) => `Regionaal overzicht: ${framework}`,
  subtitle: (count: number, version: string) => `${plural(count, 'gemeente', 'gemeenten')}, versie ${version} van het kwaliteitskader`,
  gemeente: 'Gemeente',
  date: 'Datum',
  total: 'Totaal',
  mean: 'Gemiddelde',
  matrix: 'Score per gemeente en thema',
  legend: (meets: number, partly: number) =>
    `Voldoet vanaf ${meets}%, voldoet gedeeltelijk vanaf ${partly}%, daaronder voldoet niet; — betekent nog geen score. * onvolledige sessie, † omgezet vanaf een eerdere versie van het kwaliteitskader.`,
  band: { meets: 'voldoet', partly: 'gedeeltelijk', 'not-met': 'voldoet niet', none: 'geen score' } satisfies Record<string, string>,
  verdicts: 'Uitkomsten per criterium (aantal gemeenten)',
  improvements: 'Meest voorkomende verbeterpunten',
  count: 'Gemeenten',
  share: 'Aandeel',
  suggestion: 'Mogelijke actie uit het kwaliteitskader',
  noImprovements: 'Geen verbeterpunten: in geen enkele gemeente voldoet een criterium (gedeeltelijk) niet.',
  notes: 'Niet meegenomen of gemarkeerd',
  file: 'Bestand',
  reason: 'Reden',
  reasons: {
    invalid: (detail: string | null) => `ongeldig bestand: ${detail ?? ''}`,
    'other-framework': (detail: string | null) => `hoort bij ander kwaliteitskader (${detail ?? ''}); niet meegenomen`,
    'older-version': (detail: string | null) => `versie ${detail ?? ''} van het kwaliteitskader, zonder migratiestap; niet meegenomen`,
    migrated: (detail: string | null) => `omgezet vanaf versie ${detail ?? ''} van het kwaliteitskader (migrations: in het kwaliteitskader)`,
    incomplete: () => 'onvolledig: open vragen tellen niet mee in de scores',
    superseded: (detail: string | null) => `vervangen door de nieuwere meting in ${detail ?? ''}`,
    'same-date': (detail: string | null) => `zelfde gemeente en datum als ${detail ?? ''}; dat bestand telt. Voeg respondenten samen met kader merge`,
    'merged-into': (detail: string | null) => `samengevoegd in ${detail ?? ''}; dat bestand telt`,
  } satisfies Record<string, (detail: string | null) => string>,
  noSessions: 'geen bruikbare sessies gevonden',
  mixed: (found: string) => `sessies van meer dan één kwaliteitskader: ${found}; kies er één met --framework`,
  skipped: (count: number) => `${plural(count, 'bestand', 'bestanden')} niet meegenomen; zie "Niet meegenomen of gemarkeerd"`,
};

export const merge = {
  differentGemeente: (found: string) => `de sessies horen bij verschillende gemeenten (${found}); voeg alleen interviews van één gemeente samen`,
  differentFramework: (found: string) => `de sessies horen bij verschillende kwaliteitskaders (${found}); voeg alleen interviews van één kwaliteitskader samen`,
  needTwo: 'geef minstens twee sessies om samen te voegen (of één samengevoegde sessie met --interactive)',
  notMerged: (file: string) => `${file} is geen samengevoegde sessie; geef minstens twee sessies om samen te voegen`,
  needOut: 'geef met -o aan waar de samengevoegde sessie komt, bijvoorbeeld -o sessies/utrecht-samengevoegd.yaml',
  written: (file: string, agreed: number, differ: number, criteria: number) =>
    `${file}: ${plural(agreed, 'vraag', 'vragen')} eensluidend, ${plural(differ, 'vraag', 'vragen')} met verschillende antwoorden${differ ? ` (in ${plural(criteria, 'criterium', 'criteria')})` : ''}`,
  decideLater: (file: string) => `Beslis per criterium met: kader merge --interactive ${file}`,
  noTty: 'kader merge --interactive heeft een terminal nodig; zonder terminal legt kader merge de verschillen vast en beslis je later',
  differ: (id: string, title: string) => `${id} ${title}: de respondenten verschillen`,
  verdict: 'Jouw oordeel over dit criterium?',
  later: 'Later beslissen',
  stop: 'Stoppen en opslaan',
  motivation: 'Motivering: waarop rust je oordeel?',
  motivationEmpty: 'een oordeel zonder motivering is niet te volgen; schrijf op waarop het rust',
  decided: (count: number, open: number, file: string) =>
    `${plural(count, 'oordeel', 'oordelen')} vastgelegd, ${plural(open, 'criterium', 'criteria')} nog open, in ${file}.`,
  nothingToDecide: 'Geen verschillen meer om over te beslissen.',
  judgementsDiffer: (ids: readonly string[]) => `de oordelen in de sessies verschillen bij ${ids.join(', ')}; die zijn niet overgenomen, beslis ze opnieuw`,
  agreedNote: (respondent: string, note: string) => `${respondent}: ${note}`,
};
