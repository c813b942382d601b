import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../auth/authApi';
import { officerMe } from '../../test/fixtures';
import { api, problem, server } from '../../test/server';
import { renderApp } from '../../test/renderApp';
import type { DocumentDetail } from './documentsApi';
import { startDownload } from './download';

vi.mock('./download', () => ({ startDownload: vi.fn() }));

const managerMe: Me = { ...officerMe, permissions: ['documents.read', 'documents.manage'] };
const readerMe: Me = { ...officerMe, permissions: ['documents.read'] };

function detail(overrides: Partial<DocumentDetail> = {}): DocumentDetail {
  return {
    id: 'doc-1',
    ownerRef: 'correspondence.case:42',
    fileName: 'response-letter.pdf',
    classification: 'OFFICIAL',
    scopePath: '/ln/north/',
    latestVersion: 2,
    disposeAfter: '2033-01-31',
    createdAt: '2026-11-20T09:00:00Z',
    version: 3,
    versions: [1, 2].map((number) => ({
      documentId: 'doc-1',
      versionId: `v-${number}`,
      number,
      fileName: number === 1 ? 'draft.pdf' : 'response-letter.pdf',
      contentType: 'application/pdf',
      size: 2048 * number,
      sha256: 'ab'.repeat(32),
      scanStatus: 'Clean',
      createdAt: `2026-11-2${number}T09:00:00Z`,
    })),
    ...overrides,
  };
}

const page = <T,>(items: T[]) => ({ items, page: 1, pageSize: 20, total: items.length });

function serveMe(me: Me) {
  server.use(http.get(api('/auth/me'), () => HttpResponse.json(me)));
}

beforeEach(() => vi.mocked(startDownload).mockClear());

