// A tiny history router: the app has eight URL shapes, which a matcher covers without a dependency.
// Every navigation gets a fresh key, so a page can tell "the user asked for this again" (e.g. New chat on /).
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

export type Route =
  | { name: 'chat'; id?: string }
  | { name: 'reports'; id?: string }
  | { name: 'series'; id?: string }
  | { name: 'login' }
  | { name: 'signup' }
  | { name: 'notFound' };

export function matchRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [head, id, ...rest] = parts;
  if (rest.length > 0) return { name: 'notFound' };
  if (head === undefined) return { name: 'chat' };
  if (head === 'c' && id) return { name: 'chat', id };
  if (head === 'reports') return id ? { name: 'reports', id } : { name: 'reports' };
  if (head === 'series') return id ? { name: 'series', id } : { name: 'series' };
  if ((head === 'login' || head === 'signup') && !id) return { name: head };
  return { name: 'notFound' };
}

export interface Location {
  pathname: string;
  search: string;
  /** Changes on every navigation, including one to the current URL. */
  key: string;
}

const listeners = new Set<() => void>();
let current = readLocation();

function readLocation(): Location {
  const state = window.history.state as { key?: string } | null;
  return { pathname: window.location.pathname, search: window.location.search, key: state?.key ?? 'initial' };
}

function notify(): void {
  current = readLocation();
  for (const l of listeners) l();
}

window.addEventListener('popstate', notify);

let counter = 0;

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const state = { key: `${Date.now().toString(36)}-${++counter}` };
  if (opts.replace) window.history.replaceState(state, '', to);
  else window.history.pushState(state, '', to);
  notify();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useLocation(): Location {
  return useSyncExternalStore(subscribe, () => current);
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/** An <a> that navigates in-app on a plain left click and behaves natively otherwise (new tab, copy link). */
export function Link({ href, onClick, ...rest }: LinkProps) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}
