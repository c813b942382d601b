import type { Page } from '../api/baseApi';

interface PaginationProps {
  label: string;
  /**
   * The page as the server returned it. When `totalExact` is false the server stopped counting
   * at `total` (national lists count to 1,000; ADR 0009): the total reads "more than 1,000" and
   * "Next page" stays enabled while pages come back full.
   */
  data: Pick<Page<unknown>, 'page' | 'pageSize' | 'total' | 'totalExact' | 'items'>;
  onPageChange: (page: number) => void;
}

/** How deep the server pages a capped list (PaginationExtensions.PageLimit); beyond it, narrow the filters or export. */
export const pageLimitRows = 10_000;

export function Pagination({ label, data, onPageChange }: PaginationProps) {
  const { page, total, totalExact = true } = data;
  const size = Math.max(1, data.pageSize);
  const pages = Math.max(1, Math.ceil(total / size));
  const hasNext = totalExact ? page < pages : data.items.length >= size && (page + 1) * size <= pageLimitRows;
  return (
    <nav className="pagination" aria-label={label}>
      <button
        type="button"
        className="button button--secondary"
        disabled={page <= 1}
        onClick={() => onPageChange(page - 1)}
      >
        Previous page
      </button>
      <p className="pagination__status">
        {totalExact ? (
          <>
            Page {Math.min(page, pages)} of {pages} <span className="muted">({total} in total)</span>
          </>
        ) : (
          <>
            Page {page}{' '}
            <span className="muted">
              (more than {total.toLocaleString('en-GB')} — narrow the filters to count them)
            </span>
          </>
        )}
      </p>
      <button
        type="button"
        className="button button--secondary"
        disabled={!hasNext}
        onClick={() => onPageChange(page + 1)}
      >
        Next page
      </button>
    </nav>
  );
}
