// Small hooks shared by popovers and search boxes.
import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Close an open popover on Escape or on a pointer press outside it. The reason tells whether focus should go
 * back to the opener: after Escape it should, after a click elsewhere it stays where the click put it.
 * `ignore` (usually the opener) is not "outside", so that its own click can toggle the popover instead of
 * closing and reopening it.
 */
export function useDismiss(
  open: boolean,
  onClose: (reason: 'escape' | 'outside') => void,
  inside: RefObject<HTMLElement | null>,
  ignore?: RefObject<HTMLElement | null>,
): void {
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close.current('escape');
    };
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (inside.current?.contains(target) || ignore?.current?.contains(target)) return;
      close.current('outside');
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open, inside, ignore]);
}

/** `value`, settled for `ms` (search boxes query as the user pauses, not on every key). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
