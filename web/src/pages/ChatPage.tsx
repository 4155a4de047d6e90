// Chat (/ and /c/:id): a thread of question → answer turns. Each question streams from /api/ask; for a
// signed-in user the server saves the thread and names it, and the URL follows (/c/:id) without reloading it.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Answer } from '../../../src/core/answer.ts';
import { api, ApiError, askStream, type AskEvent, type AskStage, type AskStep, type Conversation } from '../api.ts';
import { Alert, errorText } from '../components/Alert.tsx';
import { AnswerView } from '../components/AnswerView.tsx';
import { Composer } from '../components/Composer.tsx';
import { AskProgress } from '../components/Progress.tsx';
import { EXAMPLES, useI18n } from '../i18n.ts';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';

interface Turn {
  key: string;
  question: string;
  stage: AskStage;
  numbers?: number;
  /** Who is answering: 'deterministic' or '<provider>:<model>' (a fallback model replaces the first). */
  engine?: string;
  /** LLM mode: model calls, tool calls, verification and repair, in order. */
  steps: AskStep[];
  answer?: Answer;
  error?: { message: string; signIn: boolean };
}

let turnCounter = 0;

/** A progress event's effect on its turn: the stage shown, the engine, the steps listed. */
function progress(turn: Turn, p: AskEvent): Partial<Turn> {
  switch (p.stage) {
    case 'understanding':
      return { stage: 'understanding', ...(p.engine ? { engine: p.engine } : {}) };
    case 'computing':
      return { stage: 'computing' };
    case 'model': {
      // the engine id is '<provider>:<model>'; a fallback model keeps the provider
      const provider = turn.engine && turn.engine !== 'deterministic' && turn.engine.includes(':') ? turn.engine.slice(0, turn.engine.indexOf(':')) : 'model';
      return { stage: 'computing', engine: `${provider}:${p.model}`, steps: [...turn.steps, p] };
    }
    case 'tool':
      return { stage: 'computing', steps: [...turn.steps, p] };
    case 'verifying':
    case 'repair':
      return { stage: 'verifying', steps: [...turn.steps, p] };
    case 'verified':
      return { stage: 'verified', ...(p.numbers !== undefined ? { numbers: p.numbers } : {}) };
  }
}

interface Props {
  conversationId?: string;
  /** The navigation key: a new one on the same URL (New chat on /) starts over. */
  navKey: string;
}

