// The question box: Enter asks, Shift+Enter starts a new line, and Enter while an IME is composing (typing
// Chinese with pinyin) only confirms the characters. Its bar holds the answer-language choice: by default the
// answer follows the question's language (the UI language only sets the chrome).
import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useI18n, type Lang } from '../i18n.ts';

/** The API's limit (MAX_QUESTION_LENGTH in src/engine/engine.ts, which cannot be imported in a browser). */
export const MAX_QUESTION = 500;

// on a phone, focusing the box on load would throw up the keyboard over the examples
const NARROW = window.matchMedia('(max-width: 600px)');

/** The answer's language: 'auto' follows the question (no `lang` is sent), or one chosen explicitly. */
export type AnswerLang = 'auto' | Lang;

const ANSWER_LANG_KEY = 'fincite.answerLang';

function savedAnswerLang(): AnswerLang {
  try {
    const v = localStorage.getItem(ANSWER_LANG_KEY);
    if (v === 'zh' || v === 'en') return v;
  } catch {
    // storage can be unavailable (privacy mode): automatic
  }
  return 'auto';
}

/** The answer-language choice, kept in localStorage. */
export function useAnswerLang(): [AnswerLang, (v: AnswerLang) => void] {
  const [value, setValue] = useState<AnswerLang>(savedAnswerLang);
  const set = useCallback((v: AnswerLang) => {
    setValue(v);
    try {
      if (v === 'auto') localStorage.removeItem(ANSWER_LANG_KEY);
      else localStorage.setItem(ANSWER_LANG_KEY, v);
    } catch {
      // see savedAnswerLang
    }
  }, []);
  return [value, set];
}

interface Props {
  busy: boolean;
  onSubmit: (question: string) => void;
  answerLang: AnswerLang;
  onAnswerLang: (v: AnswerLang) => void;
  /** Text to put back into the box (a removed turn's question); a new `key` puts it again. */
  draft?: { text: string; key: number };
}

export function Composer({ busy, onSubmit, answerLang, onAnswerLang, draft }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (!draft) return;
    setText(draft.text);
    const el = box.current;
    if (el) {
      el.focus();
      el.setSelectionRange(draft.text.length, draft.text.length);
    }
  }, [draft]);

  // grow with the text up to a few lines, then scroll
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, 200)}px`;
  }, [text]);

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const q = text.trim();
    if (!q || busy) return;
    onSubmit(q);
    setText('');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  };

  const near = text.length > MAX_QUESTION * 0.8;
  return (
    <form className="composer" onSubmit={submit}>
      <label htmlFor="question" className="sr-only">
        {t('chat.inputLabel')}
      </label>
      <textarea
        id="question"
        ref={box}
        data-testid="question-input"
        rows={1}
        value={text}
        maxLength={MAX_QUESTION}
        placeholder={t('chat.placeholder')}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby="composer-hint"
        autoFocus={!NARROW.matches}
      />
      <div className="composer-bar">
        <span id="composer-hint" className="composer-hint">
          {near ? t('chat.tooLong', { max: MAX_QUESTION }) + ` ${text.length}/${MAX_QUESTION}` : t('chat.hint')}
        </span>
        <span className="answer-lang">
          <label htmlFor="answer-lang">{t('chat.answerLang')}</label>
          <select id="answer-lang" data-testid="answer-lang" value={answerLang} onChange={(e) => onAnswerLang(e.target.value as AnswerLang)}>
            <option value="auto">{t('chat.answerLangAuto')}</option>
            {/* each language names itself, as language menus do */}
            <option value="zh" lang="zh-CN">
              中文
            </option>
            <option value="en" lang="en">
              English
            </option>
          </select>
        </span>
        <button type="submit" className="btn btn-primary" data-testid="ask-button" disabled={busy || !text.trim()}>
          {busy ? t('chat.asking') : t('chat.ask')}
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d="M3 8h9M8.5 4.5L12 8l-3.5 3.5" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
      </div>
    </form>
  );
}
