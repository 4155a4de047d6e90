// A configured model as a Vercel AI SDK LanguageModel. OpenAI-compatible endpoints (DeepSeek, Qwen/DashScope,
// Moonshot, Ollama, vLLM, LM Studio) are called with the chat-completions protocol, which they all speak.
import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import type { LlmConfig } from './config.ts';

export function languageModel(c: LlmConfig, model = c.model): LanguageModel {
  switch (c.provider) {
    case 'openai':
      return createOpenAI({ ...(c.apiKey ? { apiKey: c.apiKey } : {}), ...(c.baseURL ? { baseURL: c.baseURL } : {}) })(model);
    case 'anthropic':
      return createAnthropic({ ...(c.apiKey ? { apiKey: c.apiKey } : {}), ...(c.baseURL ? { baseURL: c.baseURL } : {}) })(model);
    case 'openai-compatible':
      return createOpenAICompatible({ name: 'compatible', baseURL: c.baseURL!, ...(c.apiKey ? { apiKey: c.apiKey } : {}), includeUsage: true }).chatModel(model);
  }
}
