import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { api, problem, server } from '../../../test/server';
import { pageOf, renderRegistry, searchOf } from '../../registry/testing';
import { serveCaseBasics } from '../testing';
import type { LetterPreview } from './lettersApi';
import { foiAcknowledgement, foiAcknowledgementDetail, lettersAdminMe, sarDispatch } from './testing';

function serveTemplates() {
  serveCaseBasics(lettersAdminMe);
  server.use(
    http.get(api('/correspondence/letter-templates'), ({ request }) => {
      const type = searchOf(request).get('type');
      const items = [foiAcknowledgement, sarDispatch].filter((t) => !type || t.type === type);
      return HttpResponse.json(pageOf(items, 1, 200));
    }),
    http.get(api('/correspondence/letter-templates/foi/acknowledgement'), () =>
      HttpResponse.json(foiAcknowledgementDetail),
    ),
    http.get(api('/correspondence/letter-templates/placeholders'), () =>
      HttpResponse.json([{ name: 'case_number', description: 'The case number', sample: '260319001' }]),
    ),
  );
}

describe('letter templates', () => {
  it('lists templates by case type, and saves an edit as the next version showing field errors inline', async () => {
    serveTemplates();
    const posted: unknown[] = [];
    server.use(
      http.post(api('/correspondence/letter-templates/foi/acknowledgement/versions'), async ({ request }) => {
        const body = (await request.json()) as { body: string };
        posted.push(body);
        if (body.body.includes('{{shoe_size}}')) {
          return problem(400, 'The request has invalid fields.', {
            errors: { body: ['Unknown placeholder: {{shoe_size}}. Known placeholders are: case_number.'] },
          });
        }
        return HttpResponse.json({ ...foiAcknowledgementDetail, latestVersion: 3 }, { status: 201 });
      }),
    );
    const { user } = renderRegistry('/cases/letter-templates');
    const table = await screen.findByRole('region', { name: 'Letter templates' });
    expect(await within(table).findByText('Subject access request (SAR)')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Case type', { selector: '[name="type"]' }), 'foi');
    expect(await within(table).findByText('FOI request')).toBeInTheDocument();
    await within(table).findByRole('button', { name: 'Edit the acknowledgement letter for FOI request' });
    expect(within(table).queryByText('Subject access request (SAR)')).not.toBeInTheDocument();

    await user.click(within(table).getByRole('button', { name: 'Edit the acknowledgement letter for FOI request' }));
    const form = await screen.findByRole('form', { name: 'Edit letter template' });
    const body = within(form).getByLabelText('Body');
    expect(body).toHaveValue('Dear {{requester_name}}\n\nWe will respond by {{final_deadline}}.');
    expect(screen.getByText(/Version 1/)).toBeInTheDocument();
    expect(screen.getByText(/Shipped default wording/)).toBeInTheDocument();

    await user.clear(body);
    await user.type(body, 'Dear {{{{requester_name}}, your {{{{shoe_size}}');
    await user.click(within(form).getByRole('button', { name: 'Save as version 3' }));
    expect(await within(form).findByText(/Unknown placeholder: \{\{shoe_size\}\}/)).toBeInTheDocument();
    expect(body).toHaveAttribute('aria-invalid', 'true');

    await user.clear(body);
    await user.type(body, 'Dear {{{{requester_name}}');
    await user.type(within(form).getByLabelText('What changed (for the history)'), 'Even shorter');
    await user.click(within(form).getByRole('button', { name: 'Save as version 3' }));
    expect(await screen.findByText('Version 3 saved. New letters use it from now on.')).toBeInTheDocument();
    expect(posted[1]).toEqual({
      title: 'Your request – reference {{case_number}}',
      body: 'Dear {{requester_name}}',
      changeNote: 'Even shorter',
      basedOnVersion: 2,
    });
  });

  it('previews the unsaved wording with sample values', async () => {
    serveTemplates();
    const preview: LetterPreview = {
      ministryName: 'Ministry of Education',
      letterhead: ['1 Example Street'],
      date: 'Monday 23 November 2026',
      reference: 'Our reference: 260319001',
      title: 'Your request – reference 260319001',
      paragraphs: [['Dear Alex Requester'], ['We will respond by Monday 20 April 2026.']],
    };
    let sent: unknown;
    server.use(
      http.post(api('/correspondence/letter-templates/preview'), async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(preview);
      }),
    );
    const { user } = renderRegistry('/cases/letter-templates');
    const table = await screen.findByRole('region', { name: 'Letter templates' });
    await user.click(
      await within(table).findByRole('button', { name: 'Edit the acknowledgement letter for FOI request' }),
    );
    const form = await screen.findByRole('form', { name: 'Edit letter template' });
    await user.click(within(form).getByRole('button', { name: 'Preview' }));

    const shown = await screen.findByRole('region', { name: 'Preview (sample values)' });
    expect(within(shown).getByText('Dear Alex Requester')).toBeInTheDocument();
    expect(within(shown).getByText('We will respond by Monday 20 April 2026.')).toBeInTheDocument();
    expect(sent).toEqual({
      type: 'foi',
      title: 'Your request – reference {{case_number}}',
      body: 'Dear {{requester_name}}\n\nWe will respond by {{final_deadline}}.',
    });
  });

  it('is not offered to users without the letters permission', async () => {
    serveCaseBasics();
    renderRegistry('/cases/letter-templates');
    expect(await screen.findByRole('heading', { name: 'You do not have access to this page' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Letter templates' })).not.toBeInTheDocument();
  });
});
