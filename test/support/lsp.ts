/** A minimal Language Server Protocol client over stdio, enough to open files and read diagnostics. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export interface LspDiagnostic {
  range: { start: { line: number; character: number } };
  message: string;
  severity?: number;
}

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();
  private readonly diagnostics = new Map<string, LspDiagnostic[]>();
  private readonly waiters: { uri: string; resolve: (d: LspDiagnostic[]) => void }[] = [];

  constructor(command: string, args: string[], private readonly settings: unknown) {
    this.child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as {
        id?: number;
        method?: string;
        params?: { uri: string; diagnostics: LspDiagnostic[] };
        result?: unknown;
      };
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.handle(message);
    }
  }

  private handle(message: { id?: number; method?: string; params?: { uri: string; diagnostics: LspDiagnostic[] }; result?: unknown }): void {
    if (message.method === 'textDocument/publishDiagnostics' && message.params) {
      this.diagnostics.set(message.params.uri, message.params.diagnostics);
      for (const waiter of this.waiters.filter((w) => w.uri === message.params!.uri)) waiter.resolve(message.params.diagnostics);
    } else if (message.method && message.id !== undefined) {
      // A request from the server (workspace/configuration, client/registerCapability …).
      const result = message.method === 'workspace/configuration' ? [this.settings] : null;
      this.send({ id: message.id, result });
    } else if (message.id !== undefined) {
      this.pending.get(message.id)?.(message.result);
    }
  }

  request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  /** Open a document and wait for its (first) diagnostics. */
  open(uri: string, text: string, timeoutMs = 15_000): Promise<LspDiagnostic[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}`)), timeoutMs);
      this.waiters.push({ uri, resolve: (d) => (clearTimeout(timer), resolve(d)) });
      this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    });
  }

  close(): void {
    this.child.kill();
  }
}
