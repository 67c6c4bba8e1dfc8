/**
 * The small error taxonomy of the CLI. A UserError is a problem with input or usage and is
 * shown as one line; anything else is a bug, shown as "internal error" (stack with --debug).
 */
export type ExitCode = 0 | 1 | 2;

export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = 2,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
