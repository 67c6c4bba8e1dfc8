/**
 * The verbeterplan as a Word document (.docx): gemeenten edit the plan in Word before it goes
 * to the college, so this is a real document (headings, tables, lists), not a picture of one.
 * It lays out the report model with the same words and order as templates/report.md.hbs.
 * The `docx` library is about 1 MB of JavaScript: it is imported here, only when a .docx is
 * asked for, so no other command pays for it at start-up.
 */
import type { Document as DocxDocument, Packer as DocxPacker, Paragraph as DocxParagraph, Table as DocxTable, TextRun as DocxTextRun } from 'docx';
import type JSZip from 'jszip';
import type { Lang, Messages } from '../i18n/index.js';
import type { ReportModel } from './model.js';
import { canPack, zipParts, type Part } from './docx-pack.js';
import { reportSentences } from './render.js';

type Block = DocxParagraph | DocxTable;
type Text = string | number | null | undefined;

/** Text width of an A4 page with docx's default 1 inch margins, in twentieths of a point. */
const TEXT_WIDTH = { portrait: 11906 - 2 * 1440, landscape: 16838 - 2 * 1440 };

/** C0 control characters are not allowed in XML; one in a note must not make Word refuse the file. */
const clean = (text: Text): string => String(text ?? '').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

/** Sources as one line of text: Word shows the address beside the name, so a printed plan keeps it. */
const referenceText = (references: ReportModel['criteria'][number]['references']): string =>
  references.map((x) => `${x.source}${x.section ? `, ${x.section}` : ''}${x.url ? ` <${x.url}>` : ''}`).join('; ');

/**
 * The plan as a .docx file. `loaded` is called once the docx library is loaded, before any of
 * the work: the command may change V8's flags from then on (src/cli/commands/report.ts), which
 * it may not do earlier, as V8 refuses a code cache made under other flags.
 */
