import { createSlice, type PayloadAction } from '@reduxjs/toolkit';

/** Client-side state of signing in: where to go afterwards, and a one-off notice for the next page. */
export interface AuthState {
  returnTo: string | null;
  notice: string | null;
  /** Password accepted, second factor still due: the session must not be used as a full one yet. */
  mfaPending: boolean;
}

const initialState: AuthState = { returnTo: null, notice: null, mfaPending: false };

export const authSlice = createSlice({
  name: 'auth',
  initialState,
  reducers: {
    returnToSet(state, action: PayloadAction<string | null>) {
      state.returnTo = action.payload;
    },
    noticeShown(state, action: PayloadAction<string>) {
      state.notice = action.payload;
    },
    noticeDismissed(state) {
      state.notice = null;
    },
    mfaPendingSet(state, action: PayloadAction<boolean>) {
      state.mfaPending = action.payload;
    },
  },
});

export const { returnToSet, noticeShown, noticeDismissed, mfaPendingSet } = authSlice.actions;
