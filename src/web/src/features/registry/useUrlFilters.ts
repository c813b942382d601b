import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';

/**
 * List filters kept in the URL query string (shareable, and back/forward move through them), a
 * draft the form edits, the page number, and `go` to apply filters and page. Empty values are
 * left out of the URL; `q` is trimmed on submit.
 */
export function useUrlFilters<K extends string>(names: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const read = (source: URLSearchParams) =>
    Object.fromEntries(names.map((name) => [name, source.get(name) ?? ''])) as Record<K, string>;
  const filters = read(params);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draft, setDraft] = useState(filters);
  const query = params.toString();
  // Back and forward move through filters too: the form follows the URL.
  useEffect(() => {
    setDraft(read(new URLSearchParams(query)));
  }, [query]);

  function go(next: Partial<Record<K, string>>, nextPage: number) {
    const search = new URLSearchParams();
    for (const name of names) {
      const value = next[name];
      if (value) search.set(name, value);
    }
    if (nextPage > 1) search.set('page', String(nextPage));
    setParams(search);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = (draft as Record<string, string>).q;
    go(q === undefined ? draft : { ...draft, q: q.trim() }, 1);
  }

  const active = names.some((name) => filters[name] !== '');
  return { filters, page, draft, setDraft, go, submit, active };
}
