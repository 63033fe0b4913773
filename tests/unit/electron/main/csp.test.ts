import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDevContentSecurityPolicy, productionContentSecurityPolicy } from '../../../../electron/main/csp';

/** Splits a policy into directives, each as its name followed by its sources, for comparison. */
function parsePolicy(policy: string): string[][] {
  return policy
    .split(';')
    .map((directive) => directive.trim().split(/\s+/))
    .filter((tokens) => tokens[0] !== '');
}

function sourcesOf(policy: string, directive: string): string[] | undefined {
  return parsePolicy(policy)
    .find((tokens) => tokens[0] === directive)
    ?.slice(1);
}

describe('productionContentSecurityPolicy', () => {
  it('names no http or https origin', () => {
    expect(productionContentSecurityPolicy).not.toMatch(/https?:/);
  });

  it('names no WebSocket origin', () => {
    expect(productionContentSecurityPolicy).not.toMatch(/wss?:/);
  });

  it('allows no eval', () => {
    expect(productionContentSecurityPolicy).not.toContain('unsafe-eval');
  });

  it('has no wildcard source', () => {
    expect(parsePolicy(productionContentSecurityPolicy).flat()).not.toContain('*');
  });

  it('denies by default', () => {
    expect(sourcesOf(productionContentSecurityPolicy, 'default-src')).toEqual(["'none'"]);
  });

  it('allows only own scripts', () => {
    expect(sourcesOf(productionContentSecurityPolicy, 'script-src')).toEqual(["'self'"]);
  });

  it('allows only own worker scripts', () => {
    expect(sourcesOf(productionContentSecurityPolicy, 'worker-src')).toEqual(["'self'"]);
  });

  it('blocks plugins, base and forms', () => {
    expect(sourcesOf(productionContentSecurityPolicy, 'object-src')).toEqual(["'none'"]);
    expect(sourcesOf(productionContentSecurityPolicy, 'base-uri')).toEqual(["'none'"]);
    expect(sourcesOf(productionContentSecurityPolicy, 'form-action')).toEqual(["'none'"]);
  });

  it('matches the meta tag of renderer/index.html', () => {
    const html = readFileSync(resolve(import.meta.dirname, '../../../../renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    // Browsers ignore frame-ancestors in a meta tag and log an error for it, so only the header has it.
    const headerOnly = new Set(['frame-ancestors']);

    expect(meta).not.toBeNull();
    expect(parsePolicy(meta?.[1] ?? '')).toEqual(
      parsePolicy(productionContentSecurityPolicy).filter(([directive]) => !headerOnly.has(directive ?? '')),
    );
  });
});

describe('buildDevContentSecurityPolicy', () => {
  const devPolicy = buildDevContentSecurityPolicy('http://localhost:5173/');

  it('allows the dev server WebSocket', () => {
    expect(sourcesOf(devPolicy, 'connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
  });

  it('allows inline scripts for the Fast Refresh preamble', () => {
    expect(sourcesOf(devPolicy, 'script-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('still allows no eval and no remote origin', () => {
    expect(devPolicy).not.toContain('unsafe-eval');
    expect(devPolicy).not.toMatch(/https?:/);
  });

  it('keeps every other directive of production', () => {
    const relaxed = new Set(['script-src', 'connect-src']);
    const others = (policy: string): string[][] => parsePolicy(policy).filter((tokens) => !relaxed.has(tokens[0] ?? ''));

    expect(others(devPolicy)).toEqual(others(productionContentSecurityPolicy));
  });

  it('accepts a 127.0.0.1 dev server', () => {
    expect(sourcesOf(buildDevContentSecurityPolicy('http://127.0.0.1:5174'), 'connect-src')).toEqual(["'self'", 'ws://127.0.0.1:5174']);
  });

  it('rejects a dev server off loopback', () => {
    expect(() => buildDevContentSecurityPolicy('http://192.0.2.10:5173/')).toThrow(RangeError);
  });

  it('rejects an https dev server', () => {
    expect(() => buildDevContentSecurityPolicy('https://localhost:5173/')).toThrow(RangeError);
  });
});
