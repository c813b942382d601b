import { baseApi, queryParams, type Page } from '../../../api/baseApi';
import type { Grant, ScopeKind } from '../../auth/authApi';

export interface UserSummary {
  id: string;
  email: string;
  displayName: string;
  isActive: boolean;
  mfaEnabled: boolean;
  roles: string[];
}

export interface UserDetail extends UserSummary {
  grants: Grant[];
  createdAt: string;
  lastSignInAt: string | null;
}

export interface Role {
  name: string;
  description: string;
  permissions: string[];
  scopeKinds: ScopeKind[];
}

export interface Area {
  id: string | number;
  code: string;
  name: string;
  parentId: string | number | null;
  level: string | number;
}

export interface UsersQuery {
  search?: string;
  page: number;
  pageSize: number;
}

export interface AreasQuery {
  search?: string;
  parentId?: string;
  page: number;
  pageSize: number;
}

export interface CreateUserRequest {
  email: string;
  displayName: string;
  password: string;
}

export interface GrantRoleRequest {
  userId: string;
  role: string;
  scopeKind: ScopeKind;
  scopeId: string | number | null;
}

export const usersApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    users: build.query<Page<UserSummary>, UsersQuery>({
      query: ({ search, page, pageSize }) => ({ url: '/users', params: queryParams({ search, page, pageSize }) }),
      providesTags: ['Users'],
    }),
    user: build.query<UserDetail, string>({
      query: (id) => `/users/${encodeURIComponent(id)}`,
      providesTags: (_result, _error, id) => [{ type: 'User', id }],
    }),
    createUser: build.mutation<UserDetail, CreateUserRequest>({
      query: (body) => ({ url: '/users', method: 'POST', body }),
      invalidatesTags: ['Users'],
    }),
    deactivateUser: build.mutation<UserDetail, string>({
      query: (id) => ({ url: `/users/${encodeURIComponent(id)}/deactivate`, method: 'POST' }),
      invalidatesTags: (_result, _error, id) => ['Users', { type: 'User', id }],
    }),
    activateUser: build.mutation<UserDetail, string>({
      query: (id) => ({ url: `/users/${encodeURIComponent(id)}/activate`, method: 'POST' }),
      invalidatesTags: (_result, _error, id) => ['Users', { type: 'User', id }],
    }),
    grantRole: build.mutation<Grant, GrantRoleRequest>({
      query: ({ userId, ...body }) => ({ url: `/users/${encodeURIComponent(userId)}/grants`, method: 'POST', body }),
      invalidatesTags: (_result, _error, { userId }) => ['Users', 'Me', { type: 'User', id: userId }],
    }),
    revokeGrant: build.mutation<void, { userId: string; grantId: string }>({
      query: ({ userId, grantId }) => ({
        url: `/users/${encodeURIComponent(userId)}/grants/${encodeURIComponent(grantId)}`,
        method: 'DELETE',
      }),
      invalidatesTags: (_result, _error, { userId }) => ['Users', 'Me', { type: 'User', id: userId }],
    }),
    roles: build.query<Role[], void>({
      query: () => '/roles',
      providesTags: ['Roles'],
    }),
    areas: build.query<Page<Area>, AreasQuery>({
      query: ({ search, parentId, page, pageSize }) => ({
        url: '/areas',
        params: queryParams({ parentId, search, page, pageSize }),
      }),
      providesTags: ['Areas'],
    }),
  }),
});

export const {
  useUsersQuery,
  useUserQuery,
  useCreateUserMutation,
  useDeactivateUserMutation,
  useActivateUserMutation,
  useGrantRoleMutation,
  useRevokeGrantMutation,
  useRolesQuery,
  useAreasQuery,
} = usersApi;
