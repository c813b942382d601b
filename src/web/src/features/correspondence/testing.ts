// Shared data for the correspondence tests: users with case roles, a small team tree, cases.
import { http, HttpResponse } from 'msw';
import type { Me } from '../auth/authApi';
import { officerMe } from '../../test/fixtures';
import { api, server } from '../../test/server';
import { pageOf } from '../registry/testing';
import type { CaseDetail, CaseSummary, Team } from './casesApi';

function withPermissions(id: string, displayName: string, permissions: string[]): Me {
  return { ...officerMe, id, displayName, permissions };
}

export const caseManagerMe = withPermissions('u-manager', 'Mona Manager', ['cases.read', 'cases.manage', 'teams.read']);
export const responderMe = withPermissions('u-responder', 'Rafe Responder', [
  'cases.read',
  'cases.respond',
  'teams.read',
]);
export const approverMe = withPermissions('u-approver', 'Abe Approver', ['cases.read', 'cases.approve', 'teams.read']);
export const teamAdminMe = withPermissions('u-teams', 'Tess Teams', ['teams.read', 'teams.manage', 'cases.read']);

export const group: Team = {
  id: 'tm-group',
  code: 'EDU',
  name: 'Education group',
  kind: 'BusinessGroup',
  parentId: null,
  role: null,
  clearanceStep: null,
  version: 1,
};
export const directorate: Team = {
  ...group,
  id: 'tm-dir',
  code: 'SCH',
  name: 'Schools',
  kind: 'Directorate',
  parentId: group.id,
};
export const managers: Team = {
  ...directorate,
  id: 'tm-managers',
  code: 'CORR',
  name: 'Correspondence unit',
  kind: 'BusinessUnit',
  parentId: directorate.id,
  role: 'Manager',
};
export const responders: Team = {
  ...managers,
  id: 'tm-responders',
  code: 'PRIM',
  name: 'Primary policy',
  role: 'Responder',
};
export const disclosure: Team = {
  ...managers,
  id: 'tm-disclosure',
  code: 'DISC',
  name: 'Disclosure team',
  role: 'Approver',
  clearanceStep: 'disclosure',
};
export const allTeams = [group, directorate, managers, responders, disclosure];

export function caseSummary(overrides: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id: 'case-1',
    number: '260319001',
    type: 'foi',
    subject: 'Spending on school meals',
    state: 'awaiting_responder',
    receivedOn: '2026-03-19',
    finalDeadline: '2026-04-20',
    managingTeamId: managers.id,
    respondingTeamId: responders.id,
    responderId: null,
    respondedOn: null,
    version: 2,
    responderName: null,
    ...overrides,
  };
}

export const finalExplanation =
  '20 working days from Friday 20 March 2026 (the day after receipt), skipping Good Friday and Easter Monday: Monday 20 April 2026.';

export function caseDetail(overrides: Partial<CaseDetail> = {}): CaseDetail {
  return {
    id: 'case-1',
    number: '260319001',
    type: 'foi',
    typeTitle: 'FOI request',
    subject: 'Spending on school meals',
    requesterName: 'A. Requester',
    requesterEmail: 'requester@example.org',
    receivedOn: '2026-03-19',
    state: 'unassigned',
    managingTeamId: managers.id,
    respondingTeamId: null,
    responderId: null,
    flaggedSteps: [],
    approvedSteps: [],
    responseFileName: null,
    respondedOn: null,
    finalDeadline: '2099-04-20',
    isLate: false,
    clockStopped: false,
    isExtended: false,
    closure: null,
    deadlines: [
      {
        kind: 'Final',
        date: '2099-04-20',
        explanation: finalExplanation,
        steps: ['Start: Friday 20 March 2026.', 'Skip Good Friday (3 April).'],
        rule: 'FOI final',
        basis: 'FOIA s10(1)',
        clockStoppedSince: null,
      },
    ],
    history: [
      {
        sequence: 1,
        event: 'create',
        fromState: null,
        toState: 'unassigned',
        actorId: 'u-manager',
        actorName: 'Mona Manager',
        actorRole: 'Manager',
        actorTeamId: managers.id,
        teamId: managers.id,
        message: null,
        deadlineChange: null,
        deadlineBefore: null,
        deadlineAfter: '2099-04-20',
        at: '2026-03-19T09:00:00Z',
      },
    ],
    roles: ['Manager'],
    allowedEvents: { manager: ['assign', 'flag_for_clearance', 'extend', 'add_message', 'edit', 'delete'] },
    version: 1,
    ...overrides,
  };
}

/** The signed-in user and the team list every case screen reads. */
export function serveCaseBasics(me: Me = caseManagerMe, teams: Team[] = allTeams) {
  server.use(
    http.get(api('/auth/me'), () => HttpResponse.json(me)),
    http.get(api('/teams'), () => HttpResponse.json(pageOf(teams, 1, 200))),
    http.get(api('/correspondence/cases/:id/files'), () => HttpResponse.json(pageOf([], 1, 10))),
  );
}