export async function reportDocx(model: ReportModel, msgs: Messages, lang: Lang, version?: string, loaded?: () => void): Promise<Buffer> {
  const docx = await import('docx');
  loaded?.();
  const { AlignmentType, Document, Header, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = docx;
  const r = msgs.report;
  const pct = (value: number | null): string => (value === null ? r.none : `${value}%`);
  // A judgement's verdict is the session's own text: any string, shown as itself when unknown.
  const outcome = (value: string): string => (r.outcome as Readonly<Record<string, string>>)[value] ?? value;

  // The portrait body, then a landscape part from the action plan on: its eight columns need
  // the width to stay readable.
  const portrait: Block[] = [];
  const wide: Block[] = [];
  let landscape = false;
  const add = (...blocks: Block[]): void => {
    (landscape ? wide : portrait).push(...blocks);
  };

  /** Runs for one piece of text; a line break in a note stays a line break in Word. */
  const runs = (text: Text, bold = false, italics = false): DocxTextRun[] =>
    clean(text)
      .split(/\r?\n/)
      // Only set bold or italics when asked: an explicit "not bold" would override the heading style.
      .map((line, i) => new TextRun({ text: line, bold: bold || undefined, italics: italics || undefined, break: i > 0 ? 1 : undefined }));
  const para = (...parts: (DocxTextRun[] | Text)[]): DocxParagraph =>
    new Paragraph({ children: parts.flatMap((part) => (Array.isArray(part) ? part : runs(part))) });
  const heading = (text: Text, level: 1 | 2 | 3 | 4): DocxParagraph =>
    new Paragraph({ heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4][level - 1], children: runs(text) });
  const bullet = (...parts: (DocxTextRun[] | Text)[]): DocxParagraph =>
    new Paragraph({ bullet: { level: 0 }, children: parts.flatMap((part) => (Array.isArray(part) ? part : runs(part))) });
  /** A label in bold, then its text: "Bewijs gezien: …". */
  const labelled = (label: string, text: Text): DocxParagraph => para(runs(`${label}: `, true), text);

  /**
   * A table over the full text width. The first row is the header: bold, and marked as a
   * header row so Word repeats it on every page and screen readers announce the columns.
   * `numeric` columns are right-aligned, as in the Markdown table. `weights` share out the
   * width: without them LibreOffice makes every column equally wide, titles in a narrow one.
   * `headSize` (half-points) sets a smaller header for a table of many narrow columns.
   */
  const table = (header: string[], rows: Text[][], weights: number[], numeric: number[] = [], headSize?: number): DocxTable => {
    const sum = weights.reduce((x, y) => x + y, 0);
    const width = TEXT_WIDTH[landscape ? 'landscape' : 'portrait'];
    const widths = weights.map((w) => Math.floor((width * w) / sum));
    const cell = (text: Text, i: number, bold: boolean): InstanceType<typeof TableCell> =>
      new TableCell({
        width: { size: widths[i] ?? 0, type: WidthType.DXA },
        children: [
          new Paragraph({
            alignment: numeric.includes(i) ? AlignmentType.RIGHT : undefined,
            children: bold && headSize ? [new TextRun({ text: clean(text), bold: true, size: headSize })] : runs(text, bold),
          }),
        ],
      });
    return new Table({
      width: { size: width, type: WidthType.DXA },
      columnWidths: widths,
      rows: [
        new TableRow({ tableHeader: true, children: header.map((text, i) => cell(text, i, true)) }),
        ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, i, false)) })),
      ],
    });
  };

  // Title and context, as the table at the top of the Markdown plan.
  const c = model.context;
  const said = reportSentences(model, msgs);
  if (said.confidential) add(new Paragraph({ spacing: { after: 200 }, children: runs(said.confidential, true) }));
  add(heading(`${r.title(c.gemeente)}${said.draft ? ` (${r.draftShort})` : ''}`, 1));
  if (said.draft) add(para(runs(said.draft, true)));
  add(para(r.subtitle));
  if (model.framework.provenance) add(para(runs(`${r.aboutFramework}: `, true), model.framework.provenance.disclaimer));
  add(
    table(
      [r.context, ''],
      [
        [r.gemeente, c.gemeente],
        ...(c.team ? [[r.team, c.team]] : []),
        ...(c.regio ? [[r.regio, c.regio]] : []),
        [r.date, c.date],
        [r.framework, `${model.framework.title} (${model.framework.publisher})`],
        [r.version, `${model.framework.version}${said.migrated ? ` (${said.migrated})` : ''}`],
        [r.textStatus, said.provenance],
        [r.interviewers, c.interviewers.length ? c.interviewers.join(', ') : r.none],
        [r.respondents, c.respondents.length ? c.respondents.join(', ') : r.none],
        [r.status, `${r.statusValues[model.session.status] ?? model.session.status} (${r.answered}: ${model.session.answered})`],
      ],
      [1, 2],
    ),
  );

  // Summary: the total, the tally per outcome and the table per theme.
  const s = model.summary;
  const tally = (['meets', 'partly', 'not-met', 'open', 'not-applicable', 'unknown'] as const).map((o) => `${outcome(o)}: ${s.tally[o]}`).join(', ');
  add(heading(r.summary, 2), para(runs(`${r.total}: ${pct(s.percent)}`, true), ` — ${tally}`));
  add(
    table(
      // Narrow heads: the outcomes with the places a word may break (outcomeBreakable).
      [r.theme, r.score, ...(['meets', 'partly', 'not-met', 'unknown', 'not-applicable', 'open'] as const).map((o) => r.outcomeBreakable[o])],
      s.themes.map((t) => [`${t.id} ${t.title}`, pct(t.percent), t.tally.meets, t.tally.partly, t.tally['not-met'], t.tally.unknown, t.tally['not-applicable'], t.tally.open]),
      [2.8, 1.2, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3],
      [1, 2, 3, 4, 5, 6, 7],
      17,
    ),
  );

  // Critical points first (veiligheid voorop), then the strengths.
  add(heading(r.criticalFirst, 3), para(said.criticalSentence));
  for (const x of s.critical) add(bullet(runs(`${x.id} ${x.title}`, true), ` — ${outcome(x.outcome)}`));
  // Progress since the baseline measurement, only when one was given.
  const b = model.baseline;
  if (b) {
    add(heading(r.baseline(b.date), 2));
    add(para(runs(`${r.total}: ${pct(b.percent)} → ${pct(model.summary.percent)}`, true), ` — ${(['better', 'same', 'worse'] as const).map((k) => `${r.changeValues[k]}: ${b.tally[k]}`).join(', ')}`));
    if (said.baselineTeam) add(para(runs(said.baselineTeam, false, true)));
    add(table([r.theme, r.before, r.after, msgs.compare.delta], b.themes.map((x) => [`${x.id} ${x.title}`, pct(x.before), pct(x.after), x.delta === null ? r.none : `${x.delta > 0 ? '+' : ''}${x.delta}`]), [4, 1, 1, 1.4], [1, 2, 3]));
    add(
      table(
        [r.criteria, r.before, r.after, r.change],
        b.changes.map((x) => [`${x.id} ${x.title}`, `${outcome(x.before.outcome)} ${pct(x.before.percent)}`, `${outcome(x.after.outcome)} ${pct(x.after.percent)}`, r.changeValues[x.change] ?? x.change]),
        [3.5, 1.5, 1.5, 1],
      ),
    );
    if (b.actions.length) {
      add(heading(r.previousActions, 3));
      add(
        table(
          [r.action.id, r.action.what, r.action.owner, r.action.due, r.statusThen, r.statusNow],
          b.actions.map((x) => [x.id, x.what, x.owner, x.due, r.statusAction[x.status] ?? x.status, x.statusNow ? (r.statusAction[x.statusNow] ?? x.statusNow) : r.none]),
          [0.6, 3, 1.6, 1.3, 1, 1],
        ),
      );
    }
  }

  // A merged session: where the respondents differ, each perspective, and the verdict.
  if (model.triangulation.length) {
    const from = model.sources ? ` ${r.mergedFrom}: ${model.sources.from.map((f) => `${f.respondent} (${f.date})`).join(', ')}.` : '';
    add(heading(r.triangulation, 2), para(`${r.triangulationIntro}${from}`));
    for (const x of model.triangulation) {
      add(heading(`${x.id} ${x.title}${x.critical ? ` (${r.critical})` : ''}`, 3));
      const rows = x.questions.flatMap((q) => q.answers.map((a, i) => [i === 0 ? q.question : '', a.respondent, a.answer, a.note]));
      add(table([r.question, r.respondent, r.answer, r.note], rows, [3, 1.5, 1.5, 2]));
      add(labelled(r.judgement, x.judgement ? `${outcome(x.judgement.verdict)} — ${x.judgement.motivation}` : r.undecided));
    }
  }
  add(heading(r.strengths, 2));
  if (model.strengths.length) {
    add(para(r.strengthsIntro));
    for (const x of model.strengths) {
      const notes = x.findings.flatMap((f) => (f.note ? [` — ${f.note}`] : []));
      add(bullet(runs(`${x.id} ${x.title}`, true), ...notes));
    }
  } else add(para(r.noStrengths));

  // Improvement points per theme, each numbered with its place in the overall priority order.
  add(heading(r.improvements, 2));
  if (!model.improvements.length) add(para(said.noImprovements));
  for (const group of model.improvements) {
    add(heading(`${group.theme.id} ${group.theme.title}`, 3));
    for (const x of group.criteria) {
      add(heading(`${x.rank}. ${x.id} ${x.title}${x.critical ? ` (${r.critical})` : ''}`, 4));
      const score = x.percent === null ? '' : `, ${r.score} ${pct(x.percent)}`;
      const judgement = x.judgement ? ` — ${r.judgement}: ${outcome(x.judgement.verdict)}: ${x.judgement.motivation}` : '';
      add(para(`${outcome(x.outcome)}${score}${judgement}`));
      add(para(runs(`${r.whatGood}: `, false, true), x.description));
      if (x.findings.length) add(table([r.question, r.answer, r.note], x.findings.map((f) => [f.question, f.answer, f.note]), [3, 2, 2]));
      add(labelled(r.basis, `${r.basisValues[x.basis ?? 'unstated']}${x.references.length ? `; ${r.references}: ${referenceText(x.references)}` : ''}`));
      if (x.evidenceSeen.length) add(labelled(r.evidenceSeen, x.evidenceSeen.join('; ')));
      if (x.evidenceMissing.length) add(labelled(r.evidenceMissing, x.evidenceMissing.join('; ')));
      if (x.suggestions.length) add(para(runs(`${r.suggestions}:`, true)), ...x.suggestions.map((text) => bullet(text)));
      if (x.actions.length) {
        add(para(runs(`${r.actionsHere}:`, true)));
        for (const a of x.actions) add(bullet(`${a.id}: ${a.what} (${a.owner}, ${a.due}, ${r.statusAction[a.status] ?? a.status})`));
      }
    }
  }

  // What the plan says nothing about: unknown (and no improvement point) or not yet assessed.
  const u = model.unresolved;
  if (u.unknown.length || u.open.length) {
    add(heading(r.unresolved, 2), para(r.unresolvedIntro));
    const named = (x: (typeof u.open)[number]) => bullet(`${x.id} ${x.title}${x.critical ? ` (${r.critical})` : ''}`);
    if (u.unknown.length) add(para(runs(`${r.unresolvedUnknown}:`, true)), ...u.unknown.map(named));
    if (u.open.length) add(para(runs(`${r.unresolvedOpen}:`, true)), ...u.open.map(named));
  }

  // The action plan: the table a gemeente works from, one row per SMART action.
  const a = r.action;
  landscape = true;
  add(heading(r.actionPlan, 2));
  if (model.actions.length) {
    add(
      table(
        [a.id, a.criterion, a.what, a.owner, a.due, a.priority, a.indicator, a.status],
        model.actions.map((x) => [x.id, `${x.criterion} ${x.criterionTitle}`, x.what, x.owner, x.due, r.priorityValues[x.priority] ?? x.priority, x.indicator, r.statusAction[x.status] ?? x.status]),
        [0.6, 2, 3, 1.6, 1.3, 1.1, 2.5, 1],
      ),
    );
  } else add(para(r.noActions));

  // Account of sources and scoring, so the plan can be checked without kader.
  const f = model.framework;
  add(heading(r.account, 2));
  add(bullet(`${r.source}: ${f.title}, ${f.publisher}${f.adopted ? ` (${f.adopted})` : ''}, ${f.source}`));
  add(bullet(`${r.textStatus}: ${said.provenance}${f.provenance ? `. ${f.provenance.disclaimer}` : ''}`), bullet(said.bases));
  add(bullet(`${r.version}: ${f.version}; ${r.digest}: ${f.digest}`));
  if (model.account.digestMatches === false) add(bullet(runs(r.digestChanged, true)));
  add(bullet(r.scoring(model.account.thresholds.meets, model.account.thresholds.partly)), bullet(said.scoringRule), bullet(r.priorityRule));
  add(heading(r.criteriaSources, 3));
  add(
    table(
      [r.action.criterion, r.csvOutcome, r.basis, r.references],
      model.criteria.map((x) => [`${x.id} ${x.title}${x.critical ? ` (${r.critical})` : ''}`, outcome(x.outcome), r.basisValues[x.basis ?? 'unstated'], referenceText(x.references)]),
      [3, 1.2, 1.3, 3],
    ),
  );
  if (version) add(para(r.generatedBy(version)));

  // The marking on every page, in the page header, so a printed page on its own still says it.
  const headers = said.confidential
    ? { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: r.confidentialMark, bold: true, size: 18 })] })] }) }
    : undefined;
  const document = new Document({
    title: r.title(c.gemeente),
    creator: 'kader',
    styles: documentStyles(lang),
    sections: [
      { headers, children: portrait },
      { headers, properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, children: wide },
    ],
  });
  return packDocument(Packer, document);
}

