import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { api, server } from '../../test/server';
import { pageOf, renderRegistry } from '../registry/testing';
import type { CaseFile } from './caseFilesApi';
import { caseDetail, responderMe, serveCaseBasics } from './testing';

const file = (id: string, fileName: string, contentType: string): CaseFile => ({
  id,
  caseId: 'case-1',
  documentId: `doc-${id}`,
  kind: 'correspondence',
  fileName,
  size: 100,
  contentType,
  uploadedBy: 'u-responder',
  uploadedAt: '2026-03-25T10:00:00Z',
  versionCount: 1,
  removed: false,
  removedNote: null,
  isResponse: false,
});

const files = [
  file('f-pdf', 'answer.pdf', 'application/pdf'),
  file('f-png', 'scan.png', 'image/png'),
  file('f-txt', 'notes.txt', 'text/plain; charset=utf-8'),
  file('f-docx', 'draft.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
];

describe('case file preview', () => {
  it('previews PDF, images and text in the panel and offers no preview for other types', async () => {
    serveCaseBasics(responderMe);
    const asked: string[] = [];
    server.use(
      http.get(api('/cases/case-1'), () =>
        HttpResponse.json(caseDetail({ state: 'drafting', allowedEvents: { responder: ['add_message'] } })),
      ),
      http.get(api('/correspondence/cases/case-1/files'), () => HttpResponse.json(pageOf(files, 1, 10))),
      http.post(api('/correspondence/cases/case-1/files/:fileId/previews'), ({ params }) => {
        const id = String(params.fileId);
        asked.push(id);
        const found = files.find((f) => f.id === id)!;
        return HttpResponse.json({
          url: `/api/v1/documents/preview?token=${id}`,
          expiresAt: '2026-03-25T10:05:00Z',
          contentType: found.contentType,
        });
      }),
    );
    const { user } = renderRegistry('/cases/case-1');
    const panel = await screen.findByRole('region', { name: 'Files' });
    await within(panel).findByText('answer.pdf');

    expect(within(panel).queryByRole('button', { name: 'Preview draft.docx' })).not.toBeInTheDocument();

    await user.click(within(panel).getByRole('button', { name: 'Preview answer.pdf' }));
    const pdf = await within(panel).findByRole('dialog', { name: 'Preview of answer.pdf' });
    const frame = within(pdf).getByTitle('Preview of answer.pdf');
    expect(frame.tagName).toBe('IFRAME');
    expect(frame).toHaveAttribute('src', '/api/v1/documents/preview?token=f-pdf');
    await user.click(within(pdf).getByRole('button', { name: 'Close preview' }));
    expect(within(panel).queryByRole('dialog', { name: 'Preview of answer.pdf' })).not.toBeInTheDocument();

    await user.click(within(panel).getByRole('button', { name: 'Preview scan.png' }));
    const image = await within(panel).findByRole('img', { name: 'Preview of scan.png' });
    expect(image).toHaveAttribute('src', '/api/v1/documents/preview?token=f-png');

    await user.click(within(panel).getByRole('button', { name: 'Preview notes.txt' }));
    const text = await within(panel).findByRole('dialog', { name: 'Preview of notes.txt' });
    expect(within(text).getByTitle('Preview of notes.txt')).toHaveAttribute('sandbox', '');
    expect(asked).toEqual(['f-pdf', 'f-png', 'f-txt']);
  });
});
