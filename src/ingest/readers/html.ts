import iconv from 'iconv-lite';
import { parseDocument } from 'htmlparser2';
import { getAttributeValue } from 'domutils';
import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import type { Block, BlockKind, DeclaredMetadata, ExtractedDocument } from '../../document.js';
import { collapseWhitespace } from '../normalize-text.js';
import { decodeText } from './text.js';

/** Elements that never hold a document's own text. */
const NEVER_CONTENT = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'nav',
  'aside',
  'form',
  'button',
  'select',
  'dialog',
]);
/** Site furniture by role, class or id: menus, breadcrumbs, cookie banners, comment threads. */
const FURNITURE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search']);
const FURNITURE_NAME =
  /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|sidebar|cookies?|comments?|share|social|skip|footer)(?:$|[\s_-])/i;

const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'body',
  'html',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'li',
  'blockquote',
  'pre',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'figure',
  'figcaption',
  'address',
  'hr',
  'header',
  'footer',
  'center',
  'details',
  'summary',
  'caption',
]);

function isFurniture(el: Element, insideContent: boolean): boolean {
  if (NEVER_CONTENT.has(el.name)) return true;
  // A page's own <header>/<footer> is furniture; inside an article it holds the title or byline.
  if ((el.name === 'header' || el.name === 'footer') && !insideContent) return true;
  const role = getAttributeValue(el, 'role');
  if (role && FURNITURE_ROLES.has(role)) return true;
  if (getAttributeValue(el, 'hidden') !== undefined || getAttributeValue(el, 'aria-hidden') === 'true') return true;
  const names = `${getAttributeValue(el, 'class') ?? ''} ${getAttributeValue(el, 'id') ?? ''}`;
  return FURNITURE_NAME.test(names);
}

/** Every node below the given ones, in document order, walked with a stack (a page may nest 100,000 deep). */
function* descendants(nodes: AnyNode[]): Generator<AnyNode> {
  const stack = [...nodes].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    yield node;
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

function findFirst(test: (el: Element) => boolean, nodes: AnyNode[]): Element | null {
  for (const node of descendants(nodes)) if (isTag(node) && test(node)) return node;
  return null;
}

function textOf(el: Element): string {
  let text = '';
  for (const node of descendants(el.children)) if (isText(node)) text += node.data;
  return text;
}

type Step = { node: AnyNode; kind: BlockKind; insideContent: boolean } | { flush: BlockKind };

/** Walks the content tree, turning block elements into blocks and inline runs into their text; iterative, so no nesting overflows the call stack. */
class BlockCollector {
  readonly blocks: Block[] = [];
  private buffer = '';

  walk(nodes: AnyNode[], kind: BlockKind, insideContent: boolean): void {
    const stack: Step[] = [];
    const pushChildren = (children: AnyNode[], childKind: BlockKind, content: boolean) => {
      for (let i = children.length - 1; i >= 0; i--)
        stack.push({ node: children[i]!, kind: childKind, insideContent: content });
    };
    pushChildren(nodes, kind, insideContent);
    while (stack.length) {
      const step = stack.pop()!;
      if ('flush' in step) {
        this.flush(step.flush);
        continue;
      }
      const { node } = step;
      if (isText(node)) {
        this.buffer += node.data;
        continue;
      }
      if (!isTag(node) || isFurniture(node, step.insideContent)) continue;
      this.element(node, step.kind, step.insideContent, stack, pushChildren);
    }
  }

  private element(
    el: Element,
    kind: BlockKind,
    insideContent: boolean,
    stack: Step[],
    pushChildren: (children: AnyNode[], kind: BlockKind, content: boolean) => void,
  ): void {
    const level = HEADINGS[el.name];
    if (level !== undefined) {
      this.flush(kind);
      this.push('heading', textOf(el), level);
      return;
    }
    if (el.name === 'br') {
      this.buffer += '\n';
      return;
    }
    if (el.name === 'tr') {
      this.flush(kind);
      const cells = el.children
        .filter(isTag)
        .map((cell) => collapseWhitespace(textOf(cell)))
        .filter(Boolean);
      this.push(kind, cells.join(' | '), 0);
      return;
    }
    if (!BLOCK_TAGS.has(el.name)) {
      pushChildren(el.children, kind, insideContent);
      return;
    }
    this.flush(kind);
    const childKind: BlockKind = el.name === 'blockquote' ? 'quote' : el.name === 'li' ? 'list-item' : kind;
    const content = insideContent || el.name === 'article' || el.name === 'main';
    // The block ends once its children are read: its flush goes under them on the stack.
    stack.push({ flush: childKind });
    pushChildren(el.children, childKind, content);
  }

  private flush(kind: BlockKind): void {
    this.push(kind, this.buffer, 0);
    this.buffer = '';
  }

  private push(kind: BlockKind, raw: string, level: number): void {
    const text = collapseWhitespace(raw);
    if (text) this.blocks.push({ kind, text, page: null, level });
  }
}

function metaContent(root: AnyNode[], attr: 'property' | 'name' | 'itemprop', value: string): string | null {
  const el = findFirst((e) => e.name === 'meta' && getAttributeValue(e, attr)?.toLowerCase() === value, root);
  const content = el ? getAttributeValue(el, 'content') : undefined;
  return content ? collapseWhitespace(content) || null : null;
}

/** An absolute http(s) URL, or null: a page's canonical link may be relative, empty or a javascript: URL. */
function webAddress(href: string | null | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Where the page says it lives: `<link rel="canonical">`, else `og:url`. */
function declaredUrl(root: AnyNode[]): string | null {
  const link = findFirst(
    (e) => e.name === 'link' && (getAttributeValue(e, 'rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
    root,
  );
  return (
    webAddress(link ? getAttributeValue(link, 'href') : null) ?? webAddress(metaContent(root, 'property', 'og:url'))
  );
}

function declaredMetadata(root: AnyNode[]): DeclaredMetadata {
  const titleEl = findFirst((e) => e.name === 'title', root);
  const timeEl = findFirst((e) => e.name === 'time' && getAttributeValue(e, 'datetime') !== undefined, root);
  return {
    title: metaContent(root, 'property', 'og:title') ?? (titleEl ? collapseWhitespace(textOf(titleEl)) || null : null),
    author: metaContent(root, 'name', 'author'),
    siteName: metaContent(root, 'property', 'og:site_name'),
    date:
      metaContent(root, 'itemprop', 'datepublished') ??
      metaContent(root, 'property', 'article:published_time') ??
      (timeEl ? (getAttributeValue(timeEl, 'datetime') ?? null) : null),
    url: declaredUrl(root),
  };
}

function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  return /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase() ?? null;
}

/** Valid UTF-8 is taken as UTF-8 whatever the page claims; otherwise its declared charset, if known. */
function decodeHtml(bytes: Uint8Array): string {
  const charset = declaredCharset(bytes);
  return decodeText(bytes, charset && iconv.encodingExists(charset) ? charset : undefined);
}

export function readHtml(bytes: Uint8Array): ExtractedDocument {
  const dom = parseDocument(decodeHtml(bytes));
  const main = findFirst((e) => e.name === 'main', dom.children);
  const body = findFirst((e) => e.name === 'body', dom.children);
  const collector = new BlockCollector();
  const root = main ?? body;
  if (root) collector.walk(root.children, 'paragraph', main !== null);
  else collector.walk(dom.children, 'paragraph', false);
  return {
    format: 'html',
    pages: null,
    ocr: [],
    declared: declaredMetadata(dom.children),
    blocks: collector.blocks,
    warnings: [],
  };
}
