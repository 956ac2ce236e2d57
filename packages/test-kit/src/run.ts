// What one test run shares between its workers: the run's id (names its PostgreSQL templates) and a
// directory (holds its PGlite dumps). Set by global-setup.ts; a process without it makes its own.
export const RUN_ID_ENV = 'JINJI_TEST_RUN';
export const RUN_DIR_ENV = 'JINJI_TEST_RUN_DIR';
export const TEMPLATE_PREFIX = 'jinji_tpl_';
