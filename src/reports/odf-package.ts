import { escapeXml } from '#app/reports/xml-text.ts';
import { zipPackage } from '#app/reports/zip-package.ts';

/** The namespaces an ODF 1.2 document of Mission Ledger uses, as attributes of the root element. */
export const ODF_NAMESPACES = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
].join(' ');

/** The parts of an ODF document besides the ones every package has. */
export interface OdfParts {
  mimetype: string;
  content: string;
  styles: string;
  title: string;
}

function meta(title: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta ${ODF_NAMESPACES} office:version="1.2"><office:meta><meta:generator>Mission Ledger</meta:generator><dc:title>${escapeXml(title)}</dc:title><dc:language>zh-TW</dc:language></office:meta></office:document-meta>`;
}

function manifest(mimetype: string): string {
  const entry = (path: string, type: string) => `<manifest:file-entry manifest:full-path="${path}" manifest:media-type="${type}"/>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="${mimetype}"/>${entry('content.xml', 'text/xml')}${entry('styles.xml', 'text/xml')}${entry('meta.xml', 'text/xml')}</manifest:manifest>`;
}

/** Zips an ODF package: `mimetype` first and stored, then content, styles, meta and the manifest listing them. */
export function odfPackage(parts: OdfParts): Uint8Array {
  return zipPackage([
    { path: 'mimetype', content: parts.mimetype },
    { path: 'content.xml', content: parts.content },
    { path: 'styles.xml', content: parts.styles },
    { path: 'meta.xml', content: meta(parts.title) },
    { path: 'META-INF/manifest.xml', content: manifest(parts.mimetype) },
  ]);
}
