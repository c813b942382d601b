import { queryParams, type Page } from '../../api/baseApi';
import { registryApi, type Id } from './registryApi';

export interface RegistryArea {
  id: Id;
  code: string;
  name: string;
  parentId: Id | null;
  level: number;
  version: number;
}

export interface AreaListQuery {
  parentId?: Id;
  search?: string;
  page: number;
  pageSize: number;
}

/** The largest page the server gives (PageRequest.MaxPageSize). */
export const maxPageSize = 200;

export const areasApi = registryApi.injectEndpoints({
  endpoints: (build) => ({
    areaList: build.query<Page<RegistryArea>, AreaListQuery>({
      query: ({ parentId, search, page, pageSize }) => ({
        url: '/areas',
        params: queryParams({ parentId, search, page, pageSize }),
      }),
      providesTags: ['Areas'],
    }),
    createArea: build.mutation<RegistryArea, { code: string; name: string; parentId: Id | null }>({
      query: (body) => ({ url: '/areas', method: 'POST', body }),
      invalidatesTags: ['Areas'],
    }),
    updateArea: build.mutation<RegistryArea, { id: Id; code: string; name: string; version: number }>({
      query: ({ id, ...body }) => ({ url: `/areas/${encodeURIComponent(id)}`, method: 'PUT', body }),
      invalidatesTags: ['Areas', 'Institutions'],
    }),
    /** Moves an area and everything below it under another parent (null: to the top). */
    moveArea: build.mutation<RegistryArea, { id: Id; parentId: Id | null; version: number }>({
      query: ({ id, ...body }) => ({ url: `/areas/${encodeURIComponent(id)}/move`, method: 'POST', body }),
      // Also after a refusal, so that a retry sends the version the server has now.
      invalidatesTags: ['Areas', 'Institutions'],
    }),
  }),
});

export const { useAreaListQuery, useCreateAreaMutation, useUpdateAreaMutation, useMoveAreaMutation } = areasApi;

/** Every area the caller may see (one page of the largest size), for pickers and filters. */
export function useAllAreasQuery() {
  return useAreaListQuery({ page: 1, pageSize: maxPageSize });
}

export interface AreaOption {
  area: RegistryArea;
  depth: number;
  /** Names from the highest visible area down to this one. */
  path: string[];
  isLeaf: boolean;
}

/**
 * Puts a flat list of areas in tree order (each area followed by the areas below it). An area
 * whose parent is not in the list (outside the caller's scope, or the country itself) is a root.
 */
export function areaTree(areas: RegistryArea[] | undefined): AreaOption[] {
  const list = areas ?? [];
  const ids = new Set(list.map((a) => a.id));
  const children = new Map<Id | null, RegistryArea[]>();
  for (const area of list) {
    const parent = area.parentId !== null && ids.has(area.parentId) ? area.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), area]);
  }
  const result: AreaOption[] = [];
  const visit = (parent: Id | null, depth: number, path: string[]) => {
    const below = [...(children.get(parent) ?? [])].sort((a, b) => a.code.localeCompare(b.code));
    for (const area of below) {
      const here = [...path, area.name];
      result.push({ area, depth, path: here, isLeaf: !children.has(area.id) });
      visit(area.id, depth + 1, here);
    }
  };
  visit(null, 0, []);
  return result;
}

/** The area and every area below it, among those listed (an area cannot move below itself). */
export function subtreeIds(areas: RegistryArea[] | undefined, rootId: Id): Set<Id> {
  const result = new Set<Id>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const area of areas ?? []) {
      if (area.parentId !== null && result.has(area.parentId) && !result.has(area.id)) {
        result.add(area.id);
        grew = true;
      }
    }
  }
  return result;
}
