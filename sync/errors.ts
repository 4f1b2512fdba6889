/** What AWS said, in a form we can store and match on. */
export interface AwsErrorInfo {
  code: string;
  message: string;
  httpStatus?: number;
}

export function describeAwsError(error: unknown): AwsErrorInfo {
  if (error && typeof error === 'object') {
    const e = error as { name?: string; Code?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
    const httpStatus = e.$metadata?.httpStatusCode;
    // A call limit that ran out (connect or request timeout) is named TimeoutError whatever its errno code.
    let code = e.name === 'TimeoutError' ? 'TimeoutError' : (e.Code ?? e.code ?? e.name ?? 'Error');
    // The SDK names an error it could not parse after the HTTP status ("UnknownError", or the bare class name).
    if ((code === 'UnknownError' || code === 'Error') && httpStatus) code = `HTTP${httpStatus}`;
    const message = (e.message && e.message !== 'UnknownError' ? e.message : '') || (httpStatus ? `HTTP ${httpStatus}` : String(error));
    return { code, message: message.slice(0, 2000), ...(httpStatus ? { httpStatus } : {}) };
  }
  return { code: 'Error', message: String(error) };
}

/** True when AWS answered with one of `codes` — the "not configured" answers that are facts, not failures. */
export function isAwsError(error: unknown, ...codes: string[]): boolean {
  const { code } = describeAwsError(error);
  return codes.includes(code);
}

/** A sync could not run at all (no credentials, bad arguments): the CLI exits 2 with this message. */
export class SyncSetupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SyncSetupError';
  }
}
