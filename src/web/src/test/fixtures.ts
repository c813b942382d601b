import type { Me } from '../features/auth/authApi';
import type { Area, Role, UserDetail } from '../features/admin/users/usersApi';
import type { RegistryArea } from '../features/registry/areasApi';
import type { InstitutionDetail, InstitutionSummary } from '../features/registry/institutionsApi';
import type { LearnerDetail } from '../features/registry/learnersApi';
import type { StaffDetail } from '../features/registry/staffApi';
import type { AcademicYear, EducationLevel } from '../features/registry/structureApi';

export const adminMe: Me = {
  id: 'u-admin',
  email: 'admin@lnemis.local',
  displayName: 'Ada Admin',
  mfaEnabled: true,
  mfaEnrolmentRequired: false,
  grants: [{ id: 'g-1', role: 'SystemAdministrator', scopeKind: 'Country', scopeId: null, scopeName: 'National' }],
  permissions: ['users.read', 'users.manage', 'audit.read', 'jobs.read'],
};

export const officerMe: Me = {
  id: 'u-officer',
  email: 'officer@lnemis.local',
  displayName: 'Olu Officer',
  mfaEnabled: false,
  mfaEnrolmentRequired: false,
  grants: [{ id: 'g-2', role: 'AreaOfficer', scopeKind: 'Area', scopeId: 'area-2', scopeName: 'North District' }],
  permissions: ['learners.read'],
};

export const enrollingAdminMe: Me = { ...adminMe, mfaEnabled: false, mfaEnrolmentRequired: true };

export const roles: Role[] = [
  {
    name: 'SystemAdministrator',
    description: 'Runs the whole system.',
    permissions: ['users.read', 'users.manage'],
    scopeKinds: ['Country'],
  },
  {
    name: 'Viewer',
    description: 'Reads data within the scope.',
    permissions: ['learners.read'],
    scopeKinds: ['Country', 'Area', 'Institution'],
  },
  {
    name: 'HeadTeacher',
    description: 'Runs one institution.',
    permissions: ['learners.read', 'learners.manage'],
    scopeKinds: ['Institution'],
  },
];

export const areas: Area[] = [
  { id: 'area-1', code: 'R01', name: 'Central Region', parentId: null, level: 'Region' },
  { id: 'area-2', code: 'D01', name: 'North District', parentId: 'area-1', level: 'District' },
  { id: 'area-3', code: 'D02', name: 'South District', parentId: 'area-1', level: 'District' },
];

export function officerDetail(): UserDetail {
  return {
    id: 'u-officer',
    email: 'officer@lnemis.local',
    displayName: 'Olu Officer',
    isActive: true,
    mfaEnabled: false,
    roles: ['AreaOfficer'],
    grants: [{ id: 'g-2', role: 'AreaOfficer', scopeKind: 'Area', scopeId: 'area-2', scopeName: 'North District' }],
    createdAt: '2026-01-05T09:00:00Z',
    lastSignInAt: null,
  };
}

export const recoveryCodes = Array.from({ length: 10 }, (_, i) => `rc${i}-abcd-efgh`);

// Registry (areas, institutions, learners, staff, enrolments).

export const registrarMe: Me = {
  ...adminMe,
  id: 'u-registrar',
  email: 'registrar@lnemis.local',
  displayName: 'Rita Registrar',
  permissions: [
    'areas.read',
    'areas.manage',
    'institutions.read',
    'institutions.manage',
    'learners.read',
    'learners.manage',
    'staff.read',
    'staff.manage',
  ],
};

export const registryReaderMe: Me = {
  ...officerMe,
  permissions: ['areas.read', 'institutions.read', 'learners.read', 'staff.read'],
};

export const registryAreas: RegistryArea[] = [
  { id: 'ar-country', code: 'LN', name: 'Lnemia', parentId: null, level: 0, version: 1 },
  { id: 'ar-north', code: 'LN-N', name: 'Northern County', parentId: 'ar-country', level: 1, version: 1 },
  { id: 'ar-south', code: 'LN-S', name: 'Southern County', parentId: 'ar-country', level: 1, version: 1 },
  { id: 'ar-river', code: 'LN-N-01', name: 'Riverside District', parentId: 'ar-north', level: 2, version: 1 },
  { id: 'ar-hill', code: 'LN-N-02', name: 'Hillcrest District', parentId: 'ar-north', level: 2, version: 1 },
];

function grades(levelCode: string, prefix: string, count: number, first = 1, age = 6) {
  return Array.from({ length: count }, (_, i) => ({
    id: `gr-${levelCode.toLowerCase()}-${i + 1}`,
    code: `${levelCode}-${i + 1}`,
    name: `${prefix} ${first + i}`,
    sequence: i + 1,
    officialAge: age + i,
    version: 1,
  }));
}

