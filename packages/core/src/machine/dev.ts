/**
 * True in development builds and in tests; each build replaces `process.env.NODE_ENV`, so production builds drop every
 * `dev &&` branch (explanatory messages, warnings) and neither build reads `process` at run time.
 */
export const dev = process.env.NODE_ENV !== "production";
