// Chat (/ and /c/:id): a thread of question → answer turns. Each question streams from /api/ask with the thread's
// earlier questions (a follow-up inherits what it omits); for a signed-in user the server saves the thread and
// names it, and the URL follows (/c/:id) without reloading it. The answer's language follows the question unless
// the user chose one in the composer. A failed turn keeps its question and offers Retry (in place) or Edit (the
// question goes back into the box). `/?q=…` asks a question on arrival (the 404 page's examples use it).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Answer, AnswerContext } from '../../../src/core/answer.ts';
import { api, ApiError, askStream, MAX_HISTORY, type AskEvent, type AskStage, type AskStep, type Conversation } from '../api.ts';
import { Alert, errorText } from '../components/Alert.tsx';
import { AnswerView } from '../components/AnswerView.tsx';
import { Composer, useAnswerLang } from '../components/Composer.tsx';
import { AskProgress } from '../components/Progress.tsx';
import { EXAMPLES, useI18n, type MessageKey, type Translate } from '../i18n.ts';
import { Link, navigate, useLocation } from '../router.tsx';
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
  /**
   * signIn: the signed-out quota is spent (retrying today cannot help; signing in does). retryAt: the per-minute
   * limit's Retry-After, as a time (Retry waits for it).
   */
  error?: { message: string; signIn: boolean; retryAt?: number };
}

let turnCounter = 0;

/** The questions a turn's follow-up may build on: the answered turns before it, oldest first, at most MAX_HISTORY. */
function historyBefore(turns: Turn[], index: number): string[] {
  return turns
    .slice(0, index)
    .filter((turn) => turn.answer && !turn.error)
    .map((turn) => turn.question)
    .slice(-MAX_HISTORY);
}

const INHERITED: Record<AnswerContext['inherited'][number], MessageKey> = {
  subject: 'chat.inherited.subject',
  measure: 'chat.inherited.measure',
  time: 'chat.inherited.time',
};

/** "承接上一问：沿用主体、时间" / "Follow-up: kept the subject and the period from the previous question". */
function contextNote(context: AnswerContext | undefined, t: Translate, lang: 'zh' | 'en'): string | null {
  const parts = [...new Set(context?.inherited ?? [])].map((p) => t(INHERITED[p]));
  if (!parts.length) return null;
  const list = lang === 'zh' ? parts.join('、') : parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return t('chat.followUp', { parts: list });
}

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

/** Retry, or after a 429 with Retry-After a countdown until retrying can work ("12 秒后可重试"). */
function RetryButton({ at, disabled, onRetry }: { at?: number; disabled: boolean; onRetry: () => void }) {
  const { t } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  const wait = at ? Math.ceil((at - now) / 1000) : 0;
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setNow(Date.now()), 1000);
    return () => clearTimeout(timer);
  }, [wait, now]);
  return (
    <button type="button" className="btn btn-primary btn-sm" data-testid="turn-retry" disabled={disabled || wait > 0} onClick={onRetry}>
      {wait > 0 ? t('chat.retryIn', { s: wait }) : t('common.retry')}
    </button>
  );
}

interface Props {
  conversationId?: string;
  /** The navigation key: a new one on the same URL (New chat on /) starts over. */
  navKey: string;
}