/**
 * The .docx of `document`: docx lays out the XML parts (its compiler, which `Packer` keeps as a
 * private member, returns them as a jszip archive not yet packed), Node's zlib packs them
 * (docx-pack.ts says why). docx is pinned to one version in package.json, and
 * test/docx-pack.test.ts fails when an upgrade takes the compiler away; should it be missing
 * anyway, or this Node have no zlib.crc32, docx packs the file itself, as before.
 */
export async function packDocument(Packer: typeof DocxPacker, document: DocxDocument): Promise<Buffer> {
  const compiler = (Packer as unknown as { compiler?: { compile?: (file: DocxDocument) => JSZip } }).compiler;
  if (!canPack || typeof compiler?.compile !== 'function') return Packer.toBuffer(document);
  const zip = compiler.compile(document);
  const parts: Promise<Part>[] = [];
  zip.forEach((name, entry) => {
    if (!entry.dir) parts.push(entry.async('uint8array').then((data) => ({ name, data })));
  });
  // The content types first, as Word writes them; then docx's own order.
  const ordered = (await Promise.all(parts)).sort((a, b) => Number(b.name === CONTENT_TYPES) - Number(a.name === CONTENT_TYPES));
  return zipParts(ordered);
}

const CONTENT_TYPES = '[Content_Types].xml';

