import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The policy the browser really gets: the built page when there is one (what ships), else the source.
const ROOT = path.resolve(__dirname, '../..');
const BUILT = path.join(ROOT, 'dist/index.html');
const PAGE = existsSync(BUILT) ? BUILT : path.join(ROOT, 'index.html');

function decodeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Every `<meta http-equiv="Content-Security-Policy">` of the page, as directive → sources. */
function policiesOf(html: string): Map<string, string[]>[] {
  const policies: Map<string, string[]>[] = [];
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    if (!/http-equiv\s*=\s*["']?content-security-policy["'\s>/]/i.test(tag)) continue;
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    expect(content, `a CSP <meta> without content: ${tag}`).not.toBeNull();
    const directives = new Map<string, string[]>();
    for (const part of decodeAttribute(content![1] ?? content![2]).split(';')) {
      const [name, ...sources] = part.trim().split(/\s+/);
      // The first occurrence wins in browsers; a repeat is ignored, so a test must ignore it too.
      if (name && !directives.has(name.toLowerCase()))
        directives.set(
          name.toLowerCase(),
          sources.map((s) => s.toLowerCase()),
        );
    }
    policies.push(directives);
  }
  return policies;
}

/** The sources that govern `directive`, following CSP Level 3's fallback chain. */
function effective(policy: Map<string, string[]>, chain: string[]): string[] | undefined {
  for (const name of chain) {
    const sources = policy.get(name);
    if (sources) return sources;
  }
  return undefined;
}

const SCRIPT_CHAINS = {
  script: ['script-src', 'default-src'],
  'script element': ['script-src-elem', 'script-src', 'default-src'],
  'script attribute': ['script-src-attr', 'script-src', 'default-src'],
  worker: ['worker-src', 'child-src', 'script-src', 'default-src'],
};

const html = readFileSync(PAGE, 'utf8');
const policies = policiesOf(html);
const policy = policies[0];

describe(`Content-Security-Policy of ${path.relative(ROOT, PAGE)}`, () => {
  it('is set once, in the head, before any script', () => {
    expect(policies).toHaveLength(1);
    const head = html.slice(0, html.search(/<\/head>/i));
    const meta = head.search(/http-equiv\s*=\s*["']?content-security-policy/i);
    expect(meta).toBeGreaterThan(-1);
    const firstScript = html.search(/<script\b/i);
    if (firstScript >= 0) expect(meta).toBeLessThan(firstScript);
  });

  it('forbids inline scripts, eval and blob:/data: scripts and workers', () => {
    for (const [what, chain] of Object.entries(SCRIPT_CHAINS)) {
      const sources = effective(policy, chain);
      expect(sources, `${what} scripts fall back to no restriction`).toBeDefined();
      for (const forbidden of [
        "'unsafe-inline'",
        "'unsafe-eval'",
        "'unsafe-hashes'",
        "'wasm-unsafe-eval'",
        'blob:',
        'data:',
        'filesystem:',
        '*',
        'http:',
        'https:',
      ]) {
        expect(sources, `${what}: ${chain.join(' → ')}`).not.toContain(forbidden);
      }
      expect(sources).toEqual(["'self'"]);
    }
  });

  it('has no inline script in the page itself', () => {
    for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
      expect(tag, 'every script is a file').toMatch(/\bsrc\s*=/i);
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it('blocks plugins, <base> hijacking and form posts; keeps default-src at self', () => {
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });

  it('connects only to its own origin and to https URLs a person gives with ?data=', () => {
    const connect = effective(policy, ['connect-src', 'default-src'])!;
    expect(new Set(connect)).toEqual(new Set(["'self'", 'https:']));
  });

  it('loads images only from itself and data: (the favicon), styles only from itself or inline', () => {
    expect(new Set(effective(policy, ['img-src', 'default-src']))).toEqual(
      new Set(["'self'", 'data:']),
    );
    const styles = effective(policy, ['style-src', 'default-src'])!;
    expect(styles.filter((s) => s !== "'unsafe-inline'")).toEqual(["'self'"]);
  });
});
