/**
 * A mistake the user can fix (bad usage, unreadable input, broken profile). main prints it without a
 * stack trace, Chinese first and English after, and exits with `exitCode` (2 unless said otherwise).
 */
export class UserError extends Error {
  constructor(
    /** Chinese, for people: what is wrong and what to do. */
    readonly zh: string,
    /** English, for logs. */
    readonly en: string,
    readonly exitCode = 2,
  ) {
    super(en);
    this.name = 'UserError';
  }
}

/** The text printed for a user error. */
export function formatUserError(e: UserError): string {
  return `错误：${e.zh}\nError: ${e.en}\n`;
}
