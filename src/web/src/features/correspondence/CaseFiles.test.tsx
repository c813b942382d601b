import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { api, problem, server } from '../../test/server';
import { pageOf, renderRegistry } from '../registry/testing';
import type { CaseFile, CaseFileVersion } from './caseFilesApi';
import type { CaseDetail, CaseEventBody } from './casesApi';
import { approverMe, caseDetail, responderMe, serveCaseBasics } from './testing';

const answer: CaseFile = {
  id: 'file-1',
  caseId: 'case-1',
  documentId: 'doc-1',
  kind: 'response',
  fileName: 'answer.pdf',
  size: 2048,
  contentType: 'application/pdf',
  uploadedBy: 'u-responder',
  uploadedAt: '2026-03-25T10:00:00Z',
  versionCount: 2,
  removed: false,
  removedNote: null,
  isResponse: false,
};

const versions: CaseFileVersion[] = [2, 1].map((n) => ({
  documentId: 'doc-1',
  versionId: `v-${n}`,
  number: n,
  fileName: n === 2 ? 'answer.pdf' : 'answer-draft.pdf',
  contentType: 'application/pdf',
  size: 1000 + n,
  sha256: 'ab',
  scanStatus: 'Clean',
  createdAt: '2026-03-25T10:00:00Z',
}));

const drafting: CaseDetail = caseDetail({
  state: 'drafting',
  version: 4,
  allowedEvents: { responder: ['upload_response', 'add_message'] },
});

/** jsdom's multipart loses the part's file name, so uploads are told apart by size and stored under `storedName`. */
function serveFiles(files: CaseFile[], storedName = 'reply.pdf') {
  const uploads: { kind: string | null; size: number | null }[] = [];
  const links: (string | null)[] = [];
  let current = files;
  server.use(
    http.get(api('/cases/case-1'), () => HttpResponse.json(drafting)),
    http.get(api('/correspondence/cases/case-1/files'), ({ request }) => {
      const kind = new URL(request.url).searchParams.get('kind');
      return HttpResponse.json(
        pageOf(
          current.filter((f) => !kind || f.kind === kind),
          1,
          10,
        ),
      );
    }),
    http.get(api('/correspondence/cases/case-1/files/file-1/versions'), () => HttpResponse.json(versions)),
    http.post(api('/correspondence/cases/case-1/files/file-1/links'), ({ request }) => {
      links.push(new URL(request.url).searchParams.get('version'));
      return HttpResponse.json({ url: '/api/v1/documents/download?token=signed', expiresAt: '2026-03-25T10:05:00Z' });
    }),
    http.post(api('/correspondence/cases/case-1/files'), async ({ request }) => {
      const form = await request.formData();
      const file = form.get('file') as File | null;
      const kind = new URL(request.url).searchParams.get('kind');
      uploads.push({ kind, size: file?.size ?? null });
      if (file?.size === 2) {
        return problem(422, 'The file was refused.', { errors: { file: ['This kind of file is not accepted.'] } });
      }
      const stored = {
        ...answer,
        id: 'file-2',
        kind: kind as CaseFile['kind'],
        fileName: storedName,
        versionCount: 1,
      };
      current = [stored, ...current];
      return HttpResponse.json(stored, { status: 201 });
    }),
  );
  return { uploads, links };
}

