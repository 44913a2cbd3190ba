/** parse5's tree, as the HTML readers walk it. */
import type { DefaultTreeAdapterTypes } from 'parse5';

export type Node = DefaultTreeAdapterTypes.Node;
export type Element = DefaultTreeAdapterTypes.Element;

export const isElement = (node: Node): node is Element => 'tagName' in node;
export const childrenOf = (node: Node): readonly Node[] => ('childNodes' in node ? node.childNodes : []);
export const attr = (el: Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;
