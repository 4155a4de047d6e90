// Who is signed in (with the signed-out quota) and their conversation list: read by the header, the sidebar
// and the pages; refreshed after sign in/out and after each question.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, type ConversationSummary, type Me } from './api.ts';

export interface Session {
  /** null until /api/me has answered. */
  me: Me | null;
  conversations: ConversationSummary[];
  refreshMe: () => Promise<void>;
  refreshConversations: () => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [conversations, setConversations] = useState<ConversationSummary[]>([]);

  const refreshMe = useCallback(async () => {
    try {
      setMe(await api<Me>('/api/me'));
    } catch {
      // the app still works signed out when /api/me is unreachable
      setMe({ user: null, quota: null });
    }
  }, []);

  const signedIn = Boolean(me?.user);
  const refreshConversations = useCallback(async () => {
    if (!signedIn) {
      setConversations([]);
      return;
    }
    try {
      setConversations(await api<ConversationSummary[]>('/api/conversations'));
    } catch {
      // the history list is a convenience; the chat keeps working without it
    }
  }, [signedIn]);

  const signOut = useCallback(async () => {
    try {
      await api('/api/auth/sign-out', { method: 'POST', body: {} });
    } catch {
      // whether it worked or not, /api/me below says who is signed in now
    }
    await refreshMe();
  }, [refreshMe]);

  useEffect(() => {
    void refreshMe();
  }, [refreshMe]);

  useEffect(() => {
    void refreshConversations();
  }, [refreshConversations]);

  const value = useMemo(
    () => ({ me, conversations, refreshMe, refreshConversations, signOut }),
    [me, conversations, refreshMe, refreshConversations, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
