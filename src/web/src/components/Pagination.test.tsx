import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Pagination } from './Pagination';

describe('Pagination', () => {
  it('shows the page count when the total is exact', () => {
    render(<Pagination label="Pages" page={2} pageSize={20} total={45} onPageChange={() => {}} />);
    expect(screen.getByText(/Page 2 of 3/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeEnabled();
  });

  it('says "more than" a capped total and pages on while pages come back full', async () => {
    const onPageChange = vi.fn();
    const { rerender } = render(
      <Pagination
        label="Pages"
        page={50}
        pageSize={20}
        total={1000}
        totalExact={false}
        itemCount={20}
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
        page={51}
        pageSize={20}
        total={1000}
        totalExact={false}
        itemCount={5}
        onPageChange={onPageChange}
      />,
    );
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
  });
});
