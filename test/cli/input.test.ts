// The CLI refuses bad text with the same clear message as the HTTP API and MCP (src/core/text-input.ts), before it
// opens or loads a database: a control character in a question or report topic, an over-long question. (A NUL
// cannot be passed in a command-line argument at all: the OS ends the argument there.)
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from '../../src/core/text-input.ts';
import { repoRoot } from '../helpers/db.ts';

const run = promisify(execFile);
let home: string;

async function fincite(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, FINCITE_HOME: home, FINCITE_OFFLINE: '1', LANG: 'en_US.UTF-8' };
  delete (env as Record<string, string | undefined>).DATABASE_URL;
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(repoRoot, 'bin/fincite.js'), ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(() => {
  home = mkdtempSync(path.join(tmpdir(), 'fincite-cli-input-'));
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('CLI input errors', () => {
  it('a control character in a question: exit 1, the character named, nothing opened', async () => {
    const r = await fincite(['--lang', 'en', 'ask', 'WALCL\u0001 latest']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('The question contains a character that is not allowed: character 6 is a control character (U+0001). Remove it and try again.');
    expect(r.stdout).toBe('');
    // refused before the database: the home directory is still empty
    expect(existsSync(home) ? readdirSync(home) : []).toEqual([]);
  }, 60_000);

  it('an over-long question and a bad report topic, in Chinese', async () => {
    const long = await fincite(['--lang', 'zh', 'ask', '问'.repeat(TEXT_LIMITS.question + 1)]);
    expect(long.code).toBe(1);
    expect(long.stderr.trim()).toBe(`问题过长：${TEXT_LIMITS.question + 1} 个字符，上限为 ${TEXT_LIMITS.question} 个字符。`);
    const topic = await fincite(['--lang', 'zh', 'report', '缩表\u001b']);
    expect(topic.code).toBe(1);
    expect(topic.stderr.trim()).toBe('报告主题包含不允许的字符：第 3 个字符是控制字符（U+001B）。请删除后重试。');
  }, 60_000);
});
