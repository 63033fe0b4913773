/**
 * Options for object-level rules of the form schemas, so that one submit reports every error.
 *
 * zod 4 skips an object's `refine` and `superRefine` once any field has failed, unless the rule
 * has a `when` option. A rule such as "end date before start date" would then show only after
 * the user had fixed every other field.
 */
import type * as z from 'zod';

/**
 * Builds the `when` option of an object-level rule that reads `fields`: the rule runs whenever
 * none of those fields has an issue, whatever other fields failed. zod still skips it after an
 * issue raised with `abort: true`, so the form schemas do not use that flag.
 */
export function whenFieldsValid(fields: readonly string[]): { readonly when: (payload: z.core.ParsePayload) => boolean } {
  return {
    when: (payload) =>
      payload.issues.every((issue) => {
        // An issue without a path is about the whole input (not an object), so no field can be read.
        const field = issue.path?.[0];
        return field !== undefined && !fields.includes(String(field));
      }),
  };
}
