import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useMemo, useRef } from 'react';

type Scalar = string | number;

/**
 * List state (filters, sort, page) kept in the URL's search params, so that reload, the back
 * button and shared links show the same list. Values equal to their default are left out of
 * the URL. The router's default parser turns "?page=2" into a number and may turn a numeric
 * text into one: values are coerced back to the type of their default.
 */
export function useUrlState<D extends Record<string, Scalar>>(defaults: D): [D, (patch: Partial<D>) => void] {
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const navigate = useNavigate();
  const defaultsRef = useRef(defaults);

  const state = useMemo(() => {
    const out: Record<string, Scalar> = { ...defaultsRef.current };
    for (const [key, def] of Object.entries(defaultsRef.current)) {
      const raw = search[key];
      if (raw === undefined || raw === null || raw === '') continue;
      if (typeof def === 'number') {
        const n = Number(raw);
        if (Number.isFinite(n)) out[key] = n;
      } else {
        out[key] = String(raw);
      }
    }
    return out as D;
  }, [search]);

  const set = useCallback(
    (patch: Partial<D>) => {
      const search = (prev: Record<string, unknown>) => {
        const next: Record<string, unknown> = { ...prev, ...patch };
        for (const [key, def] of Object.entries(defaultsRef.current)) {
          if (next[key] === def || next[key] === '' || next[key] === undefined || next[key] === null) delete next[key];
        }
        return next;
      };
      // Typed loosely on purpose: the route tree and its search schemas belong to the shell.
      void navigate({ search, replace: true } as never);
    },
    [navigate],
  );

  return [state, set];
}
