// Sign in (/login) and sign up (/signup) against better-auth's JSON endpoints; the session cookie it sets is
// what /api/me and every later request read. Sign-up answers the same for a new and a taken email and signs no
// one in, so the page signs in next with the same credentials: a new account is then signed in, and a taken email
// with another password gets the usual "could not sign in" (nothing tells whether the email exists).
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.ts';
import { Alert } from '../components/Alert.tsx';
import { Logo } from '../components/Logo.tsx';
import { useI18n, type Translate } from '../i18n.ts';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';

// the limits src/server/auth.ts gives better-auth
const MIN_PASSWORD = 8;
const MAX_PASSWORD = 128;

function authError(err: unknown, t: Translate, afterSignUp = false): string {
  if (!(err instanceof ApiError)) return t('chat.networkError');
  // the server's own throttles (lower_snake codes) say how long to wait, in the UI language
  if (err.status === 429) return /^[a-z0-9_]+$/.test(err.code) && err.message ? err.message : t('auth.errTooMany');
  if (afterSignUp && err.code === 'INVALID_EMAIL_OR_PASSWORD') return t('auth.errSignUpSignIn');
  if (err.code === 'INVALID_EMAIL_OR_PASSWORD') return t('auth.errInvalid');
  // better-auth names it USER_ALREADY_EXISTS or USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL depending on the version
  if (err.code.startsWith('USER_ALREADY_EXISTS')) return t('auth.errExists');
  if (err.code === 'PASSWORD_TOO_SHORT') return t('auth.errShortPassword');
  if (err.code === 'INVALID_EMAIL') return t('auth.errEmail');
  // better-auth's own codes (UPPER_SNAKE) come with English text; the API's codes (lower_snake) with text in the
  // UI language
  if (/^[A-Z0-9_]+$/.test(err.code)) return t('auth.errGeneric');
  return err.message || t('auth.errGeneric');
}

export function AuthPage({ mode }: { mode: 'login' | 'signup' }) {
  const { t } = useI18n();
  const { refreshMe, refreshConversations } = useSession();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signup = mode === 'signup';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (signup && password.length < MIN_PASSWORD) {
      setError(t('auth.errShortPassword'));
      return;
    }
    setBusy(true);
    setError(null);
    let signedUp = false;
    try {
      if (signup) {
        await api('/api/auth/sign-up/email', { method: 'POST', body: { name: name.trim(), email: email.trim(), password } });
        signedUp = true;
      }
      await api('/api/auth/sign-in/email', { method: 'POST', body: { email: email.trim(), password } });
      await refreshMe();
      await refreshConversations();
      navigate('/');
    } catch (err) {
      setError(authError(err, t, signedUp));
      setBusy(false);
    }
  };

  return (
    <div className="auth">
      <form className="card auth-card" onSubmit={(e) => void submit(e)}>
        <div className="auth-brand">
          <Logo />
        </div>
        <h1>{signup ? t('auth.signUpTitle') : t('auth.signInTitle')}</h1>
        <p className="muted">{signup ? t('auth.signUpLead') : t('auth.signInLead')}</p>
        {error && <Alert>{error}</Alert>}
        {signup && (
          <div className="field">
            <label htmlFor="auth-name">{t('auth.name')}</label>
            <input id="auth-name" data-testid="auth-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" required maxLength={100} />
          </div>
        )}
        <div className="field">
          <label htmlFor="auth-email">{t('auth.email')}</label>
          <input id="auth-email" data-testid="auth-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" required />
        </div>
        <div className="field">
          <label htmlFor="auth-password">{t('auth.password')}</label>
          <input
            id="auth-password"
            data-testid="auth-password"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete={signup ? 'new-password' : 'current-password'}
            minLength={signup ? MIN_PASSWORD : undefined}
            maxLength={MAX_PASSWORD}
            required
            aria-describedby={signup ? 'password-hint' : undefined}
          />
          {signup && (
            <span id="password-hint" className="field-hint">
              {t('auth.passwordHint')}
            </span>
          )}
        </div>
        <button type="submit" className="btn btn-primary btn-block" data-testid="auth-submit" disabled={busy}>
          {busy ? t('auth.submitting') : signup ? t('auth.submitSignUp') : t('auth.submitSignIn')}
        </button>
        <p className="auth-switch">
          <Link href={signup ? '/login' : '/signup'}>{signup ? t('auth.toSignIn') : t('auth.toSignUp')}</Link>
        </p>
      </form>
    </div>
  );
}
