import { strToU8, zipSync, type Zippable } from 'fflate';

/** A file of a zip package: its path inside the package and its content. */
export interface PackagePart {
  path: string;
  content: string | Uint8Array;
}

/**
 * Zips the parts in the given order. An ODF package passes `mimetype` as its first part; it is then
 * stored uncompressed with no extra field, as ODF 1.2 §3.3 requires, so tools can sniff the type.
 */
export function zipPackage(parts: readonly PackagePart[]): Uint8Array {
  const files: Zippable = {};
  // A fixed timestamp keeps the output byte-for-byte reproducible for the same input.
  const mtime = new Date('2020-01-01T00:00:00Z');
  for (const part of parts) {
    const data = typeof part.content === 'string' ? strToU8(part.content) : part.content;
    files[part.path] = [data, { level: part.path === 'mimetype' ? 0 : 6, mtime }];
  }
  return zipSync(files);
}