describe('documents', () => {
  it('lists documents, filters by owner through the API, and offers upload only to managers', async () => {
    serveMe(readerMe);
    const asked: string[] = [];
    server.use(
      http.get(api('/documents'), ({ request }) => {
        asked.push(new URL(request.url).search);
        return HttpResponse.json(page([detail()]));
      }),
    );
    const { user } = renderApp('/documents');
    const table = await screen.findByRole('table', { name: /Documents/ });
    expect(within(table).getByRole('link', { name: 'response-letter.pdf' })).toHaveAttribute(
      'href',
      '/documents/doc-1',
    );
    expect(within(table).getByText('OFFICIAL')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toHaveTextContent('Documents');
    expect(screen.queryByRole('link', { name: 'Upload a document' })).not.toBeInTheDocument();

    await user.click(screen.getByLabelText('Owner'));
    await user.paste('correspondence.case:42');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(asked.at(-1)).toBe('?ownerRef=correspondence.case%3A42&page=1&pageSize=20'));
  });

  it('uploads the file as the body with its classification, and shows the refusal next to the file', async () => {
    serveMe(managerMe);
    const sent: { search: string; body: string; type: string | null }[] = [];
    server.use(
      http.post(api('/documents'), async ({ request }) => {
        sent.push({
          search: new URL(request.url).search,
          body: await request.text(),
          type: request.headers.get('Content-Type'),
        });
        return problem(400, 'The request has invalid fields.', {
          errors: { file: ['The file looks like application/x-msdownload, which is not allowed.'] },
        });
      }),
    );
    const { user } = renderApp('/documents/new');
    const form = await screen.findByRole('form', { name: 'Upload a document' });
    await user.click(within(form).getByRole('button', { name: 'Upload' }));
    expect(within(form).getByLabelText('File')).toHaveAccessibleDescription(/Error: Choose the file to upload\./);
    expect(within(form).getByLabelText('Classification')).toHaveAccessibleDescription(
      /Error: Choose a classification\./,
    );
    expect(sent).toEqual([]);

    await user.upload(
      within(form).getByLabelText('File'),
      new File(['MZ fake'], 'report.pdf', { type: 'application/pdf' }),
    );
    await user.selectOptions(within(form).getByLabelText('Classification'), 'OFFICIAL-SENSITIVE');
    await user.click(within(form).getByLabelText('Owner (optional)'));
    await user.paste('correspondence.case:42');
    await user.click(within(form).getByRole('button', { name: 'Upload' }));

    await waitFor(() =>
      expect(within(form).getByLabelText('File')).toHaveAccessibleDescription(
        /Error: The file looks like .*not allowed\./,
      ),
    );
    expect(screen.getByRole('alert')).toHaveTextContent('The request has invalid fields.');
    expect(sent).toEqual([
      {
        search: '?fileName=report.pdf&classification=OFFICIAL-SENSITIVE&ownerRef=correspondence.case%3A42',
        body: 'MZ fake',
        type: 'application/pdf',
      },
    ]);
  });

  it('says plainly that nothing was stored when storage is down (503)', async () => {
    serveMe(managerMe);
    server.use(
      http.post(api('/documents'), () =>
        problem(503, 'Document storage is unavailable.', { detail: 'The bucket did not answer.' }),
      ),
    );
    const { user } = renderApp('/documents/new');
    const form = await screen.findByRole('form', { name: 'Upload a document' });
    await user.upload(
      within(form).getByLabelText('File'),
      new File(['%PDF-1.7'], 'a.pdf', { type: 'application/pdf' }),
    );
    await user.selectOptions(within(form).getByLabelText('Classification'), 'OFFICIAL');
    await user.click(within(form).getByRole('button', { name: 'Upload' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Documents cannot be stored at the moment');
    expect(alert).toHaveTextContent('The bucket did not answer. Nothing was kept: try again in a few minutes.');
  });

  it('downloads a version through a short-lived link and disposes of the document after confirmation', async () => {
    serveMe(managerMe);
    const calls: { method: string; body?: unknown }[] = [];
    server.use(
      http.get(api('/documents/doc-1'), () => HttpResponse.json(detail())),
      http.get(api('/documents'), () => HttpResponse.json(page([]))),
      http.post(api('/documents/doc-1/links'), async ({ request }) => {
        calls.push({ method: 'link', body: await request.json() });
        return HttpResponse.json({
          url: '/api/v1/documents/download?token=abc',
          expiresAt: '2026-11-23T10:05:00Z',
        });
      }),
      http.delete(api('/documents/doc-1'), () => {
        calls.push({ method: 'delete' });
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = renderApp('/documents/doc-1');
    const versions = await screen.findByRole('table', { name: /Versions of response-letter.pdf/ });
    expect(
      within(versions)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual([
      expect.stringContaining('Version'),
      expect.stringMatching(/^2response-letter\.pdf.*4\.0 KB.*Clean/),
      expect.stringMatching(/^1draft\.pdf.*2\.0 KB/),
    ]);

    await user.click(screen.getByRole('button', { name: 'Download version 1' }));
    await waitFor(() => expect(startDownload).toHaveBeenCalledWith('/api/v1/documents/download?token=abc'));
    expect(calls).toEqual([{ method: 'link', body: { version: 1 } }]);
    expect(screen.getByRole('link', { name: 'use this link' })).toHaveAttribute(
      'href',
      '/api/v1/documents/download?token=abc',
    );

    await user.click(screen.getByRole('button', { name: 'Dispose of the document' }));
    expect(calls).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Yes, dispose of it' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/documents$/));
    expect(calls.at(-1)).toEqual({ method: 'delete' });
    expect(await screen.findByRole('status')).toHaveTextContent('response-letter.pdf was disposed of.');
  });

  it('adds a version, and hides adding and disposal from readers', async () => {
    serveMe(managerMe);
    let current = detail({ latestVersion: 1, versions: detail().versions.slice(0, 1) });
    const uploads: string[] = [];
    server.use(
      http.get(api('/documents/doc-1'), () => HttpResponse.json(current)),
      // Direct uploads off: the version is streamed through the API.
      http.post(api('/documents/doc-1/versions/uploads'), () => problem(404, 'Direct uploads are not enabled')),
      http.post(api('/documents/doc-1/versions'), async ({ request }) => {
        uploads.push(`${new URL(request.url).search} ${await request.text()}`);
        current = detail();
        return HttpResponse.json(current, { status: 201 });
      }),
    );
    const { user, unmount } = renderApp('/documents/doc-1');
    const form = await screen.findByRole('form', { name: 'Add a version' });
    await user.upload(
      within(form).getByLabelText('New version'),
      new File(['v2'], 'final.pdf', { type: 'application/pdf' }),
    );
    await user.click(within(form).getByRole('button', { name: 'Add version' }));
    expect(await screen.findByText('Version 2 was added.')).toBeInTheDocument();
    expect(uploads).toEqual(['?fileName=final.pdf v2']);
    // The versions list refreshes from the server after the upload.
    expect(await screen.findByRole('button', { name: 'Download version 2' })).toBeInTheDocument();
    unmount();

    serveMe(readerMe);
    renderApp('/documents/doc-1');
    expect(await screen.findByRole('button', { name: 'Download version 2' })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Add a version' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Dispose of the document' })).not.toBeInTheDocument();
  });

  it('sends a version straight to storage where direct uploads are on, and adds it once the scan passed', async () => {
    serveMe(managerMe);
    let current = detail({ latestVersion: 1, versions: detail().versions.slice(0, 1) });
    const calls: string[] = [];
    let polls = 0;
    server.use(
      http.get(api('/documents/doc-1'), () => HttpResponse.json(current)),
      http.post(api('/documents/doc-1/versions'), () => {
        calls.push('streamed');
        return HttpResponse.json(current, { status: 201 });
      }),
      http.post(api('/documents/doc-1/versions/uploads'), async ({ request }) => {
        calls.push(`start ${await request.text()}`);
        return HttpResponse.json(
          {
            upload: {
              id: 'up-1',
              status: 'awaiting-upload',
              reason: null,
              documentId: null,
              version: null,
              versionOf: 'doc-1',
            },
            uploadUrl: 'https://s3.test/bucket/quarantine/up-1?X-Amz-Signature=abc',
            uploadMethod: 'PUT',
            uploadHeaders: { 'Content-Type': 'application/pdf' },
            expiresAt: '2026-11-23T10:10:00Z',
          },
          { status: 201 },
        );
      }),
      http.put('https://s3.test/bucket/quarantine/up-1', async ({ request }) => {
        calls.push(`put ${request.headers.get('content-type')} ${await request.text()}`);
        return new HttpResponse(null, { status: 200 });
      }),
      http.post(api('/documents/uploads/up-1/complete'), () => {
        calls.push('complete');
        return HttpResponse.json({ id: 'up-1', status: 'quarantined' }, { status: 202 });
      }),
      http.get(api('/documents/uploads/up-1'), () => {
        polls++;
        if (polls < 2) return HttpResponse.json({ id: 'up-1', status: 'scanning' });
        current = detail();
        return HttpResponse.json({ id: 'up-1', status: 'stored', documentId: 'doc-1', version: 2, versionOf: 'doc-1' });
      }),
    );
    const { user } = renderApp('/documents/doc-1');
    const form = await screen.findByRole('form', { name: 'Add a version' });
    await user.upload(
      within(form).getByLabelText('New version'),
      new File(['v2'], 'final.pdf', { type: 'application/pdf' }),
    );
    await user.click(within(form).getByRole('button', { name: 'Add version' }));
    expect(await screen.findByText('Version 2 was added.', undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(calls).toEqual([
      'start {"fileName":"final.pdf","size":2,"contentType":"application/pdf"}',
      'put application/pdf v2',
      'complete',
    ]);
    expect(polls).toBe(2);
  });
});
