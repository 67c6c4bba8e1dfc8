/**
 * A session file on disk: read with positions, written atomically (temp, fsync, rename) with
 * mode 0600, keeping the user's comments, and refusing to overwrite changes made elsewhere.
 */
import { createHash } from 'node:crypto';
import { dirname, join, relative, sep } from 'node:path';
import { SCHEMAS_DIR } from '../core/assets.js';
import { readFileSync } from 'node:fs';
import type { Document, Node } from 'yaml';
import { yaml } from '../yaml/lib.js';
import { FileError, readTextFile, writeFileAtomic } from '../core/files.js';
import type { Messages } from '../i18n/index.js';
import type { Framework } from '../framework/types.js';
import { settle } from './state.js';
import type { Session } from './types.js';

/** The editor modeline, pointing from the session's folder to the installed session schema. */
export function sessionModeline(sessionPath: string): string {
  const schema = relative(dirname(sessionPath), join(SCHEMAS_DIR, 'session.schema.json')).split(sep).join('/');
  return `# yaml-language-server: $schema=${schema}`;
}

/**
 * sha256 of the framework file's bytes with CRLF line endings read as LF, so a session notices
 * when its framework changed but not when git checked it out with Windows line endings. An LF
 * file hashes exactly as before, so digests in existing sessions keep matching.
 */
export function frameworkDigest(bytes: string | Buffer): string {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  return `sha256-${createHash('sha256').update(withoutCarriageReturns(buffer)).digest('hex')}`;
}

/** Drop every CR that directly precedes an LF; a lone CR is content and stays. */
function withoutCarriageReturns(buffer: Buffer): Buffer {
  if (!buffer.includes(0x0d)) return buffer;
  const out = Buffer.alloc(buffer.length);
  let n = 0;
  for (let i = 0; i < buffer.length; i++) {
    if (buffer[i] === 0x0d && buffer[i + 1] === 0x0a) continue;
    out[n++] = buffer[i]!;
  }
  return out.subarray(0, n);
}

export class SessionConflict extends FileError {}

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/;

/** Quote dates and timestamps: YAML 1.1 readers would otherwise turn them into date objects. */
function quoteDates(node: Node): Node {
  yaml().visit(node, {
    Scalar(_key, scalar) {
      if (typeof scalar.value === 'string' && DATE_LIKE.test(scalar.value)) scalar.type = 'QUOTE_DOUBLE';
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

  /** The YAML document, parsed only when a save needs it (a report never does). */
  private get doc(): Document {
    this.parsedDoc ??= yaml().parseDocument(this.known ?? '');
    return this.parsedDoc;
  }

  /** A new file for a new session (it is written by the first save). */
  static create(path: string, session: Session, msgs: Messages, modeline = sessionModeline(path)): SessionFile {
    const doc = new (yaml().Document)({});
    doc.commentBefore = ` ${modeline.replace(/^#\s?/, '')}`;
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
        if (!yaml().isMap(this.doc.get('answers', true))) this.doc.set('answers', this.doc.createNode({}));
        const before = (current.answers ?? {}) as Record<string, unknown>;
        for (const [id, answer] of Object.entries(session.answers)) {
          if (JSON.stringify(before[id]) !== JSON.stringify(answer)) this.doc.setIn(['answers', id], answerNode(this.doc, answer));
        }
        // Only a migration takes answers away (renamed ids); the interview never does.
        for (const id of Object.keys(before)) if (!Object.hasOwn(session.answers, id)) this.doc.deleteIn(['answers', id]);
      } else if (JSON.stringify(current[key]) !== JSON.stringify(next)) {
        this.doc.set(key, quoteDates(this.doc.createNode(next)));
      }
    }
  }

  text(): string {
    return this.doc.toString({ lineWidth: 0 });
  }

  /**
   * The one way a session reaches disk: settled against its framework first (inactive answers
   * marked, status recomputed), so no writer can leave a stale `status: complete` behind.
   */
  save(session: Session, framework: Framework): void {
    this.apply(settle(framework, session));
    const text = this.text();
    let onDisk: string | undefined;
    try {
      onDisk = readFileSync(this.path, 'utf8');
    } catch {
      onDisk = undefined;
    }
    if (onDisk !== undefined && onDisk !== this.known && onDisk.replace(/^\uFEFF/, '') !== this.known) {
      throw new SessionConflict(this.msgs.session.conflict(this.path));
    }
    if (text === onDisk) return;
    writeFileAtomic(this.path, text, this.msgs, 0o600);
    this.known = text;
  }
}
