// Characters XML 1.0 does not allow anywhere, even escaped: C0 controls other than tab/LF/CR,
// lone surrogates and U+FFFE/U+FFFF. A stray one from pasted text would make Word or
// LibreOffice refuse the whole file, so they are dropped.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text with the characters XML cannot carry removed. */
export function xmlSafe(text: string): string {
  return text.replace(INVALID_XML, '');
}

/** Text escaped for XML element content and attribute values (both quotes escaped). */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

/** Text escaped for HTML content and attributes. */
export function escapeHtml(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
