/**
 * Small strict XML parser for the project files this folder imports. It accepts elements,
 * attributes, text, CDATA sections, comments, processing instructions, the five predefined
 * entities and numeric character references. It rejects any DOCTYPE, so no external entity is
 * fetched and no entity is expanded. Namespace prefixes are dropped from element and attribute
 * names, because MSPDI and GanttProject files use a single namespace.
 * NOTE: written because no XML parser is a declared dependency of the project; `saxes` is in
 * node_modules only as a dependency of exceljs.
 */

export interface XmlElement {
  /** Local name, without a namespace prefix. */
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly XmlElement[];
  /** Text and CDATA directly inside the element, concatenated. */
  readonly text: string;
  /** Line of the start tag, counting from 1. */
  readonly line: number;
}

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly doctype = false,
  ) {
    super(`${message} (line ${line})`);
    this.name = 'XmlSyntaxError';
  }
}

/** Deepest element nesting accepted; the formats read here nest fewer than 20 levels. */
const maxDepth = 512;

const predefinedEntities: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

interface OpenElement {
  name: string;
  attributes: Map<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}

const nameStart = /[A-Za-z_:\u00C0-\uFFFF]/;
const nameChar = /[A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFF]/;

/** Parses a whole document and returns its root element; raises `XmlSyntaxError` on malformed input. */
export function parseXml(source: string): XmlElement {
  const parser = new Parser(source);
  return parser.parseDocument();
}

class Parser {
  private position = 0;
  private line = 1;
  private readonly stack: OpenElement[] = [];
  private root: XmlElement | null = null;

  constructor(private readonly source: string) {}

  parseDocument(): XmlElement {
    if (this.source.startsWith('\uFEFF')) {
      this.position = 1;
    }
    while (this.position < this.source.length) {
      if (this.source.startsWith('<', this.position)) {
        this.parseMarkup();
      } else {
        this.parseText();
      }
    }
    const open = this.stack.at(-1);
    if (open !== undefined) {
      throw new XmlSyntaxError(`element <${open.name}> is not closed`, open.line);
    }
    if (this.root === null) {
      throw new XmlSyntaxError('the document has no root element', this.line);
    }
    return this.root;
  }

  private parseMarkup(): void {
    const source = this.source;
    const at = this.position;
    if (source.startsWith('<?', at)) {
      this.skipPast('?>', 'processing instruction');
    } else if (source.startsWith('<!--', at)) {
      this.skipPast('-->', 'comment');
    } else if (source.startsWith('<![CDATA[', at)) {
      const end = source.indexOf(']]>', at + 9);
      if (end < 0) {
        throw new XmlSyntaxError('CDATA section is not closed', this.line);
      }
      this.appendText(source.slice(at + 9, end));
      this.advanceTo(end + 3);
    } else if (source.startsWith('<!DOCTYPE', at) || source.startsWith('<!doctype', at)) {
      throw new XmlSyntaxError('a DOCTYPE declaration is not accepted', this.line, true);
    } else if (source.startsWith('</', at)) {
      this.parseEndTag();
    } else {
      this.parseStartTag();
    }
  }

  private parseStartTag(): void {
    const line = this.line;
    this.advanceTo(this.position + 1);
    const name = this.readName();
    const attributes = new Map<string, string>();
    for (;;) {
      const hadSpace = this.skipSpace();
      const source = this.source;
      if (source.startsWith('/>', this.position)) {
        this.advanceTo(this.position + 2);
        this.openElement(name, attributes, line);
        this.closeElement(name);
        return;
      }
      if (source.startsWith('>', this.position)) {
        this.advanceTo(this.position + 1);
        this.openElement(name, attributes, line);
        return;
      }
      if (!hadSpace) {
        throw new XmlSyntaxError(`expected a space, '>' or '/>' in <${name}>`, this.line);
      }
      const attributeName = localName(this.readName());
      this.skipSpace();
      this.expect('=');
      this.skipSpace();
      const quote = source[this.position];
      if (quote !== '"' && quote !== "'") {
        throw new XmlSyntaxError(`the value of attribute ${attributeName} must be quoted`, this.line);
      }
      const end = source.indexOf(quote, this.position + 1);
      if (end < 0) {
        throw new XmlSyntaxError(`the value of attribute ${attributeName} is not closed`, this.line);
      }
      const raw = source.slice(this.position + 1, end);
      if (raw.includes('<')) {
        throw new XmlSyntaxError(`'<' is not allowed in the value of attribute ${attributeName}`, this.line);
      }
      if (attributes.has(attributeName)) {
        throw new XmlSyntaxError(`attribute ${attributeName} is repeated in <${name}>`, this.line);
      }
      attributes.set(attributeName, this.decodeReferences(raw).replace(/[\t\n\r]/g, ' '));
      this.advanceTo(end + 1);
    }
  }

  private parseEndTag(): void {
    this.advanceTo(this.position + 2);
    const name = this.readName();
    this.skipSpace();
    this.expect('>');
    this.closeElement(name);
  }

