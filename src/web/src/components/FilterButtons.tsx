/**
 * The end of a list's filter form: the submit button, and "Clear filters" while any filter is set.
 */
export function FilterButtons({
  active,
  onClear,
  applyLabel = 'Apply filters',
  primary = false,
}: {
  active: boolean;
  onClear: () => void;
  applyLabel?: string;
  /** The submit button as the page's main action (not a secondary one). */
  primary?: boolean;
}) {
  return (
    <>
      <button type="submit" className={primary ? 'button' : 'button button--secondary'}>
        {applyLabel}
      </button>
      {active ? (
        <button type="button" className="button button--secondary" onClick={onClear}>
          Clear filters
        </button>
      ) : null}
    </>
  );
}
