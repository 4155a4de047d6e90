// The signed-in user (or the signed-out quota) and the user's conversations.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { ServerSettings } from '../../config.ts';
import * as state from '../../store/app-state.ts';
import type { Database } from '../../store/db.ts';
import { requireUser, type AppEnv } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { AnswerSchema, errors, IdParam, Ok } from '../schemas.ts';
import { quotaStatus } from './ask.ts';
import type { Limits } from '../limits.ts';

const CONVERSATION = { zh: '对话', en: 'conversation' };

const meRoute = createRoute({
  method: 'get',
  path: '/api/me',
  summary: 'The signed-in user, or null and the remaining daily quota of a signed-out visitor',
  responses: {
    200: {
      description: 'Who is asking',
      content: {
        'application/json': {
          schema: z.object({ user: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(), quota: z.object({ limit: z.number(), remaining: z.number() }).nullable() }),
        },
      },
    },
  },
});
const listRoute = createRoute({
  method: 'get',
  path: '/api/conversations',
  summary: "The signed-in user's conversations, most recent first",
  responses: { 200: { description: 'Conversations', content: { 'application/json': { schema: z.array(z.object({ id: z.string(), title: z.string(), updatedAt: z.string(), messages: z.number() })) } } }, ...errors([401]) },
});
const getRoute = createRoute({
  method: 'get',
  path: '/api/conversations/{id}',
  summary: 'One conversation with its questions and answers',
  request: { params: IdParam },
  responses: {
    200: { description: 'The conversation', content: { 'application/json': { schema: z.object({ id: z.string(), title: z.string(), messages: z.array(z.object({ id: z.string(), question: z.string(), answer: AnswerSchema, createdAt: z.string() })) }) } } },
    ...errors([400, 401, 404]),
  },
});
const deleteRoute = createRoute({
  method: 'delete',
  path: '/api/conversations/{id}',
  summary: 'Delete one of the user’s conversations',
  request: { params: IdParam },
  responses: { 200: { description: 'Deleted', content: { 'application/json': { schema: Ok } } }, ...errors([400, 401, 404]) },
});

export function registerAccount(app: OpenAPIHono<AppEnv>, deps: { db: Database; settings: ServerSettings; limits?: Limits }): void {
  const { db, settings, limits } = deps;
  app.openapi(meRoute, async (c) => {
    const user = c.get('user');
    return c.json({ user, quota: user ? null : await quotaStatus(db, settings, c.get('ip'), limits) }, 200);
  });
  app.openapi(listRoute, async (c) => c.json(await state.listConversations(db, requireUser(c).id), 200));
  app.openapi(getRoute, async (c) => {
    const conv = await state.getConversation<z.infer<typeof AnswerSchema>>(db, requireUser(c).id, c.req.valid('param').id);
    if (!conv) throw new NotFoundError(CONVERSATION);
    return c.json(conv, 200);
  });
  app.openapi(deleteRoute, async (c) => {
    if (!(await state.deleteConversation(db, requireUser(c).id, c.req.valid('param').id))) throw new NotFoundError(CONVERSATION);
    return c.json({ ok: true as const }, 200);
  });
}