export const educationLevels: EducationLevel[] = [
  {
    id: 'lv-primary',
    code: 'PRIMARY',
    name: 'Primary',
    iscedLevel: 1,
    entranceAge: 6,
    durationYears: 6,
    sequence: 2,
    version: 1,
    grades: grades('PRIMARY', 'Grade', 6),
  },
  {
    id: 'lv-lowersec',
    code: 'LOWERSEC',
    name: 'Lower secondary',
    iscedLevel: 2,
    entranceAge: 12,
    durationYears: 3,
    sequence: 3,
    version: 1,
    grades: grades('LOWERSEC', 'Form', 3, 1, 12),
  },
];

export const academicYears: AcademicYear[] = [
  {
    id: 'yr-2027',
    code: '2027',
    name: 'School year 2027',
    startsOn: '2027-01-05',
    endsOn: '2027-12-04',
    terms: [],
    version: 1,
  },
  {
    id: 'yr-2026',
    code: '2026',
    name: 'School year 2026',
    startsOn: '2026-01-05',
    endsOn: '2026-12-04',
    terms: [],
    version: 1,
  },
];

export function institutionDetail(overrides: Partial<InstitutionDetail> = {}): InstitutionDetail {
  return {
    id: 'inst-1',
    code: 'RS-0001',
    name: 'Riverside Primary School',
    type: 'Primary',
    ownership: 'Public',
    levels: ['PRIMARY'],
    status: 'Open',
    successorId: null,
    statusChangedOn: null,
    statusReason: null,
    areaId: 'ar-river',
    areaName: 'Riverside District',
    latitude: -1.2921,
    longitude: 36.8219,
    address: '1 River Road',
    phone: '+254 700 000 001',
    email: 'office@riverside.example',
    infrastructure: {
      classroomsUsable: 8,
      classroomsUnusable: 2,
      hasWater: true,
      hasElectricity: false,
      hasInternet: false,
      toiletsMale: 4,
      toiletsFemale: 5,
      toiletsShared: 1,
    },
    shift: 'Double',
    createdAt: '2026-01-05T09:00:00Z',
    version: 3,
    history: [],
    predecessors: [],
    ...overrides,
  };
}

export function institutionSummary(detail: InstitutionDetail = institutionDetail()): InstitutionSummary {
  return {
    id: detail.id,
    code: detail.code,
    name: detail.name,
    type: detail.type,
    ownership: detail.ownership,
    status: detail.status,
    areaId: detail.areaId,
    areaName: detail.areaName,
    levels: detail.levels,
    latitude: detail.latitude,
    longitude: detail.longitude,
    version: detail.version,
  };
}

export function learnerDetail(overrides: Partial<LearnerDetail> = {}): LearnerDetail {
  return {
    id: 'ln-1',
    learnerNumber: '4000000018',
    givenName: 'Amina',
    familyName: 'Otieno',
    otherNames: null,
    sex: 'Female',
    dateOfBirth: '2017-03-14',
    hasBirthCertificate: true,
    specialNeeds: ['VISUAL'],
    guardians: [{ name: 'Grace Otieno', relationship: 'Mother', phone: '+254 711 000 111', email: null }],
    hasNationalId: true,
    institutionId: 'inst-1',
    status: 'Active',
    mergedIntoId: null,
    createdAt: '2026-01-06T08:00:00Z',
    version: 2,
    ...overrides,
  };
}

export function staffDetail(overrides: Partial<StaffDetail> = {}): StaffDetail {
  return {
    id: 'st-1',
    staffNumber: 'TSC/1001',
    givenName: 'Peter',
    familyName: 'Kamau',
    sex: 'Male',
    dateOfBirth: '1985-06-01',
    category: 'Teaching',
    phone: null,
    email: 'peter.kamau@example.org',
    qualifications: [{ name: 'Diploma in Primary Education', year: 2008, levels: ['PRIMARY'] }],
    institutionId: 'inst-1',
    qualifiedForLevelTaught: true,
    postings: [
      {
        id: 'po-2',
        institutionId: 'inst-1',
        institutionName: 'Riverside Primary School',
        position: 'Deputy head',
        teachingLevel: 'PRIMARY',
        startsOn: '2024-01-08',
        endsOn: null,
      },
      {
        id: 'po-1',
        institutionId: 'inst-2',
        institutionName: 'Hillcrest Combined School',
        position: 'Teacher',
        teachingLevel: 'PRIMARY',
        startsOn: '2009-01-05',
        endsOn: '2024-01-07',
      },
    ],
    version: 4,
    ...overrides,
  };
}