describe('case files panel', () => {
  it('lists the files, shows versions and hands out download links', async () => {
    serveCaseBasics(responderMe);
    const { links } = serveFiles([
      answer,
      { ...answer, id: 'file-9', fileName: null, removed: true, removedNote: 'removed on anonymisation' },
    ]);
    const { user } = renderRegistry('/cases/case-1');

    const panel = await screen.findByRole('region', { name: 'Files' });
    const row = (await within(panel).findByText('answer.pdf')).closest('tr')!;
    expect(within(panel).getByText(/File removed on anonymisation/)).toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: 'Get download link for answer.pdf' }));
    const link = await within(row).findByRole('link', { name: /Download answer.pdf/ });
    expect(link).toHaveAttribute('href', '/api/v1/documents/download?token=signed');

    await user.click(within(row).getByRole('button', { name: 'Versions of answer.pdf' }));
    const list = await within(row).findByRole('list', { name: 'Versions of answer.pdf' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    await user.click(within(list).getByRole('button', { name: 'Get download link for version 1 of answer.pdf' }));
    await within(list).findByRole('link', { name: /Download version 1 of answer.pdf/ });
    expect(links).toEqual([null, '1']);
  });

  it('uploads a file with its kind and shows a refusal next to the file field', async () => {
    serveCaseBasics(responderMe);
    const { uploads } = serveFiles([]);
    const { user } = renderRegistry('/cases/case-1');

    const panel = await screen.findByRole('region', { name: 'Files' });
    const form = await within(panel).findByRole('form', { name: 'Upload a file' });
    await user.click(within(form).getByRole('button', { name: 'Upload' }));
    expect(within(form).getByText('Choose the file.')).toBeInTheDocument();
    expect(uploads).toHaveLength(0);

    await user.upload(within(form).getByLabelText('File'), new File(['MZ'], 'tool.exe'));
    await user.click(within(form).getByRole('button', { name: 'Upload' }));
    expect(await within(form).findByText('This kind of file is not accepted.')).toBeInTheDocument();
    expect(within(form).getByLabelText('File')).toHaveAttribute('aria-invalid', 'true');

    await user.selectOptions(within(form).getByLabelText('Kind of file'), 'letter');
    await user.upload(within(form).getByLabelText('File'), new File(['%PDF-1.7'], 'reply.pdf'));
    await user.click(within(form).getByRole('button', { name: 'Upload' }));
    expect(await within(panel).findByRole('status')).toHaveTextContent('reply.pdf uploaded.');
    expect(await within(panel).findByRole('cell', { name: 'reply.pdf' }, { timeout: 4000 })).toBeInTheDocument();
    expect(uploads).toEqual([
      { kind: 'correspondence', size: 2 },
      { kind: 'letter', size: 8 },
    ]);
  });

  it('offers no upload to someone with nothing to do on the case', async () => {
    serveCaseBasics(approverMe);
    serveFiles([answer]);
    server.use(
      http.get(api('/cases/case-1'), () => HttpResponse.json(caseDetail({ allowedEvents: { approver: [] } }))),
    );
    renderRegistry('/cases/case-1');

    const panel = await screen.findByRole('region', { name: 'Files' });
    await within(panel).findByText('answer.pdf');
    expect(within(panel).queryByRole('form', { name: 'Upload a file' })).not.toBeInTheDocument();
  });
});

describe('upload response action', () => {
  it('uploads a response file, chooses it and sends its id with the event', async () => {
    serveCaseBasics(responderMe);
    const { uploads } = serveFiles(
      [{ ...answer, kind: 'correspondence', id: 'file-c', fileName: 'incoming.pdf' }],
      'our-answer.pdf',
    );
    const sent: CaseEventBody[] = [];
    server.use(
      http.post(api('/cases/case-1/events/upload_response'), async ({ request }) => {
        sent.push((await request.json()) as CaseEventBody);
        return HttpResponse.json({
          ...drafting,
          responseFileName: 'our-answer.pdf',
          responseFileId: 'file-2',
          version: 5,
        });
      }),
    );
    const { user } = renderRegistry('/cases/case-1');

    const actions = await screen.findByRole('region', { name: 'Actions' });
    await user.click(within(actions).getByRole('button', { name: 'Upload response' }));
    const form = within(actions).getByRole('form', { name: 'Upload response' });
    // Only response files are offered; a correspondence file is not.
    expect(within(form).queryByRole('option', { name: /incoming.pdf/ })).not.toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Upload response' }));
    expect(await within(form).findByText('Choose or upload the response file.')).toBeInTheDocument();
    expect(sent).toHaveLength(0);

    await user.upload(
      within(form).getByLabelText('Upload a new response file'),
      new File(['%PDF-1.7'], 'our-answer.pdf'),
    );
    await user.click(within(form).getByRole('button', { name: 'Upload response file' }));
    await waitFor(() => expect(within(form).getByLabelText('Response file')).toHaveValue('file-2'));
    expect(uploads).toEqual([{ kind: 'response', size: 8 }]);
    expect(
      await within(form).findByRole('option', { name: 'our-answer.pdf (version 1)' }, { timeout: 4000 }),
    ).toBeInTheDocument();

    await user.click(within(form).getByRole('button', { name: 'Upload response' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ version: 4, fileId: 'file-2' });
  });
});
