/** Log lines for job runners: plain `time level message key=value` text, or one JSON object per line. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export function createLogger(options: { json?: boolean; stream?: NodeJS.WritableStream } = {}): Logger {
  const stream = options.stream ?? process.stderr;
  const write = (level: string, message: string, fields: Record<string, unknown> = {}) => {
    const time = new Date().toISOString();
    if (options.json) {
      stream.write(`${JSON.stringify({ time, level, msg: message, ...fields })}\n`);
      return;
    }
    const kv = Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${typeof v === 'string' && !/\s/.test(v) ? v : JSON.stringify(v)}`)
      .join(' ');
    stream.write(`${time} ${level.toUpperCase().padEnd(5)} ${message}${kv ? ` ${kv}` : ''}\n`);
  };
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}
