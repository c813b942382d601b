import { baseApi } from '../../api/baseApi';

export interface Profile {
  email: string;
  displayName: string;
}

export interface MfaSetup {
  sharedKey: string;
  authenticatorUri: string;
  qrCodeDataUri: string;
}

export interface RecoveryCodes {
  recoveryCodes: string[];
}

export const accountApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    profile: build.query<Profile, void>({
      query: () => '/account/profile',
      providesTags: ['Profile'],
    }),
    updateProfile: build.mutation<Profile, { displayName: string }>({
      query: (body) => ({ url: '/account/profile', method: 'PUT', body }),
      invalidatesTags: ['Profile', 'Me'],
    }),
    changePassword: build.mutation<void, { currentPassword: string; newPassword: string }>({
      query: (body) => ({ url: '/account/password', method: 'POST', body }),
    }),
    startMfaSetup: build.mutation<MfaSetup, void>({
      query: () => ({ url: '/account/mfa/setup', method: 'POST' }),
    }),
    enableMfa: build.mutation<RecoveryCodes, { code: string }>({
      query: (body) => ({ url: '/account/mfa/enable', method: 'POST', body }),
    }),
    regenerateRecoveryCodes: build.mutation<RecoveryCodes, void>({
      query: () => ({ url: '/account/mfa/recovery-codes', method: 'POST' }),
    }),
  }),
});

export const {
  useProfileQuery,
  useUpdateProfileMutation,
  useChangePasswordMutation,
  useStartMfaSetupMutation,
  useEnableMfaMutation,
  useRegenerateRecoveryCodesMutation,
} = accountApi;
