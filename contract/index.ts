/**
 * The public contract of the PACAK API, version 1: the one place its shapes and shared constants are
 * written. The server's schemas and report builders are checked against these types at compile time;
 * the widget and the dashboard import the types with `import type`, so they add nothing to a bundle.
 */
export * from './api.js';
export * from './constants.js';
export * from './reports.js';
export * from './search.js';

/** Compiles only when `Actual` can stand where `Contract` is expected: `type Check = Satisfies<Mine, Theirs>`. */
export type Satisfies<Actual extends Contract, Contract> = Actual;
export * from './employee-page.js';
