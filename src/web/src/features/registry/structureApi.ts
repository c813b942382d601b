import { registryApi, type DateOnly, type Id } from './registryApi';

export interface Grade {
  id: Id;
  code: string;
  name: string;
  sequence: number;
  officialAge: number;
  version: number;
}

export interface EducationLevel {
  id: Id;
  code: string;
  name: string;
  iscedLevel: number;
  entranceAge: number;
  durationYears: number;
  sequence: number;
  version: number;
  grades: Grade[];
}

export interface AcademicYear {
  id: Id;
  code: string;
  name: string;
  startsOn: DateOnly;
  endsOn: DateOnly;
  terms: { name: string; startsOn: DateOnly; endsOn: DateOnly }[];
  version: number;
}

export const structureApi = registryApi.injectEndpoints({
  endpoints: (build) => ({
    levels: build.query<EducationLevel[], void>({
      query: () => '/education/levels',
      providesTags: ['Structure'],
    }),
    academicYears: build.query<AcademicYear[], void>({
      query: () => '/education/years',
      providesTags: ['Structure'],
    }),
  }),
});

export const { useLevelsQuery, useAcademicYearsQuery } = structureApi;

/** Every grade with its level, in the order of the education system. */
export function allGrades(levels: EducationLevel[] | undefined): { level: EducationLevel; grade: Grade }[] {
  return (levels ?? []).flatMap((level) => level.grades.map((grade) => ({ level, grade })));
}