export function ChatPage({ conversationId: routeId, navKey }: Props) {
  const { t, lang } = useI18n();
  const { me, refreshMe, refreshConversations } = useSession();
  const location = useLocation();
  const [turns, setTurns] = useState<Turn[]>([]);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [answerLang, setAnswerLang] = useAnswerLang();
  const [draft, setDraft] = useState<{ text: string; key: number } | undefined>(undefined);
  const conversation = useRef<string | undefined>(undefined);
  /** A conversation id the server gave the thread on screen, which the URL is about to show. */
  const adopted = useRef<string | undefined>(undefined);
  const inflight = useRef<AbortController | null>(null);
  const lastTurn = useRef<HTMLDivElement>(null);
  /** The turns as last rendered, for building a question's history inside callbacks. */
  const turnsRef = useRef<Turn[]>(turns);
  turnsRef.current = turns;
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

  /** Stream the answer of the turn `key` (new, or being retried in place). */
  const run = useCallback(
    async (key: string, question: string, history: string[]) => {
      const ctrl = new AbortController();
      inflight.current = ctrl;
      try {
        await askStream(
          {
            question,
            ...(answerLang !== 'auto' ? { lang: answerLang } : {}),
            ...(conversation.current ? { conversationId: conversation.current } : {}),
            ...(history.length ? { history } : {}),
          },
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
        const retryAt = err instanceof ApiError && !signIn && err.retryAfter ? Date.now() + err.retryAfter * 1000 : undefined;
        update(key, { error: { message: errorText(err, t), signIn, ...(retryAt ? { retryAt } : {}) } });
      } finally {
        if (inflight.current === ctrl) inflight.current = null;
        // the signed-out quota shown in the sidebar went down by one
        if (!me?.user && !ctrl.signal.aborted) void refreshMe();
      }
    },
    [answerLang, t, me, refreshMe, refreshConversations],
  );

  const ask = useCallback(
    (question: string) => {
      const key = `local-${++turnCounter}`;
      const history = historyBefore(turnsRef.current, turnsRef.current.length);
      setTurns((ts) => [...ts, { key, question, stage: 'understanding', steps: [] }]);
      requestAnimationFrame(() => lastTurn.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
      void run(key, question, history);
    },
    [run],
  );

  const submit = (question: string) => {
    if (!busy) ask(question);
  };

  /** Ask a failed turn's question again, in its place. */
  const retry = (key: string) => {
    if (busy) return;
    const index = turnsRef.current.findIndex((turn) => turn.key === key);
    const turn = turnsRef.current[index];
    if (!turn) return;
    update(key, { error: undefined, answer: undefined, stage: 'understanding', steps: [], numbers: undefined });
    void run(key, turn.question, historyBefore(turnsRef.current, index));
  };

  /** Drop a failed turn and put its question back into the box to edit. */
  const edit = (key: string) => {
    const turn = turnsRef.current.find((tn) => tn.key === key);
    if (!turn) return;
    setTurns((ts) => ts.filter((tn) => tn.key !== key));
    setDraft({ text: turn.question, key: Date.now() });
  };

  // /?q=… asks the question once on arrival, and the URL goes back to /
  const asked = useRef<string | null>(null);
  useEffect(() => {
    if (routeId) return;
    const q = new URLSearchParams(location.search).get('q')?.trim();
    if (!q || asked.current === location.key) return;
    asked.current = location.key;
    // the address bar drops ?q= without a navigation (a new navigation key would start the chat over)
    window.history.replaceState(window.history.state, '', '/');
    ask(q.slice(0, 500));
  }, [routeId, location.key, location.search, ask]);

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
        {turns.map((turn, i) => {
          const note = contextNote(turn.answer?.context, t, lang);
          return (
            <div key={turn.key} className="turn" data-testid="turn" ref={i === turns.length - 1 ? lastTurn : undefined}>
              <div className="question">
                <span className="question-label">{t('chat.you')}</span>
                <p data-testid="turn-question">{turn.question}</p>
                {note && (
                  <p className="follow-up-note" data-testid="follow-up-note">
                    {note}
                  </p>
                )}
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
                <div data-testid="turn-error">
                  <Alert>
                    {turn.error.message}
                    <span className="alert-actions">
                      {turn.error.signIn ? (
                        <Link href="/login" className="btn btn-primary btn-sm" data-testid="quota-sign-in">
                          {t('chat.quotaSignIn')}
                        </Link>
                      ) : (
                        <RetryButton disabled={busy} {...(turn.error.retryAt ? { at: turn.error.retryAt } : {})} onRetry={() => retry(turn.key)} />
                      )}
                      <button type="button" className="btn btn-secondary btn-sm" data-testid="turn-edit" onClick={() => edit(turn.key)}>
                        {t('chat.editQuestion')}
                      </button>
                    </span>
                  </Alert>
                </div>
              )}
            </div>
          );
        })}
      </div>
      <div className="composer-dock">
        <Composer busy={busy} onSubmit={submit} answerLang={answerLang} onAnswerLang={setAnswerLang} {...(draft ? { draft } : {})} />
      </div>
    </div>
  );
}
