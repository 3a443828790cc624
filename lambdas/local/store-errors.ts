/**
 * Failures of the local store (dynalite on LevelDB) as one clear StoreUnavailableError each: a
 * stable code, what is wrong, and what to do. The CLI prints them as one `banwatch: error:` line.
 * Nothing here deletes or rewrites user data; the hints point at `banwatch repair` (which keeps a
 * copy of everything it changes) or a backup.
 */
import { BanwatchError, StoreUnavailableError } from '../core/errors.js';

export const LOCAL_STORE_ERROR_CODES = {
  /** Another banwatch process holds the data directory. */
  locked: 'STORE_LOCKED',
  /** The database files fail an integrity check or LevelDB reports corruption. */
  damaged: 'STORE_DAMAGED',
  /** The files cannot be read or written (permissions, disk full, I/O error). */
  unreadable: 'STORE_UNREADABLE',
} as const;

/** The hint every damaged-store message ends with. */
export function repairHint(dataDir: string): string {
  return `nothing was changed; restore the data directory from a backup, or run \`banwatch repair --data ${dataDir}\` (it keeps a copy of the damaged files)`;
}

export function damagedError(dataDir: string, what: string, cause?: unknown): StoreUnavailableError {
  return new StoreUnavailableError(
    LOCAL_STORE_ERROR_CODES.damaged,
    `the database in ${dataDir} is damaged: ${what}; ${repairHint(dataDir)}`,
    cause === undefined ? undefined : { cause },
  );
}

/** Errno codes that mean "the files are there but we may not use them". */
const ACCESS_CODES = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'EIO', 'ENOTDIR', 'EISDIR', 'EMFILE', 'ENFILE']);

export function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const reason: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    EIO: 'I/O error',
    ENOTDIR: 'a path component is a file, not a directory',
    EISDIR: 'a directory is where a file should be',
  };
  return e?.code && reason[e.code] ? `${reason[e.code]} (${e.path ?? e.message})` : (e?.message ?? String(err));
}

/**
 * Is this an error of the embedded database (LevelDB via dynalite) or of the data directory's
 * files, thrown where no one translated it? dynalite rethrows storage errors inside its request
 * handler; they surface as uncaught exceptions.
 */
export function isLocalStoreFailure(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: string }).code ?? '';
  if (code.startsWith('LEVEL_') || ACCESS_CODES.has(code)) return true;
  return /^(Corruption|IO error|Invalid argument|NotFound): |Database is (closed|not open)/.test(err.message);
}

/** Maps any failure of the local store to a StoreUnavailableError with a code and a hint. */
export function translateLocalStoreError(err: unknown, dataDir: string): BanwatchError {
  if (err instanceof BanwatchError) return err;
  const e = err as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const message = `${e?.message ?? String(err)}${e?.cause?.message ? `: ${e.cause.message}` : ''}`.replace(/\s+/g, ' ');
  const fsCode = e?.code && ACCESS_CODES.has(e.code) ? e.code : e?.cause?.code && ACCESS_CODES.has(e.cause.code) ? e.cause.code : null;
  if (fsCode || /IO error|Permission denied|Read-only file system|No space left/i.test(message)) {
    return new StoreUnavailableError(
      LOCAL_STORE_ERROR_CODES.unreadable,
      `cannot use the database in ${dataDir}: ${fsCode ? describeFsError(err) : message}; check the directory's permissions and free disk space, then run again`,
      { cause: err },
    );
  }
  if (/Corruption|Invalid argument|NotFound|LEVEL_DECODE_ERROR|Could not decode|truncated|checksum/i.test(`${message} ${e?.code ?? ''}`)) {
    return damagedError(dataDir, `LevelDB reports "${message}"`, err);
  }
  if (/Database is (closed|not open)/.test(message)) {
    return new StoreUnavailableError(
      LOCAL_STORE_ERROR_CODES.unreadable,
      `the database in ${dataDir} closed unexpectedly (${message}); run again, and if it keeps failing run \`banwatch repair --data ${dataDir}\``,
      { cause: err },
    );
  }
  return new StoreUnavailableError(
    LOCAL_STORE_ERROR_CODES.unreadable,
    `the database in ${dataDir} failed: ${message}; run again, and if it keeps failing run \`banwatch repair --data ${dataDir}\``,
    { cause: err },
  );
}
