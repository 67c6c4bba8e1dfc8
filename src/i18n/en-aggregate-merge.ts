/** English texts of the aggregate and merge commands; the type checker keeps them in step with Dutch. */
import type * as Dutch from './nl-aggregate-merge.js';
import { plural } from './words.js';

export const aggregate: typeof Dutch.aggregate = {
  title: (framework) => `Regional overview: ${framework}`,
  subtitle: (count, version) => `${plural(count, 'gemeente', 'gemeenten')}, framework version ${version}`,
  gemeente: 'Gemeente',
  date: 'Date',
  total: 'Total',
  mean: 'Mean',
  matrix: 'Score per gemeente and theme',
  legend: (meets, partly) =>
    `Meets from ${meets}%, partly meets from ${partly}%, below that not met; — means no score yet. * incomplete session, † migrated from an earlier framework version.`,
  band: { meets: 'meets', partly: 'partly', 'not-met': 'not met', none: 'no score' },
  verdicts: 'Outcomes per criterion (number of gemeenten)',
  improvements: 'Most common improvement points',
  count: 'Gemeenten',
  share: 'Share',
  suggestion: 'Possible action from the framework',
  noImprovements: 'No improvement points: no criterion is (partly) unmet in any gemeente.',
  notes: 'Left out or marked',
  file: 'File',
  reason: 'Reason',
  reasons: {
    invalid: (detail) => `invalid file: ${detail ?? ''}`,
    'other-framework': (detail) => `belongs to another framework (${detail ?? ''}); left out`,
    'older-version': (detail) => `framework version ${detail ?? ''} without a migration step; left out`,
    migrated: (detail) => `migrated from framework version ${detail ?? ''} (the framework's migrations:)`,
    incomplete: () => 'incomplete: open questions do not count in the scores',
    superseded: (detail) => `superseded by the newer measurement in ${detail ?? ''}`,
    'same-date': (detail) => `same gemeente and date as ${detail ?? ''}; that file counts. Combine respondents with kader merge`,
    'merged-into': (detail) => `merged into ${detail ?? ''}; that file counts`,
  },
  noSessions: 'no usable sessions found',
  mixed: (found) => `sessions of more than one framework: ${found}; choose one with --framework`,
  skipped: (count) => `${plural(count, 'file', 'files')} left out; see "Left out or marked"`,
};

export const merge: typeof Dutch.merge = {
  differentGemeente: (found) => `the sessions belong to different gemeenten (${found}); merge only interviews of one gemeente`,
  differentFramework: (found) => `the sessions belong to different frameworks (${found}); merge only interviews of one framework`,
  needTwo: 'give at least two sessions to merge (or one merged session with --interactive)',
  notMerged: (file) => `${file} is not a merged session; give at least two sessions to merge`,
  needOut: 'say with -o where the merged session goes, for example -o sessies/utrecht-merged.yaml',
  written: (file, agreed, differ, criteria) =>
    `${file}: ${plural(agreed, 'question', 'questions')} agreed, ${plural(differ, 'question', 'questions')} with differing answers${differ ? ` (in ${plural(criteria, 'criterion', 'criteria')})` : ''}`,
  decideLater: (file) => `Decide per criterion with: kader merge --interactive ${file}`,
  noTty: 'kader merge --interactive needs a terminal; without one, kader merge records the differences and you decide later',
  differ: (id, title) => `${id} ${title}: the respondents differ`,
  verdict: 'Your verdict on this criterion?',
  later: 'Decide later',
  stop: 'Stop and save',
  motivation: 'Motivation: what does your verdict rest on?',
  motivationEmpty: 'a verdict without a motivation cannot be followed; write down what it rests on',
  decided: (count, open, file) => `${plural(count, 'verdict', 'verdicts')} recorded, ${plural(open, 'criterion', 'criteria')} still open, in ${file}.`,
  nothingToDecide: 'No differences left to decide on.',
  judgementsDiffer: (ids) => `the sessions' verdicts differ on ${ids.join(', ')}; they were not carried over, decide them again`,
  agreedNote: (respondent, note) => `${respondent}: ${note}`,
};
