import { baseApi, queryParams, type Page } from '../../api/baseApi';
import { casesApi, type CaseRole, type DateOnly, type Id, type Team, type TeamMember } from './casesApi';

/** An open case a bulk reassignment would take, with the version it was listed at. */
export interface OpenCase {
  id: Id;
  number: string;
  state: string;
  respondingTeamId: Id | null;
  responderId: Id | null;
  version: number;
}

export interface OpenCases {
  items: OpenCase[];
  more: boolean;
  max: number;
}

export type ReassignResult = 'moved' | 'skipped' | 'conflict';

export interface ReassignOutcome {
  caseId: Id;
  number: string | null;
  result: ReassignResult;
  reason: string | null;
}

export interface Reassignment {
  id: Id;
  fromTeamId: Id | null;
  fromUserId: Id | null;
  toTeamId: Id;
  reason: string;
  moved: number;
  skipped: number;
  more: boolean;
  cases: ReassignOutcome[];
}

export interface ReassignFields {
  fromTeamId: Id | null;
  fromUserId: Id | null;
  toTeamId: Id;
  /** An active responder of the target unit each case is assigned to (optional). */
  toUserId?: Id | null;
  reason: string;
  cases: { caseId: Id; version: number }[] | null;
}

export interface HolidayCalendar {
  id: Id;
  code: string;
  name: string;
  region: string | null;
  holidays: number;
}

export interface Holiday {
  date: DateOnly;
  title: string;
  notes: string;
  bunting: boolean;
  source: 'Import' | 'Manual';
  updatedAt: string;
}

export interface HolidayImportResult {
  calendarsAdded: number;
  added: number;
  changed: number;
  unchanged: number;
}

export type RetentionAction = 'Anonymise' | 'Destroy';

export interface RetentionRule {
  type: string;
  typeTitle: string;
  keepYears: number;
  action: RetentionAction;
  automatic: boolean;
  isDefault: boolean;
  version: number;
}

export interface CaseRetention {
  caseId: Id;
  number: string;
  type: string;
  closedOn: DateOnly | null;
  dueOn: DateOnly | null;
  action: RetentionAction | null;
  due: boolean;
  onHold: boolean;
  holdReason: string | null;
  anonymisedAt: string | null;
  disposedAt: string | null;
  version: number;
}

export type RetentionDecisionKind = 'anonymise' | 'dispose' | 'hold' | 'release';

const teamOne = (teamId: Id) => [{ type: 'Team' as const, id: teamId }, 'Teams' as const];

/** Team administration: deactivation, moves and bulk reassignment (TeamActivation, MoveTeam, ReassignOpenCases). */
export const teamAdminApi = casesApi.injectEndpoints({
  endpoints: (build) => ({
    setTeamActive: build.mutation<Team, { teamId: Id; active: boolean; version: number }>({
      query: ({ teamId, active, version }) => ({
        url: `/teams/${encodeURIComponent(teamId)}/${active ? 'reactivate' : 'deactivate'}`,
        method: 'POST',
        body: { version },
      }),
      invalidatesTags: (_r, _e, { teamId }) => teamOne(teamId),
    }),
    /** Hands the open cases the manager unit manages to another manager unit (up to 200 a request), then deactivates it. */
    deactivateMovingCases: build.mutation<
      Team,
      { teamId: Id; version: number; moveManagedCasesTo: Id; reason: string | null }
    >({
      query: ({ teamId, ...body }) => ({
        url: `/teams/${encodeURIComponent(teamId)}/deactivate`,
        method: 'POST',
        body,
      }),
      invalidatesTags: (_r, _e, { teamId }) => teamOne(teamId),
    }),
    moveTeam: build.mutation<Team, { teamId: Id; parentId: Id; version: number }>({
      query: ({ teamId, ...body }) => ({ url: `/teams/${encodeURIComponent(teamId)}/move`, method: 'POST', body }),
      invalidatesTags: (_r, _e, { teamId }) => teamOne(teamId),
    }),
    setMemberActive: build.mutation<TeamMember, { teamId: Id; userId: Id; active: boolean }>({
      query: ({ teamId, userId, active }) => ({
        url: `/teams/${encodeURIComponent(teamId)}/members/${encodeURIComponent(userId)}/${active ? 'reactivate' : 'deactivate'}`,
        method: 'POST',
      }),
      invalidatesTags: (_r, _e, { teamId }) => [{ type: 'Team', id: teamId }],
    }),
    moveMember: build.mutation<TeamMember, { teamId: Id; userId: Id; toTeamId: Id; role: CaseRole | null }>({
      query: ({ teamId, userId, ...body }) => ({
        url: `/teams/${encodeURIComponent(teamId)}/members/${encodeURIComponent(userId)}/move`,
        method: 'POST',
        body,
      }),
      invalidatesTags: (_r, _e, { teamId, toTeamId }) => [
        { type: 'Team', id: teamId },
        { type: 'Team', id: toTeamId },
      ],
    }),
    openCasesToReassign: build.query<OpenCases, { fromTeamId: Id | null; fromUserId: Id | null }>({
      query: ({ fromTeamId, fromUserId }) => ({
        url: '/teams/reassignments/open-cases',
        params: queryParams({ fromTeamId, fromUserId }),
      }),
      keepUnusedDataFor: 0,
    }),
    /** One Idempotency-Key per bulk action: a retried submission replays the result instead of moving cases twice. */
    reassignCases: build.mutation<Reassignment, { idempotencyKey: string; body: ReassignFields }>({
      query: ({ idempotencyKey, body }) => ({
        url: '/teams/reassignments',
        method: 'POST',
        headers: { 'Idempotency-Key': idempotencyKey },
        body,
      }),
      invalidatesTags: ['Cases'],
    }),
  }),
});

