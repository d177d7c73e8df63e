// Escaping for the XML formats (checkstyle, junit). Messages quote configuration text, which may hold
// characters XML 1.0 cannot carry at all (most control characters): those become U+FFFD.

const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text with the characters XML cannot carry replaced. */
export function xmlChars(text: string): string {
  return text.replace(INVALID, "\ufffd");
}

/** The text escaped for an attribute or element content. */
export function xmlText(text: string): string {
  return xmlChars(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}
