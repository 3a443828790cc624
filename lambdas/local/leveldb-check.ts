/**
 * Reads a LevelDB directory (the local database under <data>/db) without opening it, and says
 * whether LevelDB may safely open it.
 *
 * Why: LevelDB as built into classic-level runs without paranoid checks. Opening a store whose
 * CURRENT file is gone creates an empty one over it (and then deletes the old files); a log record
 * with a bad checksum is dropped during recovery and the log deleted afterwards; a flipped bit in a
 * table block is read back as data because block checksums are not verified on reads. Each of these
 * loses data silently. So before anything opens the store, this module checks what LevelDB would
 * trust: CURRENT names a MANIFEST, every MANIFEST record and every live log record has a valid
 * CRC-32C, every live table file has the size the MANIFEST recorded and every block in it a valid
 * CRC-32C. Only a torn tail of the newest log is accepted, as LevelDB itself accepts it: that is
 * what a process killed in the middle of a write leaves behind, and the write was never confirmed.
 *
 * File formats: https://github.com/google/leveldb/blob/main/doc/log_format.md and table_format.md.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the directory holds, decided from its file names only. */
export type DirKind =
  /** No directory, or nothing LevelDB wrote data into: a new store may be created here. */
  | 'new'
  /** CURRENT is there: an existing store. */
  | 'existing'
  /** Data files without CURRENT: an existing store that lost its root. Never create over it. */
  | 'orphaned';

export interface Problem {
  file: string;
  what: string;
  /** For a table whose footer and index are sound: the data blocks whose checksum fails. */
  badBlocks?: Array<{ offset: number; size: number }>;
}

export interface CheckResult {
  kind: DirKind;
  /** Empty when LevelDB may open the directory. */
  problems: Problem[];
  /** Live files (tables and logs) with their sizes, as found: kept in the clean-shutdown record. */
  files: Record<string, number>;
  /** Bytes read to verify. */
  bytesChecked: number;
  /** Logs ending in a write cut short (a killed process): file → bytes LevelDB will not replay. */
  tornLogs: Record<string, number>;
}

const LOG_BLOCK = 32 * 1024;
const LOG_HEADER = 7;
const TABLE_MAGIC = Buffer.from([0x57, 0xfb, 0x80, 0x8b, 0x24, 0x75, 0x47, 0xdb]);
const FOOTER = 48;
const BLOCK_TRAILER = 5;

const isTable = (name: string) => /^\d+\.(ldb|sst)$/.test(name);
const isLog = (name: string) => /^\d+\.log$/.test(name);
const isManifest = (name: string) => /^MANIFEST-\d+$/.test(name);
const numberOf = (name: string) => Number(/^(?:MANIFEST-)?(\d+)/.exec(name)?.[1] ?? NaN);

