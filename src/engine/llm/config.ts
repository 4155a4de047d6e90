// Which language model (if any) answers: from the environment, or the `llm` object of $FINCITE_HOME/config.json
// (the environment wins). No provider configured → the deterministic engine. The API key is kept out of every
// message and log line (`describeLlm` shows the provider, model and base URL only).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { FinciteError } from '../../core/errors.ts';

export const PROVIDERS = ['openai', 'anthropic', 'openai-compatible'] as const;
export type LlmProvider = (typeof PROVIDERS)[number];

export interface LlmConfig {
  provider: LlmProvider;
  model: string;
  apiKey?: string;
  baseURL?: string;
  /** Tried once when the primary model fails after its retries. */
  fallbackModel?: string;
  /** Most model↔tool rounds for one answer (the repair round has its own, smaller budget). */
  maxSteps: number;
  /** Retries of a transient error (429, 5xx, network) per model call. */
  maxRetries: number;
  timeoutMs: number;
}

const FileSchema = z
  .object({
    llm: z
      .object({
        provider: z.enum(PROVIDERS),
        model: z.string().min(1),
        apiKey: z.string().min(1).optional(),
        baseURL: z.string().url().optional(),
        fallbackModel: z.string().min(1).optional(),
        maxSteps: z.number().int().min(1).max(20).optional(),
        maxRetries: z.number().int().min(0).max(5).optional(),
        timeoutMs: z.number().int().min(1000).max(600_000).optional(),
      })
      .optional(),
  })
  .passthrough();

const EnvSchema = z.object({
  FINCITE_LLM_PROVIDER: z.enum(PROVIDERS).optional(),
  FINCITE_LLM_MODEL: z.string().min(1).optional(),
  FINCITE_LLM_API_KEY: z.string().min(1).optional(),
  FINCITE_LLM_BASE_URL: z.string().url().optional(),
  FINCITE_LLM_FALLBACK_MODEL: z.string().min(1).optional(),
  FINCITE_LLM_MAX_STEPS: z.coerce.number().int().min(1).max(20).optional(),
  FINCITE_LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(5).optional(),
  FINCITE_LLM_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).optional(),
});

function bad(en: string, zh: string): FinciteError {
  return new FinciteError('llm_config', { en, zh });
}

/** The model configuration, or null for the deterministic engine. Throws on a half-finished configuration. */
export function loadLlmConfig(env: NodeJS.ProcessEnv, home: string): LlmConfig | null {
  const e = EnvSchema.safeParse(env);
  if (!e.success) {
    const issue = e.error.issues[0];
    throw bad(`Invalid ${String(issue?.path[0])}: ${issue?.message}`, `环境变量 ${String(issue?.path[0])} 无效:${issue?.message}`);
  }
  const file = path.join(home, 'config.json');
  let fromFile: z.infer<typeof FileSchema>['llm'];
  if (existsSync(file)) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      throw bad(`${file} is not valid JSON`, `${file} 不是有效的 JSON`);
    }
    const parsed = FileSchema.safeParse(raw);
    if (!parsed.success) throw bad(`${file}: invalid "llm" settings (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`, `${file} 中的 llm 设置无效`);
    fromFile = parsed.data.llm;
  }
  const v = e.data;
  const provider = v.FINCITE_LLM_PROVIDER ?? fromFile?.provider;
  if (!provider) return null;
  const model = v.FINCITE_LLM_MODEL ?? fromFile?.model;
  if (!model) throw bad('FINCITE_LLM_PROVIDER is set but FINCITE_LLM_MODEL is not: name the model.', '已设置 FINCITE_LLM_PROVIDER,但未设置 FINCITE_LLM_MODEL。');
  const baseURL = v.FINCITE_LLM_BASE_URL ?? fromFile?.baseURL;
  if (provider === 'openai-compatible' && !baseURL) throw bad('An openai-compatible provider needs FINCITE_LLM_BASE_URL (e.g. https://api.deepseek.com/v1).', 'openai-compatible 需要 FINCITE_LLM_BASE_URL(例如 https://api.deepseek.com/v1)。');
  const apiKey = v.FINCITE_LLM_API_KEY ?? fromFile?.apiKey;
  const fallbackModel = v.FINCITE_LLM_FALLBACK_MODEL ?? fromFile?.fallbackModel;
  return {
    provider,
    model,
    ...(apiKey ? { apiKey } : {}),
    ...(baseURL ? { baseURL } : {}),
    ...(fallbackModel ? { fallbackModel } : {}),
    maxSteps: v.FINCITE_LLM_MAX_STEPS ?? fromFile?.maxSteps ?? 8,
    maxRetries: v.FINCITE_LLM_MAX_RETRIES ?? fromFile?.maxRetries ?? 2,
    timeoutMs: v.FINCITE_LLM_TIMEOUT_MS ?? fromFile?.timeoutMs ?? 60_000,
  };
}

/** For logs and status lines: never the key. */
export function describeLlm(c: LlmConfig | null): string {
  if (!c) return 'deterministic';
  return `${c.provider}:${c.model}${c.baseURL ? ` @ ${c.baseURL}` : ''}${c.fallbackModel ? ` (fallback ${c.fallbackModel})` : ''}`;
}
