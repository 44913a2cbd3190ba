/**
 * Government pages often publish the 自评表 as an attachment (附件: a PDF, Word or Excel file)
 * rather than as a table on the page. Saved and imported, such a page holds no form; the links
 * tell the user which file to download and import instead.
 */
import { attr, childrenOf, isElement, type Node } from './html-nodes.js';

/** A linked document: what the page shows for it, and where it points. */
export interface AttachmentLink {
  readonly text: string;
  readonly href: string;
}

/** Document types forms are published in; a query string or fragment may follow (`….pdf?id=3`). */
const DOCUMENT = /\.(pdf|docx?|xlsx?|wps|et|ofd)(?:[?#].*)?$/i;
/** Elements that link or embed a document, and the attribute naming it. */
const SOURCE: Readonly<Record<string, string>> = { a: 'href', iframe: 'src', embed: 'src', object: 'data' };
/** A page listing more attachments than this is an index page: the first ones are enough to say so. */
export const MAX_LINKS = 20;

function textOf(root: Node): string {
  let text = '';
  const stack: Node[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.nodeName === '#text' && 'value' in node) text += node.value;
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Node);
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** The documents a page links or embeds, in page order, each once (a loop, not recursion: pages nest deep). */
export function attachmentLinks(document: Node): AttachmentLink[] {
  const out: AttachmentLink[] = [];
  const seen = new Set<string>();
  const stack: Node[] = [document];
  for (let node = stack.pop(); node !== undefined && out.length < MAX_LINKS; node = stack.pop()) {
    if (isElement(node)) {
      const name = SOURCE[node.tagName];
      const href = name === undefined ? undefined : attr(node, name)?.trim();
      const text = href === undefined ? '' : textOf(node);
      // A link whose text names the document counts too (`/download?id=502364` titled `….xlsx`).
      if (href !== undefined && (DOCUMENT.test(href) || DOCUMENT.test(text)) && !seen.has(href)) {
        seen.add(href);
        out.push({ text, href });
      }
    }
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Node);
  }
  return out;
}
