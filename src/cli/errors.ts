/** The CLI's errors are the one taxonomy of src/core/errors.ts; this name stays for the commands' imports. */
export { ConflictError, FileError, InvalidInputError, UsageError, UserError, type ExitCode } from '../core/errors.js';
