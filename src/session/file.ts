/**
 * A session file on disk: read with positions, written atomically (temp, fsync, rename) with
 * mode 0600, keeping the user's comments, and refusing to overwrite changes made elsewhere.
 */
import { dirname, relative, sep } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { yaml } from '../yaml/lib.js';
import { parseYaml } from '../yaml/parse.js';
import { ConflictError } from '../core/errors.js';
import { FileError, readTextFile, writeFileAtomic, writeTarget } from '../core/files.js';
import { LockBusy, withFileLock } from '../core/lock.js';
import type { Messages } from '../i18n/index.js';
import type { Framework } from '../framework/types.js';
import { settle } from './state.js';
import type { Session } from './types.js';

/**
 * The editor modeline, pointing from the session's folder to a copy of the session schema
 * (the caller decides where: a path into kader's own install would break once the session is
 * committed or opened on another machine).
 */
export function sessionModeline(sessionPath: string, schemaFile: string): string {
  const schema = relative(dirname(sessionPath), schemaFile).split(sep).join('/');
  return `# yaml-language-server: $schema=${schema}`;
}

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Quote dates and timestamps: YAML 1.1 readers would otherwise turn them into date objects.
 * A text over several lines (a note) is written double-quoted on one line, "a\nb": in a flow
 * mapping the writer would otherwise spread it as a plain scalar over indented lines, and the
 * fast reader (src/yaml/subset.ts) reads one-line scalars only, so such a session would be
 * parsed the slow way.
 */
function quoteDates(node: Node): Node {
  yaml().visit(node, {
    Scalar(_key, scalar) {
      if (typeof scalar.value === 'string' && (DATE_LIKE.test(scalar.value) || scalar.value.includes('\n'))) scalar.type = 'QUOTE_DOUBLE';
    },
  });
  return node;
}

/** Answers are one line each in flow style: compact and readable in a git diff. */
function answerNode(doc: Document, value: unknown): Node {
  const node = doc.createNode(value);
  if (yaml().isMap(node)) node.flow = true;
  return quoteDates(node);
}

export class SessionFile {
  private constructor(
    readonly path: string,
    private parsedDoc: Document | undefined,
    /** The text as last read or written; a different text on disk means someone else wrote it. */
    private known: string | undefined,
    private readonly msgs: Messages,
  ) {}

  /**
   * The YAML document, parsed only when a save needs it (a report never does). A document with
   * errors cannot be written back (the `yaml` package refuses to stringify it): say where the
   * file is broken, before anything is written. Callers read sessions with the careful parser's
   * verdict, so this is a last guard, not the usual way such a file is refused.
   */
  private get doc(): Document {
    if (!this.parsedDoc) {
      // uniqueKeys off: the text was read with the careful parser, which refuses duplicate
      // keys in linear time; the package's own check is quadratic in a mapping's size.
      const doc = yaml().parseDocument(this.known ?? '', { uniqueKeys: false });
      if (doc.errors.length > 0) {
        const first = parseYaml(this.path, this.known ?? '', this.msgs).diagnostics.find((d) => d.severity === 'error');
        const where = first ? `${this.path}:${first.line}:${first.column}` : this.path;
        throw new FileError(this.msgs.session.unwritable(where, first?.message ?? doc.errors[0]?.message.split('\n')[0] ?? ''));
      }
      this.parsedDoc = doc;
    }
    return this.parsedDoc;
  }

  /** A new file for a new session (it is written by the first save). */
  static create(path: string, session: Session, msgs: Messages, modeline?: string): SessionFile {
    const doc = new (yaml().Document)({});
    if (modeline) doc.commentBefore = ` ${modeline.replace(/^#\s?/, '')}`;
    const file = new SessionFile(path, doc, undefined, msgs);
    file.apply(session);
    return file;
  }

  /** Wrap a session file that was read (and checked) already. */
  static fromText(path: string, text: string, msgs: Messages): SessionFile {
    return new SessionFile(path, undefined, text, msgs);
  }