export function ChatPage({ conversationId: routeId, navKey }: Props) {
  const { t, lang } = useI18n();
  const { me, refreshMe, refreshConversations } = useSession();
  const [turns, setTurns] = useState<Turn[]>([]);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const conversation = useRef<string | undefined>(undefined);
  /** A conversation id the server gave the thread on screen, which the URL is about to show. */
  const adopted = useRef<string | undefined>(undefined);
  const inflight = useRef<AbortController | null>(null);
  const lastTurn = useRef<HTMLDivElement>(null);
  const busy = turns.some((turn) => !turn.answer && !turn.error);

  // Load the thread the URL names, unless the URL only caught up with the thread on screen (after `saved`).
  useEffect(() => {
    if (routeId && routeId === adopted.current) {
      adopted.current = undefined;
      return;
    }
    inflight.current?.abort();
    conversation.current = routeId;
    setTurns([]);
    setLoadError(null);
    setLoading(Boolean(routeId));
    if (!routeId) return;
    const ctrl = new AbortController();
    api<Conversation>(`/api/conversations/${encodeURIComponent(routeId)}`, { signal: ctrl.signal })
      .then((c) => setTurns(c.messages.map((m) => ({ key: m.id, question: m.question, stage: 'verified', steps: [], answer: m.answer }))))
      .catch((err: unknown) => {
        if (ctrl.signal.aborted) return;
        setLoadError(err instanceof ApiError && err.status === 404 ? t('chat.notFound') : errorText(err, t));
      })
      .finally(() => {
        if (!ctrl.signal.aborted) setLoading(false);
      });
    return () => ctrl.abort();
    // t is deliberately left out: switching language must not reload the thread
  }, [routeId, navKey]);

  useEffect(() => () => inflight.current?.abort(), []);

  const update = (key: string, patch: Partial<Turn> | ((turn: Turn) => Partial<Turn>)) =>
    setTurns((ts) => ts.map((turn) => (turn.key === key ? { ...turn, ...(typeof patch === 'function' ? patch(turn) : patch) } : turn)));


  const ask = useCallback(
    async (question: string) => {
      const key = `local-${++turnCounter}`;
      setTurns((ts) => [...ts, { key, question, stage: 'understanding', steps: [] }]);
      requestAnimationFrame(() => lastTurn.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
      const ctrl = new AbortController();
      inflight.current = ctrl;
      try {
        await askStream(
          { question, lang, ...(conversation.current ? { conversationId: conversation.current } : {}) },
          {
            onProgress: (p) => update(key, (turn) => progress(turn, p)),
            onAnswer: (answer) => update(key, { answer }),
            onSaved: ({ conversationId }) => {
              if (conversation.current !== conversationId) {
                conversation.current = conversationId;
                adopted.current = conversationId;
                navigate(`/c/${encodeURIComponent(conversationId)}`, { replace: true });
              }
              void refreshConversations();
            },
          },
          ctrl.signal,
        );
      } catch (err) {
        if (ctrl.signal.aborted) return;
        const signIn = err instanceof ApiError && err.code === 'quota_exceeded';
        update(key, { error: { message: errorText(err, t), signIn } });
      } finally {
        if (inflight.current === ctrl) inflight.current = null;
        // the signed-out quota shown in the sidebar went down by one
        if (!me?.user && !ctrl.signal.aborted) void refreshMe();
      }
    },
    [lang, t, me, refreshMe, refreshConversations],
  );

  const submit = (question: string) => {
    if (!busy) void ask(question);
  };

  const empty = !routeId && turns.length === 0;
  return (
    <div className="chat">
      <div className="thread">
        {empty && (
          <section className="hero">
            <h1>{t('chat.heroTitle')}</h1>
            <p className="lead">{t('chat.heroLead')}</p>
            <h2 className="section-label">{t('chat.examplesTitle')}</h2>
            <div className="examples">
              {EXAMPLES[lang].map((q) => (
                <button key={q} type="button" className="example" data-testid="example-question" onClick={() => submit(q)}>
                  <span>{q}</span>
                  <svg viewBox="0 0 16 16" aria-hidden="true">
                    <path d="M3 8h9M8.5 4.5L12 8l-3.5 3.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
                  </svg>
                </button>
              ))}
            </div>
          </section>
        )}
        {loading && <p className="muted center pad">{t('chat.loading')}</p>}
        {loadError && <Alert>{loadError}</Alert>}
        {turns.map((turn, i) => (
          <div key={turn.key} className="turn" ref={i === turns.length - 1 ? lastTurn : undefined}>
            <div className="question">
              <span className="question-label">{t('chat.you')}</span>
              <p>{turn.question}</p>
            </div>
            {turn.answer && <AnswerView answer={turn.answer} steps={turn.steps} onAsk={submit} />}
            {!turn.answer && !turn.error && (
              <AskProgress
                stage={turn.stage}
                steps={turn.steps}
                {...(turn.numbers !== undefined ? { numbers: turn.numbers } : {})}
                {...(turn.engine ? { engine: turn.engine } : {})}
              />
            )}
            {turn.error && (
              <Alert>
                {turn.error.message}
                {turn.error.signIn && (
                  <>
                    {' '}
                    <Link href="/login" className="alert-link">
                      {t('chat.quotaSignIn')}
                    </Link>
                  </>
                )}
              </Alert>
            )}
          </div>
        ))}
      </div>
      <div className="composer-dock">
        <Composer busy={busy} onSubmit={submit} />
      </div>
    </div>
  );
}
