import type { Me } from '../features/auth/authApi';
import type { Area, Role, UserDetail } from '../features/admin/users/usersApi';

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
