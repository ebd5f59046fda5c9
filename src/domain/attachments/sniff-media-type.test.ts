import { describe, expect, it } from 'vitest';
import { safeFileName, sniffAttachmentType } from '#app/domain/attachments/sniff-media-type.ts';

function zipWithFirstEntry(name: string, content: string): Uint8Array {
  const header = new Uint8Array(30);
  header.set([0x50, 0x4b, 0x03, 0x04]);
  header[26] = name.length;
  return new Uint8Array([...header, ...Buffer.from(name), ...Buffer.from(content)]);
}

describe('sniffAttachmentType', () => {
  it('recognises files by their content', () => {
    expect(sniffAttachmentType(Buffer.from('%PDF-1.7\n...'))).toBe('pdf');
    expect(sniffAttachmentType(zipWithFirstEntry('mimetype', 'application/vnd.oasis.opendocument.text'))).toBe('odt');
    expect(sniffAttachmentType(zipWithFirstEntry('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'))).toBe('ods');
    expect(sniffAttachmentType(zipWithFirstEntry('[Content_Types].xml', '<Types/> word/document.xml'))).toBe('docx');
    expect(sniffAttachmentType(zipWithFirstEntry('[Content_Types].xml', '<Types/> xl/workbook.xml'))).toBe('xlsx');
    expect(sniffAttachmentType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(sniffAttachmentType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
  });
  it('refuses what it does not know, whatever the name says', () => {
    expect(sniffAttachmentType(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(sniffAttachmentType(Buffer.from('MZ\x90\x00 executable'))).toBeNull();
    expect(sniffAttachmentType(zipWithFirstEntry('mimetype', 'application/epub+zip'))).toBeNull();
    expect(sniffAttachmentType(zipWithFirstEntry('evil.sh', '#!/bin/sh'))).toBeNull();
    expect(sniffAttachmentType(new Uint8Array())).toBeNull();
  });
});

describe('safeFileName', () => {
  it('drops folders, control characters and quotes, and keeps the real extension', () => {
    expect(safeFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(safeFileName('..\\..\\win.ini', 'pdf')).toBe('win.ini.pdf');
    expect(safeFileName('出國報告"\r\n.pdf', 'pdf')).toBe('出國報告.pdf');
    expect(safeFileName('', 'odt')).toBe('attachment.odt');
    expect(safeFileName('report.PDF', 'pdf')).toBe('report.PDF');
    expect(safeFileName('photo.png', 'jpeg')).toBe('photo.png.jpg');
  });
});