/** The body font: Arial is on every Windows and Mac; LibreOffice on Linux uses the metric-compatible Liberation Sans. */
const FONT = 'Arial';

/**
 * Styles: a Normal style the body inherits (a sans-serif font; without it Word and LibreOffice
 * fall back to a serif Times), and Word's built-in Heading 1–4 with their outline level, so the
 * navigation pane, a table of contents and PDF bookmarks see them, and keep-with-next, so a
 * heading never stands alone at the foot of a page. Sizes in half-points, spacing in twentieths.
 */
function documentStyles(lang: Lang) {
  const heading = (level: number, size: number, before: number) => ({
    run: { font: FONT, size, bold: true, color: '1F3864' },
    paragraph: { outlineLevel: level, keepNext: true, keepLines: true, spacing: { before, after: 80 } },
  });
  return {
    default: {
      // The language of the text, so Word checks spelling in Dutch (or English) and screen
      // readers pronounce it right.
      document: { run: { font: FONT, size: 21, language: { value: lang === 'en' ? 'en-GB' : 'nl-NL' } }, paragraph: { spacing: { after: 60, line: 252 } } },
      heading1: heading(0, 32, 0),
      heading2: heading(1, 26, 320),
      heading3: heading(2, 23, 240),
      heading4: heading(3, 21, 200),
    },
    paragraphStyles: [{ id: 'Normal', name: 'Normal', quickFormat: true, run: { font: FONT, size: 21 } }],
  };
}
