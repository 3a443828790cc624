/**
 * Object names in the report bucket, shared by the digest function that writes them, the stack that
 * grants exactly them, and the CLI that presigns them (`banwatch report --url`, `feed --url`).
 */
export const REPORT_OBJECT = 'report.html';
export const ATOM_OBJECT = 'events.atom';
