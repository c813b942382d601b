// Shared data for the letters tests.
import { officerMe } from '../../../test/fixtures';
import type { Me } from '../../auth/authApi';
import type { LetterTemplateDetail, LetterTemplateSummary } from './lettersApi';

export const lettersAdminMe: Me = {
  ...officerMe,
  id: 'u-letters',
  displayName: 'Lee Letters',
  permissions: ['cases.read', 'teams.read', 'teams.manage', 'letters.manage'],
};

export const foiAcknowledgement: LetterTemplateSummary = {
  id: 'lt-foi-ack',
  type: 'foi',
  typeTitle: 'FOI request',
  kind: 'acknowledgement',
  latestVersion: 2,
  title: 'Your request – reference {{case_number}}',
  updatedAt: '2026-11-20T10:00:00Z',
  updatedById: 'u-letters',
  updatedByName: 'Lee Letters',
};

export const sarDispatch: LetterTemplateSummary = {
  ...foiAcknowledgement,
  id: 'lt-sar-dis',
  type: 'sar',
  typeTitle: 'Subject access request (SAR)',
  kind: 'dispatch',
  latestVersion: 1,
  title: 'Response to your SAR – reference {{case_number}}',
  updatedById: null,
  updatedByName: null,
};

export const foiAcknowledgementDetail: LetterTemplateDetail = {
  id: foiAcknowledgement.id,
  type: 'foi',
  typeTitle: 'FOI request',
  kind: 'acknowledgement',
  latestVersion: 2,
  version: 2,
  versions: [
    {
      id: 'v2',
      number: 2,
      title: 'Your request – reference {{case_number}}',
      body: 'Dear {{requester_name}}\n\nWe will respond by {{final_deadline}}.',
      authorId: 'u-letters',
      authorName: 'Lee Letters',
      changeNote: 'Shorter',
      createdAt: '2026-11-20T10:00:00Z',
    },
    {
      id: 'v1',
      number: 1,
      title: 'Your request for information – reference {{case_number}}',
      body: 'Dear {{requester_name}}\n\nThank you for your request.',
      authorId: null,
      authorName: null,
      changeNote: 'Shipped default wording',
      createdAt: '2026-11-01T08:00:00Z',
    },
  ],
};
