// Shared set-up for the registry tests: the whole app at a route (with the query string visible),
// and the reference data every registry screen reads.
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { Provider } from 'react-redux';
import { MemoryRouter, useLocation } from 'react-router';
import { AppRoutes } from '../../app/AppRoutes';
import { createStore } from '../../app/store';
import type { Me } from '../auth/authApi';
import { academicYears, educationLevels, registrarMe, registryAreas } from '../../test/fixtures';
import type { InstitutionDetail } from './institutionsApi';
import { api, server } from '../../test/server';

function LocationProbe() {
  const location = useLocation();
  return (
    <>
      <div data-testid="location">{location.pathname}</div>
      <div data-testid="search">{location.search}</div>
    </>
  );
}

/** Like renderApp, but the probe also shows the query string, where the list filters live. */
export function renderRegistry(path: string) {
  const store = createStore();
  const user = userEvent.setup();
  const view = render(
    <Provider store={store}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
        <LocationProbe />
      </MemoryRouter>
    </Provider>,
  );
  return { store, user, ...view };
}

export function pageOf<T>(items: T[], page = 1, pageSize = 20, total = items.length) {
  return { items, page, pageSize, total };
}

export function searchOf(request: Request): URLSearchParams {
  return new URL(request.url).searchParams;
}

/** The signed-in user, the education structure and the areas. */
export function serveRegistryBasics(me: Me = registrarMe) {
  server.use(
    http.get(api('/auth/me'), () => HttpResponse.json(me)),
    http.get(api('/education/levels'), () => HttpResponse.json(educationLevels)),
    http.get(api('/education/years'), () => HttpResponse.json(academicYears)),
    http.get(api('/areas'), ({ request }) => {
      const parentId = searchOf(request).get('parentId');
      const items = parentId ? registryAreas.filter((a) => a.parentId === parentId) : registryAreas;
      return HttpResponse.json(pageOf(items, 1, 200));
    }),
  );
}

/** An institution's detail page: the institution (as the getter returns it now), an empty change log and class. */
export function serveInstitution(get: () => InstitutionDetail) {
  const id = get().id;
  server.use(
    http.get(api(`/institutions/${id}`), () => HttpResponse.json(get())),
    http.get(api(`/institutions/${id}/changes`), () => HttpResponse.json(pageOf([], 1, 10))),
    http.get(api('/enrolments'), () => HttpResponse.json(pageOf([], 1, 100))),
    http.get(api('/learners'), () => HttpResponse.json(pageOf([], 1, 200))),
  );
}
