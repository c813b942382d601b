import { baseApi, queryParams, type Page } from '../../api/baseApi';

/** Identifiers travel as GUID strings; dates as "2026-03-19". */
export type Id = string;
export type DateOnly = string;

export const caseTypes = [
  { code: 'foi', title: 'FOI request' },
  { code: 'foi_internal_review', title: 'FOI internal review' },
  { code: 'sar', title: 'Subject access request (SAR)' },
  { code: 'sar_internal_review', title: 'SAR internal review' },
  { code: 'ico_appeal_foi', title: 'ICO appeal (FOI)' },
  { code: 'ico_appeal_sar', title: 'ICO appeal (SAR)' },
  { code: 'overturned_foi', title: 'Overturned FOI' },
  { code: 'overturned_sar', title: 'Overturned SAR' },
] as const;

export function caseTypeTitle(code: string): string {
  return caseTypes.find((t) => t.code === code)?.title ?? code;
}

export function isAppeal(type: string): boolean {
  return type === 'ico_appeal_foi' || type === 'ico_appeal_sar';
}

/** The clearance steps of each type's workflow (WorkflowDefinitions: FOI-like cases have three, SAR-like one). */
export function clearanceStepsOf(type: string): string[] {
  return ['foi', 'foi_internal_review', 'ico_appeal_foi'].includes(type)
    ? ['disclosure', 'press_office', 'private_office']
    : ['disclosure'];
}

export const allClearanceSteps = ['disclosure', 'press_office', 'private_office'];

