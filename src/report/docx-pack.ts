/**
 * Packs the parts of a Word document into its .docx (a ZIP archive) with Node's own zlib.
 * Why: the docx library deflates with the JavaScript zip (jszip and pako) bundled in it, and for
 * a report of 30 pages that was the largest single cost of `kader report --format docx`: ~100 ms
 * of CPU time in a fresh process, where zlib's native deflate takes a few milliseconds for the
 * same ~190 kB (bench/README.md, issue #20, fourth round). The archive holds only what a .docx
 * needs: stored or deflated files, no folders, no ZIP64 (a report is far below 4 GB).
 */
// A namespace import: zlib.crc32 is missing before Node 20.15, and a named import of it would not link.
import * as zlib from 'node:zlib';

export interface Part {
  /** The path inside the archive, e.g. `word/document.xml`. */
  name: string;
  data: Uint8Array;
}

/** Whether this Node can pack natively (zlib.crc32 came in Node 20.15); if not, the caller uses docx's own packer. */
export const canPack = typeof zlib.crc32 === 'function';

/** MS-DOS time and date, as ZIP headers store them (local time, two-second steps, from 1980). */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.max(date.getFullYear(), 1980);
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/**
 * A ZIP archive of `parts`, in their order, each deflated unless that would not make it smaller
 * (then stored, as jszip does for tiny files too). `[Content_Types].xml` should come first: Word
 * writes it first, and some readers of Office files expect it there.
 */
export function zipParts(parts: readonly Part[], modified: Date = new Date()): Buffer {
  const { time, date } = dosDateTime(modified);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const deflated = zlib.deflateRawSync(part.data);
    const stored = deflated.length >= part.data.length;
    const body = stored ? Buffer.from(part.data.buffer, part.data.byteOffset, part.data.byteLength) : deflated;
    // Bit 11: the name is UTF-8 (only needed when it is not plain ASCII).
    const flags = /[^\x20-\x7e]/.test(part.name) ? 0x0800 : 0;
    const fields = { method: stored ? 0 : 8, crc: zlib.crc32(part.data) >>> 0, size: body.length, original: part.data.length };
    // The local header and the central directory's entry describe the file with the same 22
    // bytes (flags to name length), at offset 6 and 8 respectively.
    const describe = (header: Buffer, at: number) => {
      header.writeUInt16LE(flags, at);
      header.writeUInt16LE(fields.method, at + 2);
      header.writeUInt16LE(time, at + 4);
      header.writeUInt16LE(date, at + 6);
      header.writeUInt32LE(fields.crc, at + 8);
      header.writeUInt32LE(fields.size, at + 12);
      header.writeUInt32LE(fields.original, at + 16);
      header.writeUInt16LE(name.length, at + 20);
    };

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); // local file header
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    describe(local, 6);
    local.writeUInt16LE(0, 28); // no extra field

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0); // central directory header
    entry.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
    entry.writeUInt16LE(20, 6);
    describe(entry, 8);
    // extra field, comment, disk number, internal and external attributes: all zero
    entry.writeUInt32LE(offset, 42);

    chunks.push(local, name, body);
    central.push(entry, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); // end of central directory
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}