function listDir(dir: string): string[] | null {
  try {
    return readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * 'new' when nothing in the directory holds data: no tables, no non-empty log. A MANIFEST without
 * CURRENT and without data is what a kill during LevelDB's own creation of a store leaves: new too.
 */
export function classifyDir(dir: string): DirKind {
  const names = listDir(dir);
  if (!names) return 'new';
  if (names.includes('CURRENT')) return 'existing';
  const holdsData = names.some((n) => isTable(n) || (isLog(n) && statSync(join(dir, n)).size > 0));
  return holdsData ? 'orphaned' : 'new';
}

/**
 * Checks the directory as described at the top; throws only on I/O errors. With `verify` (the
 * default) every live byte is read and checksummed; without, only CURRENT, the MANIFEST and the
 * sizes of the live files are (what the clean-shutdown record keeps).
 */
export function checkLevelDb(dir: string, opts: { verify?: boolean } = {}): CheckResult {
  const verify = opts.verify ?? true;
  const kind = classifyDir(dir);
  const result: CheckResult = { kind, problems: [], files: {}, bytesChecked: 0, tornLogs: {} };
  if (kind === 'new') return result;
  if (kind === 'orphaned') {
    result.problems.push({ file: 'CURRENT', what: 'is missing while table and log files are present' });
    return result;
  }
  const problem = (file: string, what: string) => result.problems.push({ file, what });

  const current = readFileSync(join(dir, 'CURRENT'), 'latin1');
  const manifestName = current.endsWith('\n') ? current.slice(0, -1) : '';
  if (!isManifest(manifestName)) {
    problem('CURRENT', 'does not name a MANIFEST file');
    return result;
  }
  let manifest: Buffer;
  try {
    manifest = readFileSync(join(dir, manifestName));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    problem(manifestName, 'is missing (CURRENT names it)');
    return result;
  }
  result.files.CURRENT = current.length;
  result.files[manifestName] = manifest.length;
  result.bytesChecked += manifest.length;
  const records = readLogRecords(manifest);
  if (records.error) {
    problem(manifestName, records.error);
    return result;
  }
  const version = replayManifest(records.records);
  if (version.error) {
    problem(manifestName, version.error);
    return result;
  }

  for (const [number, size] of version.tables) {
    const name = [`${pad(number)}.ldb`, `${pad(number)}.sst`].find((n) => fileSize(join(dir, n)) !== null);
    if (!name) {
      problem(`${pad(number)}.ldb`, 'is missing (the MANIFEST lists it)');
      continue;
    }
    const actual = fileSize(join(dir, name))!;
    result.files[name] = actual;
    if (actual !== size) {
      problem(name, `is ${actual} bytes, the MANIFEST recorded ${size}`);
      continue;
    }
    if (!verify) continue;
    const data = readFileSync(join(dir, name));
    result.bytesChecked += data.length;
    const bad = checkTable(data);
    if (typeof bad === 'string') problem(name, bad);
    else if (bad.length > 0) {
      result.problems.push({ file: name, what: `has ${bad.length} data block(s) with a bad checksum (first at offset ${bad[0]!.offset})`, badBlocks: bad });
    }
  }

  // Logs LevelDB will replay: numbers at or above the MANIFEST's log number (and its prev log).
  const names = listDir(dir) ?? [];
  const logs = names
    .filter(isLog)
    .filter((n) => numberOf(n) >= version.logNumber || numberOf(n) === version.prevLogNumber)
    .sort((a, b) => numberOf(a) - numberOf(b));
  for (const name of logs) {
    if (!verify) {
      result.files[name] = fileSize(join(dir, name)) ?? 0;
      continue;
    }
    const data = readFileSync(join(dir, name));
    result.files[name] = data.length;
    result.bytesChecked += data.length;
    const read = readLogRecords(data);
    if (read.error) problem(name, read.error);
    else if (read.tornBytes > 0) result.tornLogs[name] = read.tornBytes;
  }
  return result;
}

function pad(n: number): string {
  return String(n).padStart(6, '0');
}

function fileSize(path: string): number | null {
  try {
    return statSync(path).size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

// ---------------------------------------------------------------- log format (logs and MANIFEST)

/**
 * The logical records of a log file, or the first corruption. A record cut short at the very end
 * of the file is the torn write of a killed process: it is left out, not reported (as LevelDB does).
 */
export function readLogRecords(data: Buffer): { records: Buffer[]; error?: string; tornBytes: number } {
  const records: Buffer[] = [];
  let pending: Buffer[] | null = null;
  let pos = 0;
  /** Just past the last complete logical record. */
  let complete = 0;
  while (pos < data.length) {
    const blockLeft = LOG_BLOCK - (pos % LOG_BLOCK);
    if (blockLeft < LOG_HEADER) {
      pos += blockLeft; // trailer: zeros, skipped
      continue;
    }
    if (data.length - pos < LOG_HEADER) break; // torn header at the end
    const length = data.readUInt16LE(pos + 4);
    const type = data[pos + 6]!;
    if (type === 0 && length === 0) {
      // Preallocated zeros (mmap writers): the rest of the block is empty.
      pos += blockLeft;
      continue;
    }
    if (LOG_HEADER + length > blockLeft) return { records, error: `bad record length at offset ${pos}`, tornBytes: 0 };
    if (pos + LOG_HEADER + length > data.length) break; // torn payload at the end
    const expected = unmask(data.readUInt32LE(pos));
    const actual = crc32c(data, pos + 6, pos + LOG_HEADER + length);
    if (expected !== actual) return { records, error: `checksum mismatch in the record at offset ${pos}`, tornBytes: 0 };
    const payload = data.subarray(pos + LOG_HEADER, pos + LOG_HEADER + length);
    pos += LOG_HEADER + length;
    switch (type) {
      case 1: // FULL
        if (pending) return { records, error: `record at offset ${pos} interrupts a fragmented one`, tornBytes: 0 };
        records.push(payload);
        complete = pos;
        break;
      case 2: // FIRST
        if (pending) return { records, error: `record at offset ${pos} interrupts a fragmented one`, tornBytes: 0 };
        pending = [payload];
        break;
      case 3: // MIDDLE
        if (!pending) return { records, error: `fragment without a start at offset ${pos}`, tornBytes: 0 };
        pending.push(payload);
        break;
      case 4: // LAST
        if (!pending) return { records, error: `fragment without a start at offset ${pos}`, tornBytes: 0 };
        pending.push(payload);
        records.push(Buffer.concat(pending));
        pending = null;
        complete = pos;
        break;
      default:
        return { records, error: `unknown record type ${type} at offset ${pos}`, tornBytes: 0 };
    }
  }
  // A FIRST/MIDDLE without its LAST at the end: the writer died between fragments. Not an error,
  // but those bytes are not replayed (zeros past the last record are padding, not data).
  const tail = data.subarray(complete);
  return { records, tornBytes: tail.some((b) => b !== 0) ? tail.length : 0 };
}

// ---------------------------------------------------------------- MANIFEST (VersionEdit records)

interface Version {
  tables: Map<number, number>;
  logNumber: number;
  prevLogNumber: number;
  error?: string;
}

function replayManifest(records: Buffer[]): Version {
  const version: Version = { tables: new Map(), logNumber: 0, prevLogNumber: 0 };
  if (records.length === 0) return { ...version, error: 'holds no records' };
  for (const rec of records) {
    const r = new Reader(rec);
    while (!r.done()) {
      const tag = r.varint();
      switch (tag) {
        case 1: // comparator name
          r.slice();
          break;
        case 2: // log number
          version.logNumber = r.varint();
          break;
        case 3: // next file number
        case 4: // last sequence
          r.varint();
          break;
        case 5: // compact pointer: level, internal key
          r.varint();
          r.slice();
          break;
        case 6: {
          // deleted file: level, number
          r.varint();
          version.tables.delete(r.varint());
          break;
        }
        case 7: {
          // new file: level, number, size, smallest, largest
          r.varint();
          const number = r.varint();
          const size = r.varint();
          r.slice();
          r.slice();
          version.tables.set(number, size);
          break;
        }
        case 9: // prev log number
          version.prevLogNumber = r.varint();
          break;
        default:
          return { ...version, error: `unknown VersionEdit tag ${tag}` };
      }
      if (r.bad) return { ...version, error: 'a VersionEdit record is cut short' };
    }
  }
  return version;
}

class Reader {
  pos = 0;
  bad = false;
  constructor(private readonly buf: Buffer) {}
  done(): boolean {
    return this.bad || this.pos >= this.buf.length;
  }
  /** Varint up to 64 bits; file numbers and sizes fit in a double's 53 bits. */
  varint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.buf.length) break;
      const byte = this.buf[this.pos++]!;
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 128;
    }
    this.bad = true;
    return 0;
  }
  slice(): Buffer {
    const len = this.varint();
    if (this.pos + len > this.buf.length) {
      this.bad = true;
      return Buffer.alloc(0);
    }
    const out = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }
}

// ---------------------------------------------------------------- table files

/**
 * What is wrong with a table file: a string when its footer or index is unusable (the whole file
 * is unreadable), else the data blocks whose checksum fails (empty: the table checks out).
 */
export function checkTable(data: Buffer): string | Array<{ offset: number; size: number }> {
  if (data.length < FOOTER) return 'is shorter than a table footer';
  if (!data.subarray(data.length - 8).equals(TABLE_MAGIC)) return 'has no table magic number at its end (truncated or overwritten)';
  const footer = new Reader(data.subarray(data.length - FOOTER, data.length - 8));
  const meta = { offset: footer.varint(), size: footer.varint() };
  const index = { offset: footer.varint(), size: footer.varint() };
  if (footer.bad) return 'has an unreadable footer';
  const metaBad = checkBlock(data, meta);
  if (metaBad) return `metaindex block ${metaBad}`;
  const indexBlock = readBlock(data, index);
  if (typeof indexBlock === 'string') return `index block ${indexBlock}`;
  const handles = blockValues(indexBlock);
  if (handles === null) return 'index block is malformed';
  const bad: Array<{ offset: number; size: number }> = [];
  for (const value of handles) {
    const h = new Reader(value);
    const handle = { offset: h.varint(), size: h.varint() };
    if (h.bad) return 'index block holds a malformed block handle';
    const problem = checkBlock(data, handle);
    if (problem === 'lies past the end of the file') return `data block at offset ${handle.offset} ${problem}`;
    if (problem) bad.push(handle);
  }
  return bad;
}

function checkBlock(data: Buffer, h: { offset: number; size: number }): string | null {
  const end = h.offset + h.size;
  if (end + BLOCK_TRAILER > data.length) return 'lies past the end of the file';
  const expected = unmask(data.readUInt32LE(end + 1));
  const actual = crc32c(data, h.offset, end + 1);
  return expected === actual ? null : 'has a bad checksum';
}

function readBlock(data: Buffer, h: { offset: number; size: number }): Buffer | string {
  const bad = checkBlock(data, h);
  if (bad) return bad;
  const raw = data.subarray(h.offset, h.offset + h.size);
  const type = data[h.offset + h.size];
  if (type === 0) return raw;
  if (type === 1) return snappyDecompress(raw) ?? 'cannot be decompressed';
  return `has unknown compression type ${type}`;
}

/** Values of a block's entries (prefix-compressed keys are skipped over, not rebuilt). */
function blockValues(block: Buffer): Buffer[] | null {
  if (block.length < 4) return null;
  const restarts = block.readUInt32LE(block.length - 4);
  const limit = block.length - 4 - restarts * 4;
  if (limit < 0) return null;
  const r = new Reader(block.subarray(0, limit));
  const values: Buffer[] = [];
  while (!r.done()) {
    r.varint(); // shared key bytes
    const unshared = r.varint();
    const valueLen = r.varint();
    r.pos += unshared;
    if (r.bad || r.pos + valueLen > limit) return null;
    values.push(block.subarray(r.pos, r.pos + valueLen));
    r.pos += valueLen;
  }
  return r.bad ? null : values;
}

/** Snappy raw format (https://github.com/google/snappy/blob/main/format_description.txt). */
export function snappyDecompress(src: Buffer): Buffer | null {
  const r = new Reader(src);
  const length = r.varint();
  if (r.bad || length > 64 * 1024 * 1024) return null;
  const out = Buffer.alloc(length);
  let o = 0;
  let p = r.pos;
  while (p < src.length) {
    const tag = src[p++]!;
    const kind = tag & 3;
    if (kind === 0) {
      let len = tag >>> 2;
      if (len >= 60) {
        const bytes = len - 59;
        if (p + bytes > src.length) return null;
        len = src.readUIntLE(p, bytes);
        p += bytes;
      }
      len += 1;
      if (p + len > src.length || o + len > length) return null;
      src.copy(out, o, p, p + len);
      o += len;
      p += len;
      continue;
    }
    let len: number;
    let offset: number;
    if (kind === 1) {
      if (p + 1 > src.length) return null;
      len = ((tag >>> 2) & 7) + 4;
      offset = ((tag >>> 5) << 8) | src[p++]!;
    } else if (kind === 2) {
      if (p + 2 > src.length) return null;
      len = (tag >>> 2) + 1;
      offset = src.readUInt16LE(p);
      p += 2;
    } else {
      if (p + 4 > src.length) return null;
      len = (tag >>> 2) + 1;
      offset = src.readUInt32LE(p);
      p += 4;
    }
    if (offset === 0 || offset > o || o + len > length) return null;
    // Byte by byte: a copy may overlap its own output (run-length style).
    for (let i = 0; i < len; i++, o++) out[o] = out[o - offset]!;
  }
  return o === length ? out : null;
}

// ---------------------------------------------------------------- CRC-32C (Castagnoli), slicing by 8

const CRC_TABLES = (() => {
  const tables = Array.from({ length: 8 }, () => new Int32Array(256));
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
    tables[0]![n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = tables[0]![n]!;
    for (let t = 1; t < 8; t++) {
      c = tables[0]![c & 0xff]! ^ (c >>> 8);
      tables[t]![n] = c;
    }
  }
  return tables;
})();

export function crc32c(buf: Buffer, start = 0, end = buf.length): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = CRC_TABLES as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  let crc = -1;
  let i = start;
  for (; i + 8 <= end; i += 8) {
    const a = crc ^ (buf[i]! | (buf[i + 1]! << 8) | (buf[i + 2]! << 16) | (buf[i + 3]! << 24));
    crc =
      t7[a & 0xff]! ^
      t6[(a >>> 8) & 0xff]! ^
      t5[(a >>> 16) & 0xff]! ^
      t4[a >>> 24]! ^
      t3[buf[i + 4]!]! ^
      t2[buf[i + 5]!]! ^
      t1[buf[i + 6]!]! ^
      t0[buf[i + 7]!]!;
  }
  for (; i < end; i++) crc = t0[(crc ^ buf[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/** LevelDB stores CRCs masked (so a CRC of data that holds CRCs is not degenerate). */
function unmask(masked: number): number {
  const rot = (masked - 0xa282ead8) >>> 0;
  return ((rot >>> 17) | (rot << 15)) >>> 0;
}
