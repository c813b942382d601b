import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Pagination } from './Pagination';

const rows = (count: number) => Array.from({ length: count }, (_, i) => i);

describe('Pagination', () => {
  it('shows the page count when the total is exact', () => {
    render(
      <Pagination label="Pages" data={{ page: 2, pageSize: 20, total: 45, items: rows(20) }} onPageChange={() => {}} />,
    );
    expect(screen.getByText(/Page 2 of 3/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeEnabled();
  });

  it('says "more than" a capped total and pages on while pages come back full', async () => {
    const onPageChange = vi.fn();
    const { rerender } = render(
      <Pagination
        label="Pages"
        data={{ page: 50, pageSize: 20, total: 1000, totalExact: false, items: rows(20) }}
        onPageChange={onPageChange}
      />,
    );
    expect(screen.getByText(/more than 1,000/)).toBeInTheDocument();
    expect(screen.queryByText(/of 50/)).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(onPageChange).toHaveBeenCalledWith(51);

    rerender(
      <Pagination
        label="Pages"
        data={{ page: 51, pageSize: 20, total: 1000, totalExact: false, items: rows(5) }}
        onPageChange={onPageChange}
      />,
    );
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();

    // The server pages a capped list only 10,000 rows deep: no "next" that it would refuse.
    rerender(
      <Pagination
        label="Pages"
        data={{ page: 500, pageSize: 20, total: 1000, totalExact: false, items: rows(20) }}
        onPageChange={onPageChange}
      />,
    );
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
  });
});
