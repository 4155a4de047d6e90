// Reports (/reports): pick or type a topic, generate, and the user's report library (empty: a few topics to start
// with). Reports belong to an account, so a signed-out visitor is told why and offered sign in / sign up.
import { useCallback, useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { api, type ReportSummary, type ReportTopic } from '../api.ts';
import { Alert, errorText } from '../components/Alert.tsx';
import { ConfirmDelete } from '../components/ConfirmDelete.tsx';
import { ReportsSignedOut, StatusPill } from '../components/ReportBits.tsx';
import { formatTimestamp } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';

/** Topic chips offered by the empty library. */
const SUGGESTED = 4;

function Library({ topics, onPick }: { topics: ReportTopic[]; onPick: (topic: string) => void }) {
  const { t, lang } = useI18n();
  const [reports, setReports] = useState<ReportSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setReports(await api<ReportSummary[]>('/api/reports'));
      setError(null);
    } catch (err) {
      setError(errorText(err, t));
    }
  }, [t]);

  useEffect(() => {
    void load();
  }, [load]);

  const remove = async (id: string) => {
    try {
      await api(`/api/reports/${encodeURIComponent(id)}`, { method: 'DELETE' });
    } catch (err) {
      setError(errorText(err, t));
    }
    await load();
  };

  return (
    <section className="section" aria-labelledby="library-title">
      <h2 id="library-title" className="section-title">
        {t('reports.library')}
      </h2>
      {error && <Alert>{error}</Alert>}
      {reports === null && !error && <p className="muted">{t('common.loading')}</p>}
      {reports?.length === 0 &&
        (topics.length ? (
          <div className="library-empty" data-testid="report-library-empty">
            <p className="muted">{t('reports.emptySuggest')}</p>
            <div className="topic-chips">
              {topics.slice(0, SUGGESTED).map((tp) => (
                <button key={tp.id} type="button" className="chip" data-testid="report-suggestion" onClick={() => onPick(tp.examples?.[lang] || tp.example || tp.name[lang])}>
                  {tp.name[lang]}
                </button>
              ))}
            </div>
          </div>
        ) : (
          <p className="muted">{t('reports.libraryEmpty')}</p>
        ))}
      {reports && reports.length > 0 && (
        <ul className="list" data-testid="report-library">
          {reports.map((r) => (
            <li key={r.id} className="list-row">
              <div className="list-main">
                <Link href={`/reports/${encodeURIComponent(r.id)}`} className="list-title">
                  {r.title ?? r.topic}
                </Link>
                <span className="list-sub">
                  {r.title ? `${r.topic} · ` : ''}
                  <span className="num">{formatTimestamp(r.createdAt)}</span>
                </span>
              </div>
              <StatusPill status={r.status} />
              <ConfirmDelete label={t('reports.deleteLabel', { title: r.title ?? r.topic })} onConfirm={() => void remove(r.id)} testId="report-delete" />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Topic chips shown before "all topics" is opened (the topic graph has about fifty). */
const FIRST_TOPICS = 12;

interface GeneratorProps {
  topics: ReportTopic[];
  topic: string;
  setTopic: (topic: string) => void;
  input: RefObject<HTMLInputElement | null>;
}

function Generator({ topics, topic, setTopic, input }: GeneratorProps) {
  const { t, lang } = useI18n();
  const [showAll, setShowAll] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = topic.trim();
    if (!text) {
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { id } = await api<{ id: string }>('/api/reports', { method: 'POST', body: { topic: text, lang } });
      navigate(`/reports/${encodeURIComponent(id)}`);
    } catch (err) {
      setError(errorText(err, t));
      setBusy(false);
    }
  };

  return (
    <form className="card generator" onSubmit={(e) => void submit(e)}>
      {topics.length > 0 && (
        <fieldset className="topics">
          <legend className="section-label">{t('reports.topics')}</legend>
          <div className="topic-grid">
            {(showAll ? topics : topics.slice(0, FIRST_TOPICS)).map((tp) => {
              const value = tp.examples?.[lang] || tp.example || tp.name[lang];
              return (
                <button
                  key={tp.id}
                  type="button"
                  className="topic"
                  data-testid="report-topic-chip"
                  aria-pressed={topic === value}
                  onClick={() => {
                    setTopic(value);
                    input.current?.focus();
                  }}
                >
                  <span className="topic-name">{tp.name[lang]}</span>
                  {(tp.examples?.[lang] || tp.example) && <span className="topic-example">{tp.examples?.[lang] || tp.example}</span>}
                </button>
              );
            })}
          </div>
          {topics.length > FIRST_TOPICS && (
            <button type="button" className="link-button" data-testid="report-topics-toggle" aria-expanded={showAll} onClick={() => setShowAll((v) => !v)}>
              {showAll ? t('reports.fewerTopics') : t('reports.allTopics', { n: String(topics.length) })}
            </button>
          )}
        </fieldset>
      )}
      <label htmlFor="report-topic" className="field-label">
        {t('reports.topicLabel')}
      </label>
      <div className="generator-row">
        <input
          id="report-topic"
          ref={input}
          data-testid="report-topic"
          value={topic}
          maxLength={200}
          placeholder={t('reports.topicPlaceholder')}
          onChange={(e) => setTopic(e.target.value)}
        />
        <button type="submit" className="btn btn-primary" data-testid="report-generate" disabled={busy}>
          {busy ? t('reports.generating') : t('reports.generate')}
        </button>
      </div>
      {error && <Alert>{error}</Alert>}
    </form>
  );
}

export function ReportsPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const [topics, setTopics] = useState<ReportTopic[]>([]);
  const [topic, setTopic] = useState('');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!me?.user) return;
    api<ReportTopic[]>('/api/reports/topics')
      .then(setTopics)
      .catch(() => setTopics([])); // the free-text box still works without the list
  }, [me?.user]);

  /** A suggested topic from the empty library goes into the generator's box, ready to generate. */
  const pick = (value: string) => {
    setTopic(value);
    input.current?.focus();
    input.current?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  };

  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('reports.title')}</h1>
        <p className="lead">{t('reports.lead')}</p>
      </header>
      {me === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : me.user ? (
        <>
          <Generator topics={topics} topic={topic} setTopic={setTopic} input={input} />
          <Library topics={topics} onPick={pick} />
        </>
      ) : (
        <ReportsSignedOut />
      )}
    </div>
  );
}
