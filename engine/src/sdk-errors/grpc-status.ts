/** The gRPC status codes by number, as gRPC and Google Cloud client libraries name them in messages. */
export const grpcStatusNames = [
  "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED",
  "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
  "UNAUTHENTICATED",
] as const;

/** The name of a gRPC status code, e.g. 7 → PERMISSION_DENIED; undefined for a number that is none. */
export function grpcStatusName(code: number): string | undefined {
  return Number.isInteger(code) ? grpcStatusNames[code] : undefined;
}
