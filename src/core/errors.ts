/**
 * The one error taxonomy. A UserError is a problem with what the user gave or asked for: the
 * CLI's entry point (src/cli/main.ts) alone turns it into one line on stderr and its exit code.
 * Anything else that is thrown is a bug, shown as "internal error" (the stack with --debug).
 * The domain throws these too, so that no command has to translate one error into another.
 *
 *   UsageError         a wrong option, argument or combination of them           exit 2
 *   FileError          a file that cannot be read or written                     exit 2
 *   ConflictError      a file changed elsewhere or locked by another kader       exit 2
 *   InvalidInputError  input that was read but is not valid (a finding)          exit 1
 *
 * This module imports nothing: src/cli/main.ts loads it at start-up.
 */
export type ExitCode = 0 | 1 | 2;

export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = 2,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UsageError extends UserError {
  constructor(message: string) {
    super(message, 2);
  }
}

export class FileError extends UserError {
  constructor(message: string) {
    super(message, 2);
  }
}

export class ConflictError extends FileError {}

export class InvalidInputError extends UserError {
  constructor(message: string) {
    super(message, 1);
  }
}
