/** File types accepted as attachments (post-trip reports, evidence of follow-ups). */
export type AttachmentType = 'pdf' | 'odt' | 'ods' | 'docx' | 'xlsx' | 'png' | 'jpeg';

export const MEDIA_TYPES: Record<AttachmentType, string> = {
  pdf: 'application/pdf',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpeg: 'image/jpeg',
};

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((b, i) => bytes[offset + i] === b);
}

function ascii(bytes: Uint8Array, from: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(from, from + length));
}

/**
 * The type of a file judged by its content, never by its name or the type a client claims:
 * PDF by `%PDF-`; ODF by the stored `mimetype` entry that ODF requires first in the zip;
 * OOXML by a zip whose entries name `word/` or `xl/`; PNG and JPEG by their magic numbers.
 * Returns null for anything else (executables, HTML, scripts, unknown zips).
 */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // Local file header: name length at 26, extra length at 28, name at 30.
    const nameLength = (bytes[26] ?? 0) | ((bytes[27] ?? 0) << 8);
    const extraLength = (bytes[28] ?? 0) | ((bytes[29] ?? 0) << 8);
    const firstName = ascii(bytes, 30, nameLength);
    if (firstName === 'mimetype') {
      const content = ascii(bytes, 30 + nameLength + extraLength, 60);
      if (content.startsWith(MEDIA_TYPES.odt)) return 'odt';
      if (content.startsWith(MEDIA_TYPES.ods)) return 'ods';
      return null;
    }
    // OOXML packages start with [Content_Types].xml or a part; look for the main part's folder.
    const head = ascii(bytes, 0, Math.min(bytes.length, 64 * 1024));
    if (head.includes('word/')) return 'docx';
    if (head.includes('xl/')) return 'xlsx';
  }
  return null;
}

/** A file name safe to show and to put in Content-Disposition: no folders, no control characters. */
export function safeFileName(name: string, type: AttachmentType): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').replace(/^\.+/, '').trim().slice(0, 150);
  const stem = cleaned === '' ? 'attachment' : cleaned;
  const extension = type === 'jpeg' ? 'jpg' : type;
  return stem.toLowerCase().endsWith(`.${extension}`) ? stem : `${stem}.${extension}`;
}