export const {
  useDeactivateMovingCasesMutation,
  useSetTeamActiveMutation,
  useMoveTeamMutation,
  useSetMemberActiveMutation,
  useMoveMemberMutation,
  useLazyOpenCasesToReassignQuery,
  useReassignCasesMutation,
} = teamAdminApi;

const calendarsBase = baseApi.enhanceEndpoints({ addTagTypes: ['HolidayCalendars', 'Holidays', 'Retention'] });

/** Holiday calendars (Features/Holidays) and retention review (Features/Retention). */
export const clockAdminApi = calendarsBase.injectEndpoints({
  endpoints: (build) => ({
    holidayCalendars: build.query<Page<HolidayCalendar>, void>({
      query: () => ({ url: '/holiday-calendars', params: { page: 1, pageSize: 200 } }),
      providesTags: ['HolidayCalendars'],
    }),
    holidays: build.query<Page<Holiday>, { code: string; year: number; page: number }>({
      query: ({ code, year, page }) => ({
        url: `/holiday-calendars/${encodeURIComponent(code)}/holidays`,
        params: { year, page, pageSize: 50 },
      }),
      providesTags: ['Holidays'],
    }),
    addHoliday: build.mutation<Holiday, { code: string; date: DateOnly; title: string; notes: string | null }>({
      query: ({ code, ...body }) => ({
        url: `/holiday-calendars/${encodeURIComponent(code)}/holidays`,
        method: 'POST',
        body,
      }),
      invalidatesTags: ['Holidays', 'HolidayCalendars'],
    }),
    updateHoliday: build.mutation<Holiday, { code: string; date: DateOnly; title: string; notes: string | null }>({
      query: ({ code, date, ...body }) => ({
        url: `/holiday-calendars/${encodeURIComponent(code)}/holidays/${encodeURIComponent(date)}`,
        method: 'PUT',
        body,
      }),
      invalidatesTags: ['Holidays'],
    }),
    deleteHoliday: build.mutation<void, { code: string; date: DateOnly }>({
      query: ({ code, date }) => ({
        url: `/holiday-calendars/${encodeURIComponent(code)}/holidays/${encodeURIComponent(date)}`,
        method: 'DELETE',
      }),
      invalidatesTags: ['Holidays', 'HolidayCalendars'],
    }),
    importHolidays: build.mutation<HolidayImportResult, File>({
      query: (file) => {
        const form = new FormData();
        form.append('file', file);
        return { url: '/holiday-calendars/import', method: 'POST', body: form };
      },
      invalidatesTags: ['Holidays', 'HolidayCalendars'],
    }),
    retentionRules: build.query<RetentionRule[], void>({
      query: () => '/correspondence/retention/rules',
      providesTags: ['Retention'],
    }),
    updateRetentionRule: build.mutation<
      RetentionRule,
      { type: string; keepYears: number; action: RetentionAction; automatic: boolean; version: number | null }
    >({
      query: ({ type, ...body }) => ({
        url: `/correspondence/retention/rules/${encodeURIComponent(type)}`,
        method: 'PUT',
        body,
      }),
      invalidatesTags: ['Retention'],
    }),
    retentionDue: build.query<Page<CaseRetention>, { page: number; type: string; held: string }>({
      query: ({ page, type, held }) => ({
        url: '/correspondence/retention/due',
        params: queryParams({ page, pageSize: 20, type, held }),
      }),
      providesTags: ['Retention'],
    }),
    decideRetention: build.mutation<
      CaseRetention,
      { caseId: Id; decision: RetentionDecisionKind; reason: string | null }
    >({
      query: ({ caseId, decision, reason }) => ({
        url: `/correspondence/retention/cases/${encodeURIComponent(caseId)}/${decision}`,
        method: 'POST',
        body: { reason },
      }),
      invalidatesTags: ['Retention'],
    }),
  }),
});

export const {
  useHolidayCalendarsQuery,
  useHolidaysQuery,
  useAddHolidayMutation,
  useUpdateHolidayMutation,
  useDeleteHolidayMutation,
  useImportHolidaysMutation,
  useRetentionRulesQuery,
  useUpdateRetentionRuleMutation,
  useRetentionDueQuery,
  useDecideRetentionMutation,
} = clockAdminApi;