/** "press_office" → "Press office". */
export function words(code: string): string {
  const text = code.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const stateLabels: Record<string, string> = {
  unassigned: 'Unassigned',
  awaiting_responder: 'Awaiting responder',
  drafting: 'Drafting',
  awaiting_dispatch: 'Awaiting dispatch',
  responded: 'Responded',
  closed: 'Closed',
};

export const caseStates = Object.keys(stateLabels).concat(allClearanceSteps.map((s) => `pending_${s}`));

export function stateLabel(state: string | null | undefined): string {
  if (!state) return '—';
  if (state.startsWith('pending_')) return `Pending ${words(state.slice('pending_'.length)).toLowerCase()} clearance`;
  return stateLabels[state] ?? words(state);
}

export type CaseRole = 'Manager' | 'Responder' | 'Approver' | 'System';
export type TeamKind = 'BusinessGroup' | 'Directorate' | 'BusinessUnit';
export type InformationHeld = 'Yes' | 'No' | 'InPart';
export type CaseOutcome = 'Granted' | 'RefusedInPart' | 'Refused';
export type AppealOutcome = 'Upheld' | 'UpheldInPart' | 'Overturned';
export type ClockStopCategory = 'AwaitingClarification' | 'AwaitingIdentification' | 'AwaitingAuthority' | 'Other';

export interface CaseSummary {
  id: Id;
  number: string;
  type: string;
  subject: string;
  state: string;
  receivedOn: DateOnly;
  finalDeadline: DateOnly | null;
  managingTeamId: Id;
  respondingTeamId: Id | null;
  responderId: Id | null;
  respondedOn: DateOnly | null;
  version: number;
  /** The responder's display name, looked up by the server. */
  responderName: string | null;
}

export interface DeadlineView {
  kind: 'Draft' | 'Escalation' | 'Final' | string;
  date: DateOnly;
  explanation: string;
  steps: string[];
  rule: string;
  basis: string;
  clockStoppedSince: DateOnly | null;
}

export interface DeadlineChange {
  kind: string;
  on: DateOnly;
  amount?: number | null;
  reason?: string | null;
  category?: ClockStopCategory | null;
  date?: DateOnly | null;
}

export interface TransitionView {
  sequence: number;
  event: string;
  fromState: string | null;
  toState: string;
  actorId: Id | null;
  actorRole: CaseRole | null;
  actorTeamId: Id | null;
  teamId: Id | null;
  message: string | null;
  deadlineChange: DeadlineChange | null;
  deadlineBefore: DateOnly | null;
  deadlineAfter: DateOnly | null;
  at: string;
  /** Who acted, by name (null for the system or an unknown user). */
  actorName?: string | null;
  /** The case file the event attached (a response upload) and its name then. */
  fileId?: Id | null;
  fileName?: string | null;
}

export interface ClosureView {
  informationHeld: InformationHeld | null;
  outcome: CaseOutcome | null;
  appealOutcome: AppealOutcome | null;
  exemptions: string[];
  lateTeam: string | null;
  closedOn: DateOnly | null;
}

export interface CaseDetail {
  id: Id;
  number: string;
  type: string;
  typeTitle: string;
  subject: string;
  requesterName: string;
  requesterEmail: string | null;
  receivedOn: DateOnly;
  state: string;
  managingTeamId: Id;
  respondingTeamId: Id | null;
  responderId: Id | null;
  responderName?: string | null;
  flaggedSteps: string[];
  approvedSteps: string[];
  responseFileName: string | null;
  /** The case file the response was uploaded as (null when only a name is known, e.g. demo data). */
  responseFileId?: Id | null;
  respondedOn: DateOnly | null;
  finalDeadline: DateOnly | null;
  isLate: boolean;
  clockStopped: boolean;
  isExtended: boolean;
  closure: ClosureView | null;
  deadlines: DeadlineView[];
  history: TransitionView[];
  roles: CaseRole[];
  /** Role name ("manager", "responder", "approver") → the events that role may fire now. */
  allowedEvents: Record<string, string[]>;
  version: number;
}

export interface CaseFilters {
  /** Words of the number, subject, requester or messages. */
  q?: string;
  type?: string;
  state?: string;
  teamId?: string;
  responderId?: string;
  mine?: boolean;
  /** true: only cases not yet closed; false: only closed ones. */
  open?: boolean;
  timeliness?: 'late' | 'in_time';
  deadlineFrom?: string;
  deadlineTo?: string;
  exemption?: string;
  /** any, none or a clearance step. */
  flagged?: string;
  /** Waiting at a clearance step one of my approver units clears. */
  incoming?: boolean;
}

/** The filters as the server's query parameters (booleans spelled out, empty ones left out). */
export function caseFilterParams({ mine, open, incoming, ...rest }: CaseFilters) {
  return queryParams({
    ...rest,
    mine: mine ? 'true' : undefined,
    open: open === undefined ? undefined : String(open),
    incoming: incoming ? 'true' : undefined,
  });
}

export const clearanceSteps = ['disclosure', 'press_office', 'private_office'] as const;

export interface CreateCaseFields {
  type: string;
  subject: string;
  requesterName: string;
  requesterEmail: string | null;
  receivedOn: DateOnly;
  managingTeamId: Id;
  icoDeadline: DateOnly | null;
}

/** The body of POST /cases/{id}/events/{eventName}: the version read plus what the event needs. */
export interface CaseEventBody {
  version: number;
  message?: string | null;
  reason?: string | null;
  teamId?: Id | null;
  /** A named responder of the unit (assign_responder; optional on assign and reassign). */
  userId?: Id | null;
  /** The manager unit a case is transferred to (transfer_managing_team). */
  managingTeamId?: Id | null;
  clearanceSteps?: string[] | null;
  /** The case file (kind response) upload_response attaches. */
  fileId?: Id | null;
  on?: DateOnly | null;
  amount?: number | null;
  category?: ClockStopCategory | null;
  linkedCase?: string | null;
  closure?: {
    informationHeld: InformationHeld | null;
    outcome: CaseOutcome | null;
    appealOutcome: AppealOutcome | null;
    exemptions: string[];
    lateTeam: string | null;
  } | null;
  subject?: string | null;
  requesterName?: string | null;
  requesterEmail?: string | null;
}

export interface Team {
  id: Id;
  code: string;
  name: string;
  kind: TeamKind;
  parentId: Id | null;
  role: CaseRole | null;
  clearanceStep: string | null;
  version: number;
  /** False while the team is deactivated (absent from older answers: active). */
  active?: boolean;
}

export interface TeamMember {
  id: Id;
  teamId: Id;
  userId: Id;
  role: CaseRole;
  /** False while the membership is deactivated. */
  active?: boolean;
  /** The user's display name (a team's detail gives it; absent elsewhere). */
  name?: string | null;
}

/** What to call a member on screen: the user's name, or the id where no name came with the answer. */
export function memberLabel(member: Pick<TeamMember, 'userId' | 'name'>): string {
  return member.name || member.userId;
}

export interface TeamDetail {
  team: Team;
  members: TeamMember[];
}

export interface CreateTeamFields {
  code: string;
  name: string;
  kind: TeamKind;
  parentId: Id | null;
  role: CaseRole | null;
  clearanceStep: string | null;
}

const casesBase = baseApi.enhanceEndpoints({ addTagTypes: ['Case', 'Cases', 'Teams', 'Team'] });

export const casesApi = casesBase.injectEndpoints({
  endpoints: (build) => ({
    cases: build.query<Page<CaseSummary>, CaseFilters & { page: number; pageSize: number }>({
      query: (filters) => ({ url: '/cases', params: caseFilterParams(filters) }),
      providesTags: ['Cases'],
    }),
    case: build.query<CaseDetail, Id>({
      query: (id) => `/cases/${encodeURIComponent(id)}`,
      providesTags: (_result, _error, id) => [{ type: 'Case', id }],
    }),
    createCase: build.mutation<CaseDetail, CreateCaseFields>({
      query: (body) => ({ url: '/cases', method: 'POST', body }),
      invalidatesTags: ['Cases'],
    }),
    /** Fires a workflow event; the Idempotency-Key makes a retried submission take effect once. */
    fireCaseEvent: build.mutation<
      CaseDetail,
      { id: Id; eventName: string; idempotencyKey: string; body: CaseEventBody }
    >({
      query: ({ id, eventName, idempotencyKey, body }) => ({
        url: `/cases/${encodeURIComponent(id)}/events/${encodeURIComponent(eventName)}`,
        method: 'POST',
        headers: { 'Idempotency-Key': idempotencyKey },
        body,
      }),
      invalidatesTags: (result, _error, { id }) => (result ? [{ type: 'Case', id }, 'Cases'] : []),
    }),
    teams: build.query<Page<Team>, void>({
      // Teams are few: the largest page the server gives holds them all.
      query: () => ({ url: '/teams', params: { page: 1, pageSize: 200 } }),
      providesTags: ['Teams'],
    }),
    team: build.query<TeamDetail, Id>({
      query: (id) => `/teams/${encodeURIComponent(id)}`,
      providesTags: (_result, _error, id) => [{ type: 'Team', id }],
    }),
    createTeam: build.mutation<Team, CreateTeamFields>({
      query: (body) => ({ url: '/teams', method: 'POST', body }),
      invalidatesTags: ['Teams'],
    }),
    addTeamMember: build.mutation<TeamMember, { teamId: Id; userId: Id; role: CaseRole | null }>({
      query: ({ teamId, ...body }) => ({ url: `/teams/${encodeURIComponent(teamId)}/members`, method: 'POST', body }),
      invalidatesTags: (_result, _error, { teamId }) => [{ type: 'Team', id: teamId }],
    }),
    removeTeamMember: build.mutation<void, { teamId: Id; userId: Id }>({
      query: ({ teamId, userId }) => ({
        url: `/teams/${encodeURIComponent(teamId)}/members/${encodeURIComponent(userId)}`,
        method: 'DELETE',
      }),
      invalidatesTags: (_result, _error, { teamId }) => [{ type: 'Team', id: teamId }],
    }),
  }),
});

export const {
  useCasesQuery,
  useCaseQuery,
  useCreateCaseMutation,
  useFireCaseEventMutation,
  useTeamsQuery,
  useTeamQuery,
  useCreateTeamMutation,
  useAddTeamMemberMutation,
  useRemoveTeamMemberMutation,
} = casesApi;

/** Team id → "Name (CODE)", for showing the teams a case names. */
export function teamNamer(teams: Team[] | undefined) {
  const byId = new Map((teams ?? []).map((t) => [t.id, t]));
  return (id: Id | null | undefined): string => {
    if (!id) return '—';
    const team = byId.get(id);
    return team ? team.name : 'Unknown team';
  };
}

/** How a final deadline stands today: late (red), due within five days (amber) or neither. */
export function deadlineStatus(
  finalDeadline: DateOnly | null,
  respondedOn: DateOnly | null,
  today: DateOnly,
): 'late' | 'near' | 'ok' | 'none' {
  if (!finalDeadline) return 'none';
  if (respondedOn) return respondedOn > finalDeadline ? 'late' : 'ok';
  if (finalDeadline < today) return 'late';
  const days = (Date.parse(`${finalDeadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return days <= 5 ? 'near' : 'ok';
}

const eventLabels: Record<string, string> = {
  create: 'Logged',
  assign: 'Assign',
  accept: 'Accept',
  reject: 'Reject',
  reassign: 'Reassign',
  assign_responder: 'Assign to a person',
  transfer_managing_team: 'Transfer to another managing team',
  flag_for_clearance: 'Flag for clearance',
  unflag: 'Remove my clearance step',
  accept_approval: 'Take on the approval',
  approve: 'Approve',
  approve_and_bypass: 'Approve and skip later steps',
  request_amends: 'Request amends',
  upload_response: 'Upload response',
  upload_response_and_approve: 'Upload revised response and approve',
  send_for_clearance: 'Send for clearance',
  mark_responded: 'Mark responded',
  close: 'Close',
  extend: 'Extend deadline',
  remove_extension: 'Remove extension',
  stop_clock: 'Stop the clock',
  restart_clock: 'Restart the clock',
  link_case: 'Link a case',
  add_message: 'Add a message',
  edit: 'Edit details',
  delete: 'Delete',
};

export function eventLabel(name: string): string {
  return eventLabels[name] ?? words(name);
}
