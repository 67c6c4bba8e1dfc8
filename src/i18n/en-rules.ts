/** What each finding's rule means and how to fix it (English; the Dutch is nl-rules.ts). */
import type { RuleId } from '../core/diagnostic.js';
import type { RuleHelp } from './nl-rules.js';

export const ruleHelp: { language: string; fix: string; rules: Record<RuleId, RuleHelp> } = {
  /** SARIF's run.language: the language of the messages and help. */
  language: 'en',
  /** The label before the fix in the help text. */
  fix: 'Fix',
  rules: {
    'yaml-syntax': {
      short: 'Not valid YAML',
      full: 'The file is not valid YAML, is empty, is not a mapping (key: value) at the top, or nests too deeply or uses too many aliases.',
      fix: 'Repair the YAML at the place shown: indent with spaces (no tabs), check colons and quotes. An editor with yaml-language-server shows the error while you type.',
    },
    'duplicate-key': {
      short: 'Duplicate key',
      full: 'A mapping has the same key twice; YAML readers silently keep only one of them.',
      fix: 'Remove or rename one of the two keys, so each key appears once in the mapping.',
    },
    kind: {
      short: 'Wrong kind of file',
      full: 'The file is another kind of kader file than expected (for example a session where a framework belongs), or no kader file at all.',
      fix: 'Pass the right file, or put kind: framework (for a framework) or kind: session (for a session) at the top.',
    },
    schema: {
      short: 'Does not match the JSON Schema',
      full: 'The structure does not match the published JSON Schema: a required key is missing, a key is unknown or a value has the wrong type.',
      fix: 'Change the key or value as the message says; docs/framework-format.md describes every key. With the line # yaml-language-server: $schema=… at the top your editor shows it too.',
    },
    'unique-id': {
      short: 'Id used twice',
      full: 'A theme, criterion, question or action id is used twice; answers and actions refer to ids, so they must be unique.',
      fix: 'Give one of the two its own id. If the framework is in use, add a migration step so old sessions know the new id.',
    },
    'unique-value': {
      short: 'Value twice in its list',
      full: 'A level, choice, scale or audience id appears twice in the same list.',
      fix: 'Make each value in the list unique, or remove the duplicate.',
    },
    'scale-ref': {
      short: 'Unknown scale',
      full: 'A question of type scale names a scale that is not declared under scales:.',
      fix: 'Use one of the declared scales (the message lists them), or add the scale under scales:.',
    },
    'scale-order': {
      short: 'Scale levels not best to worst',
      full: 'The levels of a scale must go from best to worst: the score must not increase from one level to the next.',
      fix: 'Order the levels from highest to lowest score, or correct the score.',
    },
    thresholds: {
      short: 'Thresholds in the wrong order',
      full: 'thresholds.meets must be greater than thresholds.partly; otherwise "meets" is no stricter than "partly meets".',
      fix: 'Make meets greater than partly, for example meets: 0.75 and partly: 0.4.',
    },
    'audience-ref': {
      short: 'Unknown audience',
      full: 'A criterion names an audience that is not declared under audiences:.',
      fix: 'Use a declared audience (the message lists them), or add it under audiences:.',
    },
    'when-ref': {
      short: 'when refers to an unknown or later question',
      full: 'The skip logic (when) names a question that does not exist, comes later or is the question itself; then the question can never be skipped or asked correctly.',
      fix: 'Refer to the id of an earlier question, or reorder the questions.',
    },
    'when-value': {
      short: 'when compares with an impossible value',
      full: 'when compares with a value the referenced question cannot take, so the condition is never true.',
      fix: 'Use a value the question can take (the message lists the possible values or the expected type).',
    },
    'number-range': {
      short: 'min greater than max',
      full: 'A question of type number has a min greater than its max; no answer can fit.',
      fix: 'Make min less than or equal to max, or swap them.',
    },
    'no-scored-question': {
      short: 'Criterion without a scored question',
      full: 'A criterion has no question of type scale, so it gets no score; it does not count in the outcome or the improvement plan.',
      fix: 'Add a question of type scale to the criterion, or leave the warning if the criterion only gathers information on purpose.',
    },
    'migration-from': {
      short: 'Invalid migration step',
      full: 'A migration step starts from the current version, or two steps start from the same version.',
      fix: 'Let each step start from an earlier version (from:), one step per version.',
    },
    'migration-target': {
      short: 'Migration to an unknown id',
      full: 'A migration step maps an old id to an id that does not exist now and that no later step carries on.',
      fix: 'Map to an id that exists in the current version, or use [] when the id is dropped on purpose.',
    },
    'framework-missing': {
      short: 'Framework not found',
      full: 'The framework the session names is not bundled and was not found in --frameworks-dir.',
      fix: 'Pass the framework with --framework path/to/framework.yaml or --frameworks-dir folder, or correct framework.id in the session.',
    },
    'framework-mismatch': {
      short: 'Session belongs to another framework',
      full: 'The session names another framework than the one it is checked against.',
      fix: 'Check the session against the framework it names (leave out --framework), or use the right session.',
    },
    'framework-drift': {
      short: 'Framework changed since the session began',
      full: 'The framework file changed since this session began (its digest differs); answers to questions that still exist stay valid.',
      fix: 'Check whether the change to the framework affects the answers. For a new version with migration steps: kader check --migrate.',
    },
    'unknown-question': {
      short: 'Answer to an unknown question',
      full: 'The session holds an answer to a question id that is not (or no longer) in the framework.',
      fix: 'Correct the question id, or remove the answer. If a new framework version renamed the question, add a migration step.',
    },
    'answer-value': {
      short: 'Answer does not fit the question',
      full: 'An answer has a value the question does not allow: an unknown choice, the wrong type or out of range.',
      fix: 'Choose an allowed value (the message lists them), or answer the question again with kader interview.',
    },
    'unknown-criterion': {
      short: 'Unknown criterion',
      full: 'A judgement or improvement action refers to a criterion id that is not in the framework.',
      fix: 'Use the id of an existing criterion (kader show lists them).',
    },
    incomplete: {
      short: 'Session not finished',
      full: 'Required questions are still open; a report on this session would be incomplete.',
      fix: 'Answer the open questions with kader interview session.yaml; the message names the first ones.',
    },
    'personal-data': {
      short: 'Possible personal data',
      full: 'An answer, note or action contains something that looks like personal data (BSN, phone number, e-mail address, IBAN, postcode with house number, date of birth). An improvement plan is about the way of working, not about clients.',
      fix: 'Describe the way of working without data about people. If it is certainly no personal data, pass --allow-personal-data to the report.',
    },
    smart: {
      short: 'Improvement action not SMART',
      full: 'An improvement action lacks a part (what, owner, due date, indicator), or its due date is not a date or not in the future.',
      fix: 'Fill in the missing field; kader plan asks for each part.',
    },
    'provenance-missing': {
      short: 'Provenance of the text not stated',
      full: 'The framework does not say whether its text is official, a reconstruction or a draft. Every verbeterplan shows this on its first page; without it, the plan says it is unknown.',
      fix: 'Add provenance with a status (official, reconstruction or draft) and a disclaimer of one or two sentences for the reader.',
    },
    'basis-missing': {
      short: 'Criterion does not say what it rests on',
      full: 'In a reconstruction or draft, a criterion does not say whether it rests on official text, a public publication, a news item or an own interpretation.',
      fix: 'Add basis to the criterion: official, public-report, news or interpretation; choose the weakest source the norm depends on.',
    },
    'basis-reference': {
      short: 'Basis without a source',
      full: 'A criterion says it rests on official text, a publication or a news item, but does not name that source.',
      fix: 'Add references with the source, and a url where it is public; or set basis to interpretation if it is an own elaboration.',
    },
    'critical-mean': {
      short: 'Critical criterion takes the mean',
      full: 'A critical criterion is set to scoring: mean, so one weak answer on safety can be averaged away by a good one.',
      fix: 'Leave scoring out (then the weakest answer decides), or explain in the description why the mean fits here.',
    },
    'framework-version': {
      short: 'Unknown or older framework version',
      full: 'The session was made with a version of the framework that this framework does not know, or with an older version not yet carried over; its answers would be read against the wrong questions.',
      fix: 'Carry an older session over with kader check --migrate; for an unknown version, pass the framework file of that version with --framework.',
    },
    'count-of': {
      short: 'Count without a total',
      full: 'count.of of a count question does not name an earlier question of type number, so there is no total to set the count against.',
      fix: 'Point count.of at the earlier number question that holds the number of files looked at.',
    },
    'count-levels': {
      short: 'Thresholds of a count do not fit',
      full: 'A key of count.levels is not a level of count.scale, or the thresholds do not fall from the best level to the worst.',
      fix: 'Use the levels of the scale as keys and let the thresholds (shares between 0 and 1) fall from the best level to the worst.',
    },
    'count-type': {
      short: 'Count on a question that is not a number',
      full: 'count is set on a question that is not of type number; only a number can be set against a total.',
      fix: 'Make the question type number, or remove count.',
    },
  },
};
