// What a client written against the generated types may and may not do with the codes of the
// example catalog's responses (`scripts/openapi-ts.sh` type-checks this file with `tsc --strict`).
import type { components } from "../../runtime/examples/errors";

type Responses = components["responses"];
type Item<S extends keyof Responses> =
    Responses[S]["content"]["application/json"]["errors"][number];

declare const badRequest: Item<400>;
declare const notFound: Item<404>;
declare const tooMany: Item<429>;
declare const internal: Item<500>;

// Each response's code is the union of its codes, not `number`.
export const codes400: 200601 | 5000 = badRequest.errorCode;
export const codes404: 3001 | 3002 = notFound.errorCode;
export const codes429: 4029 = tooMany.errorCode;
export const codes500: 2006 | 9001 = internal.errorCode;

// A code of another status is a type error.
// @ts-expect-error 3001 is a 404's code, not a 400's.
export const wrong: 3001 = badRequest.errorCode;
// @ts-expect-error a 404 never carries 5000.
export const never5000 = notFound.errorCode === 5000;

// The fields are typed too.
export const subject: string | undefined = badRequest.subject;
export const message: string = notFound.message;