  private openElement(qualifiedName: string, attributes: Map<string, string>, line: number): void {
    if (this.root !== null) {
      throw new XmlSyntaxError(`element <${qualifiedName}> follows the root element`, line);
    }
    if (this.stack.length >= maxDepth) {
      throw new XmlSyntaxError(`elements are nested deeper than ${maxDepth} levels`, line);
    }
    this.stack.push({ name: qualifiedName, attributes, children: [], text: '', line });
  }

  private closeElement(qualifiedName: string): void {
    const open = this.stack.pop();
    if (open?.name !== qualifiedName) {
      const expected = open === undefined ? 'no open element' : `</${open.name}>`;
      throw new XmlSyntaxError(`</${qualifiedName}> does not match ${expected}`, this.line);
    }
    const element: XmlElement = {
      name: localName(open.name),
      attributes: open.attributes,
      children: open.children,
      text: open.text,
      line: open.line,
    };
    const parent = this.stack.at(-1);
    if (parent === undefined) {
      this.root = element;
    } else {
      parent.children.push(element);
    }
  }

  private parseText(): void {
    const next = this.source.indexOf('<', this.position);
    const end = next < 0 ? this.source.length : next;
    const raw = this.source.slice(this.position, end);
    if (this.stack.length === 0) {
      if (raw.trim() !== '') {
        throw new XmlSyntaxError('text is not allowed outside the root element', this.line);
      }
    } else {
      this.appendText(this.decodeReferences(raw));
    }
    this.advanceTo(end);
  }

  private appendText(text: string): void {
    const open = this.stack.at(-1);
    if (open === undefined) {
      throw new XmlSyntaxError('CDATA is not allowed outside the root element', this.line);
    }
    open.text += text;
  }

  private decodeReferences(raw: string): string {
    if (!raw.includes('&')) {
      return raw;
    }
    return raw.replace(/&([^;&\s]*);?/g, (match, reference: string) => {
      if (!match.endsWith(';')) {
        throw new XmlSyntaxError(`'&' must start an entity reference such as &amp;`, this.line);
      }
      return this.resolveReference(reference);
    });
  }

  private resolveReference(reference: string): string {
    const predefined = predefinedEntities[reference];
    if (predefined !== undefined) {
      return predefined;
    }
    const numeric = /^#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}))$/.exec(reference);
    if (numeric === null) {
      throw new XmlSyntaxError(
        `entity &${reference}; is not defined; only the five XML entities and character references are accepted`,
        this.line,
      );
    }
    const codePoint = numeric[1] === undefined ? Number(numeric[2]) : parseInt(numeric[1], 16);
    const allowed =
      codePoint === 0x9 ||
      codePoint === 0xa ||
      codePoint === 0xd ||
      (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
      (codePoint >= 0xe000 && codePoint <= 0x10ffff && codePoint !== 0xfffe && codePoint !== 0xffff);
    if (!allowed) {
      throw new XmlSyntaxError(`character reference &${reference}; is not an XML character`, this.line);
    }
    return String.fromCodePoint(codePoint);
  }

  private readName(): string {
    const source = this.source;
    const start = this.position;
    if (!nameStart.test(source[start] ?? '')) {
      throw new XmlSyntaxError('expected a name', this.line);
    }
    let end = start + 1;
    while (end < source.length && nameChar.test(source[end] ?? '')) {
      end += 1;
    }
    this.advanceTo(end);
    return source.slice(start, end);
  }

  private skipSpace(): boolean {
    const start = this.position;
    let end = start;
    while (end < this.source.length && ' \t\r\n'.includes(this.source[end] ?? 'x')) {
      end += 1;
    }
    this.advanceTo(end);
    return end > start;
  }

  private skipPast(terminator: string, construct: string): void {
    const end = this.source.indexOf(terminator, this.position + 2);
    if (end < 0) {
      throw new XmlSyntaxError(`${construct} is not closed`, this.line);
    }
    this.advanceTo(end + terminator.length);
  }

  private expect(character: string): void {
    if (this.source[this.position] !== character) {
      throw new XmlSyntaxError(`expected '${character}'`, this.line);
    }
    this.advanceTo(this.position + 1);
  }

  /** Moves to `end`, counting the line breaks passed for messages. */
  private advanceTo(end: number): void {
    for (let index = this.position; index < end; index += 1) {
      if (this.source.charCodeAt(index) === 10) {
        this.line += 1;
      }
    }
    this.position = end;
  }
}

function localName(qualifiedName: string): string {
  const colon = qualifiedName.indexOf(':');
  return colon < 0 ? qualifiedName : qualifiedName.slice(colon + 1);
}

/** First child element with the given local name, or `undefined`. */
export function childElement(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name);
}

/** Child elements with the given local name, in document order. */
export function childElements(element: XmlElement, name: string): readonly XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

/** Text of the first child element with the given name, trimmed, or `undefined` when there is none. */
export function childText(element: XmlElement, name: string): string | undefined {
  return childElement(element, name)?.text.trim();
}

/** Escapes text for an element's content or a double-quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
