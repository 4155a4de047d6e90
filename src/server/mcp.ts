// MCP server (/mcp over Streamable HTTP; `fincite mcp` over stdio) — being written.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from './app.ts';
import type { AppEnv } from './context.ts';

export function registerMcp(_app: OpenAPIHono<AppEnv>, _deps: AppDeps): void {}
