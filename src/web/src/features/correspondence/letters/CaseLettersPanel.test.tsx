import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, problem, server } from '../../../test/server';
import { renderRegistry } from '../../registry/testing';
import { caseDetail, serveCaseBasics, teamAdminMe } from '../testing';

describe('case letters panel', () => {
  const downloads: string[] = [];

  beforeEach(() => {
    downloads.length = 0;
    URL.createObjectURL = vi.fn(() => 'blob:letter');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
  });

  afterEach(() => vi.restoreAllMocks());

  it('downloads the chosen letter as DOCX or PDF with the anti-forgery token, and shows a refusal', async () => {
    serveCaseBasics();
    const sent: { body: unknown; token: string | null }[] = [];
    server.use(
      http.get(api('/cases/case-1'), () => HttpResponse.json(caseDetail())),
      http.post(api('/correspondence/cases/case-1/letters'), async ({ request }) => {
        const body = (await request.json()) as { kind: string; format: string };
        sent.push({ body, token: request.headers.get('X-XSRF-TOKEN') });
        if (body.kind === 'dispatch') {
          return problem(400, 'The request has invalid fields.', {
            errors: { kind: ["There is no 'dispatch' letter template for an FOI request."] },
          });
        }
        return new HttpResponse(new Uint8Array([0x25, 0x50, 0x44, 0x46]), {
          headers: {
            'Content-Type': 'application/pdf',
            'Content-Disposition': `attachment; filename=260319001-${body.kind}.${body.format}`,
          },
        });
      }),
    );
    const { user } = renderRegistry('/cases/case-1');
    const panel = await screen.findByRole('region', { name: 'Letters' });
    expect(within(panel).getByLabelText('Letter')).toHaveValue('acknowledgement');

    await user.click(within(panel).getByRole('button', { name: 'Download PDF' }));
    expect(await within(panel).findByText('The acknowledgement letter (PDF) has been downloaded.')).toBeInTheDocument();
    expect(downloads).toEqual(['260319001-acknowledgement.pdf']);
    expect(sent[0]).toEqual({ body: { kind: 'acknowledgement', format: 'pdf' }, token: 'test-token' });

    await user.selectOptions(within(panel).getByLabelText('Letter'), 'dispatch');
    await user.click(within(panel).getByRole('button', { name: 'Download DOCX' }));
    expect(await within(panel).findByText(/no 'dispatch' letter template/)).toBeInTheDocument();
    expect(within(panel).getByLabelText('Letter')).toHaveAttribute('aria-invalid', 'true');
    expect(sent[1]?.body).toEqual({ kind: 'dispatch', format: 'docx' });
    expect(downloads).toHaveLength(1);
  });

  it('saves the letter to the case files as a PDF', async () => {
    serveCaseBasics();
    const sent: unknown[] = [];
    server.use(
      http.get(api('/cases/case-1'), () => HttpResponse.json(caseDetail())),
      http.post(api('/correspondence/cases/case-1/letters'), async ({ request }) => {
        sent.push(await request.json());
        return HttpResponse.json(
          { id: 'file-9', kind: 'letter', fileName: '260319001-acknowledgement.pdf' },
          { status: 201 },
        );
      }),
    );
    const { user } = renderRegistry('/cases/case-1');
    const panel = await screen.findByRole('region', { name: 'Letters' });
    await user.click(within(panel).getByRole('button', { name: 'Save PDF to case files' }));
    expect(
      await within(panel).findByText(
        'The acknowledgement letter has been saved to the case files as 260319001-acknowledgement.pdf.',
      ),
    ).toBeInTheDocument();
    expect(sent).toEqual([{ kind: 'acknowledgement', format: 'pdf', save: true }]);
    expect(downloads).toHaveLength(0);
  });

  it('is not shown to someone with no role on the case', async () => {
    serveCaseBasics(teamAdminMe);
    server.use(http.get(api('/cases/case-1'), () => HttpResponse.json(caseDetail({ roles: [], allowedEvents: {} }))));
    renderRegistry('/cases/case-1');
    await screen.findByRole('region', { name: 'History' });
    expect(screen.queryByRole('region', { name: 'Letters' })).not.toBeInTheDocument();
  });
});
