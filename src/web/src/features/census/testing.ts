// Shared data for the census tests: users with census roles, rounds, returns.
import { http, HttpResponse } from 'msw';
import type { Me } from '../auth/authApi';
import { registryReaderMe } from '../../test/fixtures';
import { api, server } from '../../test/server';
import { pageOf } from '../registry/testing';
import type { CensusProgress, CensusReturnDetail, CensusRound } from './censusApi';

function withCensus(id: string, displayName: string, permissions: string[]): Me {
  return { ...registryReaderMe, id, displayName, permissions: [...registryReaderMe.permissions, ...permissions] };
}

/** A head teacher: makes their school's return. */
export const headTeacherMe = withCensus('u-head', 'Hana Head', ['census.read', 'census.submit']);
/** A district officer: reviews returns (and could submit one for a school). */
export const districtOfficerMe = withCensus('u-district', 'Dan District', ['census.read', 'census.review']);
/** A national administrator: rounds, reviews and reopening. */
export const censusManagerMe = withCensus('u-census', 'Cleo Census', [
  'census.read',
  'census.submit',
  'census.review',
  'census.manage',
]);

export const round2026: CensusRound = {
  id: 'round-2026',
  academicYearId: 'yr-2026',
  academicYearCode: '2026',
  name: 'Annual school census 2026',
  opensOn: '2026-03-01',
  deadline: '2026-04-15',
  reminderDays: [14, 7, 1],
  version: 2,
};

export const round2025: CensusRound = {
  id: 'round-2025',
  academicYearId: 'yr-2025',
  academicYearCode: '2025',
  name: 'Annual school census 2025',
  opensOn: '2025-03-01',
  deadline: '2025-04-15',
  reminderDays: [7],
  version: 1,
};

export function progressOf(roundId: string, overrides: Partial<CensusProgress> = {}): CensusProgress {
  return {
    roundId,
    institutions: 40,
    notStarted: 10,
    draft: 8,
    submitted: 6,
    returned: 6,
    approved: 10,
    ...overrides,
  };
}

export function censusReturn(overrides: Partial<CensusReturnDetail> = {}): CensusReturnDetail {
  return {
    id: 'ret-1',
    roundId: round2026.id,
    institutionId: 'inst-1',
    institutionCode: 'RS-0001',
    institutionName: 'Riverside Primary School',
    status: 'Draft',
    locked: false,
    figures: {
      classroomsUsable: 8,
      classroomsUnusable: 2,
      desks: 120,
      toiletsMale: 4,
      toiletsFemale: 5,
      toiletsShared: 1,
      hasWater: true,
      hasElectricity: false,
      hasInternet: false,
      textbooks: 300,
      volunteerTeachers: 1,
      remarks: null,
    },
    counts: [],
    findings: [],
    history: [{ action: 'started', comment: null, actorId: 'u-head', at: '2026-03-02T08:00:00Z' }],
    createdAt: '2026-03-02T08:00:00Z',
    submittedAt: null,
    reviewedAt: null,
    version: 1,
    ...overrides,
  };
}

/** The rounds list (all rounds fit one page) and each round's progress. */
export function serveRounds(rounds: CensusRound[] = [round2026, round2025]) {
  server.use(
    http.get(api('/census/rounds'), () => HttpResponse.json(pageOf(rounds, 1, 200))),
    http.get(api('/census/rounds/:id/progress'), ({ params }) => HttpResponse.json(progressOf(String(params.id)))),
  );
}
