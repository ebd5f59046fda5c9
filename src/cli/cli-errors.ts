/** An error the user can fix (bad argument, missing file); printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
