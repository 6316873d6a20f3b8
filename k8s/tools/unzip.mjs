// Extracts named entries of a zip file with Node alone, for machines without the `unzip` command.
//
// Usage: node unzip.mjs <archive.zip> <destDir> <entry>...   (entries are written flat into destDir)

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const [archive, dest, ...wanted] = process.argv.slice(2);
const zip = readFileSync(archive);

// The central directory, found through the end-of-central-directory record, lists every entry
// with its compression method, sizes and local header offset.
const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
if (eocd < 0) throw new Error(`${archive}: not a zip file`);
const entryCount = zip.readUInt16LE(eocd + 10);
let at = zip.readUInt32LE(eocd + 16);
mkdirSync(dest, { recursive: true });
const found = new Set();
for (let i = 0; i < entryCount; i++) {
  const method = zip.readUInt16LE(at + 10);
  const compressedSize = zip.readUInt32LE(at + 20);
  const nameLength = zip.readUInt16LE(at + 28);
  const extraLength = zip.readUInt16LE(at + 30);
  const commentLength = zip.readUInt16LE(at + 32);
  const localHeader = zip.readUInt32LE(at + 42);
  const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
  at += 46 + nameLength + extraLength + commentLength;
  if (!wanted.includes(name)) continue;
  // The local header repeats name/extra with its own lengths; the data follows it.
  const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
  const raw = zip.subarray(dataStart, dataStart + compressedSize);
  const content = method === 0 ? raw : method === 8 ? inflateRawSync(raw) : null;
  if (!content) throw new Error(`${name}: unsupported compression method ${method}`);
  writeFileSync(join(dest, basename(name)), content, { mode: 0o755 });
  found.add(name);
}
const missing = wanted.filter((w) => !found.has(w));
if (missing.length > 0) throw new Error(`${archive}: missing entries ${missing.join(', ')}`);
