/** Pure text renderings of a framework for `kader show`: a compact tree and full Markdown. */
import type { Messages } from '../i18n/index.js';
import { conditionToText } from './condition.js';
import { audiencesOf, basisOf, type Criterion, type Framework, type Question } from './types.js';

type TreeWords = Messages['cli']['tree'];

function questionSuffix(question: Question, words: TreeWords): string {
  const parts: string[] = [question.type === 'scale' && question.scale ? `${words.scale} ${question.scale}` : (question.type === 'scale' ? question.type : words.types[question.type])];
  if (question.required === false) parts.push(words.optional);
  if (question.when) parts.push(`${words.when} ${conditionToText(question.when, words.conditionWords)}`);
  return `(${parts.join('; ')})`;
}

function criterionFlags(criterion: Criterion, words: TreeWords, number: (n: number) => string): string {
  const flags: string[] = [];
  if (criterion.critical) flags.push(`[${words.critical}]`);
  if ((criterion.weight ?? 1) !== 1) flags.push(`(${words.weight} ${number(criterion.weight ?? 1)})`);
  return flags.length ? ` ${flags.join(' ')}` : '';
}

/** Whether the text is official, in the reader's language, with the framework's own disclaimer. */
export function provenanceLines(framework: Framework, msgs: Messages): string[] {
  const r = msgs.report;
  const status = framework.provenance ? (r.provenanceStatus[framework.provenance.status] ?? framework.provenance.status) : r.provenanceUnstated;
  return [`${r.textStatus}: ${status}`, ...(framework.provenance ? [framework.provenance.disclaimer.trim()] : [])];
}

const basisText = (framework: Framework, criterion: Criterion, msgs: Messages): string => `${msgs.report.basis}: ${msgs.report.basisValues[basisOf(framework, criterion) ?? 'unstated']}`;

/**
 * Under a question in Markdown: what each level looks like, where the scale describes its
 * levels, and for a count the share that reaches each level (printed guides show the norm).
 */
function levelLines(framework: Framework, question: Question): string[] {
  const scaleId = question.count?.scale ?? (question.type === 'scale' ? question.scale : undefined);
  const levels = framework.scales.find((s) => s.id === scaleId)?.levels ?? [];
  const count = question.count;
  if (count) {
    const pct = (n: number) => `${Math.round(n * 100)} %`;
    const reached = levels.filter((l) => count.levels[l.value] !== undefined);
    if (reached.length === 0) return [];
    const lines = reached.map((l) => `  - ${l.label}: ≥ ${pct(count.levels[l.value]!)}`);
    const last = levels[levels.length - 1]!;
    if (count.levels[last.value] === undefined) lines.push(`  - ${last.label}: < ${pct(Math.min(...reached.map((l) => count.levels[l.value]!)))}`);
    return lines;
  }
  return levels.filter((l) => l.description).map((l) => `  - ${l.label}: ${l.description!.trim()}`);
}

export function renderTree(framework: Framework, msgs: Messages): string {
  const w = msgs.cli.tree;
  const lines: string[] = [
    `${framework.title} (${framework.id} ${framework.version})`,
    [`${w.publisher}: ${framework.publisher}`, framework.adopted ? `${w.adopted}: ${framework.adopted}` : '', `${w.source}: ${framework.source}`]
      .filter(Boolean)
      .join(' · '),
    ...provenanceLines(framework, msgs),
    `${w.audiences}: ${framework.audiences.map((a) => `${a.id} (${a.label})`).join(', ')}`,
    `${w.thresholds}: ${msgs.report.outcome.meets} ≥ ${msgs.report.number(framework.thresholds.meets)}, ${msgs.report.outcome.partly} ≥ ${msgs.report.number(framework.thresholds.partly)}`,
  ];
  for (const theme of framework.themes) {
    lines.push('', `${theme.id} ${theme.title} — ${w.criteria(theme.criteria.length)}`);
    theme.criteria.forEach((criterion, c) => {
      const lastCriterion = c === theme.criteria.length - 1;
      lines.push(`${lastCriterion ? '└─' : '├─'} ${criterion.id} ${criterion.title}${criterionFlags(criterion, w, msgs.report.number)} · ${basisText(framework, criterion, msgs)}`);
      criterion.questions.forEach((question, q) => {
        const branch = q === criterion.questions.length - 1 ? '└─' : '├─';
        lines.push(`${lastCriterion ? '   ' : '│  '}${branch} ${question.id} ${question.text} ${questionSuffix(question, w)}`);
      });
    });
  }
  return `${lines.join('\n')}\n`;
}

const bullets = (items: readonly string[] | undefined): string[] => (items ?? []).map((item) => `- ${item}`);

export function renderMarkdown(framework: Framework, msgs: Messages): string {
  const w = msgs.cli.tree;
  const out: string[] = [`# ${framework.title}`, ''];
  out.push(`- id: \`${framework.id}\`, ${w.version} ${framework.version}`);
  out.push(`- ${w.publisher}: ${framework.publisher}`);
  if (framework.adopted) out.push(`- ${w.adopted}: ${framework.adopted}`);
  out.push(`- ${w.source}: <${framework.source}>`);
  out.push(`- ${w.audiences}: ${framework.audiences.map((a) => a.label).join(', ')}`);
  const [status, ...disclaimer] = provenanceLines(framework, msgs);
  out.push(`- ${status}`, ...disclaimer.map((line) => `\n> ${line}`));
  if (framework.description) out.push('', framework.description.trim());
  for (const theme of framework.themes) {
    out.push('', `## ${theme.id} ${theme.title}`);
    if (theme.description) out.push('', theme.description.trim());
    for (const criterion of theme.criteria) {
      out.push('', `### ${criterion.id} ${criterion.title}${criterionFlags(criterion, w, msgs.report.number)}`, '');
      const audiences = audiencesOf(criterion).map((id) => framework.audiences.find((a) => a.id === id)?.label ?? id);
      out.push(`*${w.audiences}: ${audiences.join(', ')} · ${basisText(framework, criterion, msgs)}*`, '', `**${w.description}.** ${criterion.description.trim()}`);
      if (criterion.guidance) out.push('', `**${w.guidance}.** ${criterion.guidance.trim()}`);
      const sections: [string, string[]][] = [
        [w.probes, bullets(criterion.probes)],
        [w.evidence, bullets(criterion.evidence)],
        [w.improvements, bullets(criterion.improvements)],
        [
          w.references,
          (criterion.references ?? []).map((r) =>
            [`- ${r.source}`, r.section ? `, ${r.section}` : '', r.url ? ` <${r.url}>` : '', r.note ? ` — ${r.note}` : ''].join(''),
          ),
        ],
        [w.questions, criterion.questions.flatMap((q) => [`- \`${q.id}\` ${q.text} ${questionSuffix(q, w)}`, ...levelLines(framework, q)])],
      ];
      for (const [title, items] of sections) if (items.length) out.push('', `**${title}**`, '', ...items);
    }
  }
  return `${out.join('\n')}\n`;
}
