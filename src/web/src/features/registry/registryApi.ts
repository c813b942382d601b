import { baseApi } from '../../api/baseApi';

/**
 * The registry's endpoints share the base API; these are the cache tags they add to it
 * ('Areas' is already known to the base API, which the administration area picker uses too).
 */
export const registryApi = baseApi.enhanceEndpoints({
  addTagTypes: [
    'Structure',
    'Institution',
    'Institutions',
    'InstitutionChanges',
    'Learner',
    'Learners',
    'StaffMember',
    'Staff',
    'Enrolments',
  ],
});

/** Identifiers travel as GUID strings. */
export type Id = string;

/** A calendar date as the server sends it: "2026-01-05". */
export type DateOnly = string;
