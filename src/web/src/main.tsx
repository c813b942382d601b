import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'react-redux';
import { BrowserRouter } from 'react-router';
import { ensureAntiforgery } from './api/antiforgery';
import { AppRoutes } from './app/AppRoutes';
import { createStore } from './app/store';
import './styles.css';

const store = createStore();
const root = document.getElementById('root');

// Unsafe requests need the anti-forgery cookie: fetch it once before the first screen.
void ensureAntiforgery().finally(() => {
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <Provider store={store}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </Provider>
    </StrictMode>,
  );
});
