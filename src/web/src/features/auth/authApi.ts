import { baseApi } from '../../api/baseApi';

export type SignInStatus = 'signedIn' | 'mfaRequired' | 'mfaEnrolmentRequired';
export type ScopeKind = 'Country' | 'Area' | 'Institution' | 'Team';

export interface Grant {
  id: string;
  role: string;
  scopeKind: ScopeKind;
  scopeId: string | number | null;
  scopeName: string | null;
}

export interface Me {
  id: string;
  email: string;
  displayName: string;
  mfaEnabled: boolean;
  mfaEnrolmentRequired: boolean;
  /** A password was accepted but the MFA code is still due (e.g. after a page reload). */
  mfaRequired?: boolean;
  grants: Grant[];
  permissions: string[];
}

export interface SignInRequest {
  email: string;
  password: string;
}

export type MfaRequest = { code: string } | { recoveryCode: string };

export const authApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    me: build.query<Me, void>({
      query: () => '/auth/me',
      providesTags: ['Me'],
    }),
    signIn: build.mutation<{ status: SignInStatus }, SignInRequest>({
      query: (body) => ({ url: '/auth/sign-in', method: 'POST', body }),
    }),
    verifyMfa: build.mutation<{ status: SignInStatus }, MfaRequest>({
      query: (body) => ({ url: '/auth/mfa', method: 'POST', body }),
    }),
    signOut: build.mutation<void, void>({
      query: () => ({ url: '/auth/sign-out', method: 'POST' }),
    }),
    signOutEverywhere: build.mutation<void, void>({
      query: () => ({ url: '/auth/sign-out-everywhere', method: 'POST' }),
    }),
  }),
});

export const { useMeQuery, useSignInMutation, useVerifyMfaMutation, useSignOutMutation, useSignOutEverywhereMutation } =
  authApi;

export function hasPermission(me: Me | undefined, permission: string): boolean {
  return me?.permissions.includes(permission) ?? false;
}
