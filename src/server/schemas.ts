// Response shapes shared by the routes, for the OpenAPI document.
import { z } from '@hono/zod-openapi';

export const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) }).openapi('Error');

export const AnswerSchema = z
  .object({
    question: z.string(),
    language: z.enum(['zh', 'en']),
    text: z.string(),
    facts: z.array(z.any()),
    sources: z.array(z.any()),
    charts: z.array(z.any()),
    verification: z.object({ numbers: z.number(), supported: z.number(), unsupported: z.array(z.object({ text: z.string(), reason: z.string() })) }),
    unanswerable: z.object({ reason: z.string(), suggestions: z.array(z.string()) }).optional(),
    engine: z.string().optional(),
    dataAsOf: z.string().optional(),
    understood: z.string().optional(),
    numbers: z
      .array(z.object({ text: z.string(), kind: z.enum(['fact', 'table', 'passage', 'number', 'derivation']), factIds: z.array(z.string()), expression: z.string().optional() }))
      .optional()
      .openapi({ description: 'Every number of `text` the verifier bound to evidence, in reading order, with the facts it rests on' }),
    context: z
      .object({ standalone: z.string(), inherited: z.array(z.enum(['subject', 'measure', 'time'])), previous: z.string() })
      .optional()
      .openapi({ description: 'A follow-up: the standalone question it was read as and what it took from the previous turn' }),
  })
  .openapi('Answer');

export const Ok = z.object({ ok: z.literal(true) }).openapi('Ok');

export const IdParam = z.object({ id: z.string().uuid() });

export const errors = (codes: Array<400 | 401 | 404 | 409 | 429>, what = 'Error') =>
  Object.fromEntries(codes.map((code) => [code, { description: what, content: { 'application/json': { schema: ErrorBody } } }])) as Record<number, { description: string; content: { 'application/json': { schema: typeof ErrorBody } } }>;