  static read(path: string, shown: string, msgs: Messages): { file: SessionFile; text: string } {
    const text = readTextFile(path, shown, msgs);
    return { file: SessionFile.fromText(path, text, msgs), text };
  }

  /** Bring the document in line with the session, touching only what changed (comments stay). */
  private apply(session: Session): void {
    const current = (this.doc.toJS() ?? {}) as Record<string, unknown>;
    const order: (keyof Session)[] = ['kader', 'kind', 'id', 'framework', 'context', 'status', 'merged', 'answers', 'perspectives', 'judgements', 'actions'];
    for (const key of order) {
      const next = session[key];
      if (next === undefined) continue;
      if (key === 'answers') {
        this.applyAnswers((current.answers ?? {}) as Record<string, unknown>, session.answers);
      } else if (JSON.stringify(current[key]) !== JSON.stringify(next)) {
        this.doc.set(key, quoteDates(this.doc.createNode(next)));
      }
    }
  }

  /**
   * The answers that changed, each set through an index of the answers mapping built once:
   * the package's setIn searches the mapping for every answer, quadratic for a file of
   * thousands of answers (20,000 answers from --answers took ~20 s; issue #16, item 7).
   */
  private applyAnswers(before: Record<string, unknown>, answers: Session['answers']): void {
    const { isMap, isPair, isScalar } = yaml();
    let map = this.doc.get('answers', true);
    if (!isMap(map)) {
      map = this.doc.createNode({});
      this.doc.set('answers', map);
    }
    const items = (map as YAMLMap).items;
    const pairs = new Map<string, Pair>();
    for (const item of items) {
      const id = isPair(item) ? (isScalar(item.key) ? String(item.key.value) : typeof item.key === 'string' ? item.key : undefined) : undefined;
      if (id !== undefined && !pairs.has(id)) pairs.set(id, item);
    }
    for (const [id, answer] of Object.entries(answers)) {
      if (JSON.stringify(before[id]) === JSON.stringify(answer)) continue;
      const pair = pairs.get(id);
      if (pair) {
        pair.value = answerNode(this.doc, answer);
      } else {
        const added = this.doc.createPair(id, answerNode(this.doc, answer));
        items.push(added);
        pairs.set(id, added);
      }
    }
    // Only a migration takes answers away (renamed ids); the interview never does.
    const gone = new Set(Object.keys(before).filter((id) => !Object.hasOwn(answers, id)));
    const drop = new Set([...gone].map((id) => pairs.get(id)));
    if (gone.size > 0) (map as YAMLMap).items = items.filter((item) => !drop.has(item as Pair));
  }

  text(): string {
    // One line per text, however long: a double-quoted text with line breaks would otherwise be
    // folded over several lines once it is 40 characters long.
    return this.doc.toString({ lineWidth: 0, doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER });
  }

  /**
   * The one way a session reaches disk: settled against its framework first (inactive answers
   * marked, status recomputed), so no writer can leave a stale `status: complete` behind.
   */
  save(session: Session, framework: Framework): void {
    this.apply(settle(framework, session));
    const text = this.text();
    // The lock is taken on the real file (a symlink is written through), and held from the
    // "changed on disk?" check to the rename: two writers cannot both pass the check.
    const target = writeTarget(this.path, this.msgs);
    try {
      withFileLock(target, () => {
        let onDisk: string | undefined;
        try {
          onDisk = readFileSync(target, 'utf8');
        } catch {
          onDisk = undefined;
        }
        if (onDisk !== undefined && onDisk !== this.known && onDisk.replace(/^\uFEFF/, '') !== this.known) {
          throw new ConflictError(this.msgs.session.conflict(this.path));
        }
        if (text === onDisk) return;
        writeFileAtomic(target, text, this.msgs, 0o600);
        this.known = text;
      });
    } catch (error) {
      if (error instanceof LockBusy) throw new ConflictError(this.msgs.session.locked(this.path, error.holder));
      if (error instanceof FileError) throw error;
      // The lock file could not be made (a read-only folder): say so like any failed write.
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      if (code) throw new FileError(this.msgs.io.writeFailed(this.path, code));
      throw error;
    }
  }
}
