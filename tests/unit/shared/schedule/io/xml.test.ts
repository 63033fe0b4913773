import { describe, expect, it } from 'vitest';
import { childText, escapeXml, parseXml, XmlSyntaxError } from '../../../../../shared/schedule/io/xml';

function syntaxError(source: string): XmlSyntaxError {
  try {
    parseXml(source);
  } catch (error) {
    if (error instanceof XmlSyntaxError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected an XmlSyntaxError');
}

describe('parseXml', () => {
  it('reads elements, attributes and text', () => {
    const root = parseXml('<?xml version="1.0"?>\n<!-- c --><a x="1" y=\'two\'><b>text</b><b/></a>');
    expect(root.name).toBe('a');
    expect(root.attributes.get('x')).toBe('1');
    expect(root.attributes.get('y')).toBe('two');
    expect(root.children.map((child) => child.name)).toEqual(['b', 'b']);
    expect(childText(root, 'b')).toBe('text');
  });

  it('decodes predefined entities and character references', () => {
    const root = parseXml('<a t="&lt;&amp;&quot;">&gt;&apos;&#65;&#x263A;</a>');
    expect(root.attributes.get('t')).toBe('<&"');
    expect(root.text).toBe(">'A\u263A");
  });

  it('keeps CDATA text as written', () => {
    expect(parseXml('<a><![CDATA[<b>&amp;</b>]]></a>').text).toBe('<b>&amp;</b>');
  });

  it('drops namespace prefixes', () => {
    const root = parseXml('<p:Project xmlns:p="urn:x"><p:Task/></p:Project>');
    expect(root.name).toBe('Project');
    expect(root.children[0]?.name).toBe('Task');
  });

  it('counts lines for start tags', () => {
    const root = parseXml('<a>\n\n<b/>\n</a>');
    expect(root.children[0]?.line).toBe(3);
  });

  it('rejects a DOCTYPE', () => {
    const error = syntaxError('<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>');
    expect(error.doctype).toBe(true);
    expect(error.line).toBe(2);
  });

  it('rejects undefined entities', () => {
    expect(syntaxError('<a>&nbsp;</a>').message).toContain('&nbsp;');
  });

  it('rejects a bare ampersand', () => {
    expect(syntaxError('<a>fish & chips</a>').message).toContain('&');
  });

  it('rejects mismatched and unclosed tags', () => {
    expect(syntaxError('<a><b></a>').message).toContain('</a> does not match </b>');
    expect(syntaxError('<a><b/>').message).toContain('<a> is not closed');
  });

  it('rejects repeated attributes', () => {
    expect(syntaxError('<a x="1" x="2"/>').message).toContain('repeated');
  });

  it('rejects unquoted attributes', () => {
    expect(syntaxError('<a x=1/>').message).toContain('quoted');
  });

  it('rejects a second root and stray text', () => {
    expect(syntaxError('<a/><b/>').message).toContain('follows the root');
    expect(syntaxError('<a/>text').message).toContain('outside the root');
  });

  it('rejects non-XML character references', () => {
    expect(syntaxError('<a>&#0;</a>').message).toContain('not an XML character');
  });

  it('rejects nesting deeper than the limit', () => {
    expect(syntaxError('<a>'.repeat(600) + '</a>'.repeat(600)).message).toContain('nested deeper');
  });
});

describe('escapeXml', () => {
  it('round-trips through parseXml', () => {
    const text = 'A & B <c> "d" \'e\'';
    expect(parseXml(`<a t="${escapeXml(text)}">${escapeXml(text)}</a>`).text).toBe(text);
    expect(parseXml(`<a t="${escapeXml(text)}"/>`).attributes.get('t')).toBe(text);
  });
});
