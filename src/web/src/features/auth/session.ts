import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { refreshAntiforgery } from '../../api/antiforgery';
import { baseApi } from '../../api/baseApi';
import { authApi } from './authApi';
import { mfaPendingSet, noticeShown, returnToSet } from './authSlice';

export const mfaSetupPath = '/account/mfa/setup';

/** Moves between signed-out and signed-in states, keeping the cached user and the anti-forgery token in step. */
export function useSession() {
  const dispatch = useAppDispatch();
  const navigate = useNavigate();
  const returnTo = useAppSelector((state) => state.auth.returnTo);

  const reloadMe = useCallback(async () => {
    await dispatch(authApi.endpoints.me.initiate(undefined, { forceRefetch: true, subscribe: false }));
  }, [dispatch]);

  /** After a successful sign-in (or MFA step): the token is now bound to the user, and the user may change. */
  const completeSignIn = useCallback(
    async (destination?: string) => {
      dispatch(mfaPendingSet(false));
      await refreshAntiforgery();
      await reloadMe();
      const target = destination ?? returnTo ?? '/';
      dispatch(returnToSet(null));
      await navigate(target, { replace: true });
    },
    [dispatch, navigate, reloadMe, returnTo],
  );

  /** After signing out: forget every cached answer, which belonged to the previous user. */
  const endSession = useCallback(
    async (notice: string) => {
      dispatch(baseApi.util.resetApiState());
      dispatch(mfaPendingSet(false));
      await refreshAntiforgery();
      dispatch(noticeShown(notice));
      await navigate('/sign-in', { replace: true });
    },
    [dispatch, navigate],
  );

  return { reloadMe, completeSignIn, endSession };
}
