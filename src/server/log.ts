// What the server writes to its log about a failure. By default one line per failure — where it happened, the
// error's class and code — with no question or answer text and no stack: a user's words are theirs, and a stack at
// the default level is noise that also leaks code paths. FINCITE_LOG_LEVEL=debug adds the stack, and
// FINCITE_LOG_CONTENT=1 adds the error's message (which may quote what the user sent).

export interface LogSettings {
  debug: boolean;
  content: boolean;
}

export function logSettings(env: NodeJS.ProcessEnv = process.env): LogSettings {
  return { debug: (env.FINCITE_LOG_LEVEL ?? '').toLowerCase() === 'debug', content: /^(?:1|true|yes)$/i.test(env.FINCITE_LOG_CONTENT ?? '') };
}

/** The log line of a failure (exported for tests). */
export function failureLine(where: string, err: unknown, settings: LogSettings = logSettings()): string {
  const e = err instanceof Error ? err : new Error(String(err));
  const code = (e as { code?: unknown }).code;
  const parts = [`[fincite] ${new Date().toISOString()} error in ${where}: ${e.name}${typeof code === 'string' || typeof code === 'number' ? ` (${code})` : ''}`];
  if (settings.content) parts.push(`: ${e.message.slice(0, 500)}`);
  if (settings.debug && e.stack) parts.push(`\n${e.stack}`);
  return parts.join('');
}

export function logFailure(where: string, err: unknown): void {
  console.error(failureLine(where, err));
}
