import type { LinkKind, PaperLink } from './types';

/** Hosts whose repositories count as code links. */
const CODE_HOSTS = new Set(['github.com', 'gitee.com', 'gitlab.com']);

/** Hosts that are not a repository but a project's own page (GitHub Pages and the like). */
const PROJECT_HOST = /(^|\.)(github\.io|gitlab\.io|gitee\.io|readthedocs\.io|pages\.dev|netlify\.app|vercel\.app)$/;

/** A URL candidate: scheme-full, `www.`, or a bare code host, up to whitespace. */
const URL_CANDIDATE = /\b(?:https?:\/\/|www\.|(?:github|gitee|gitlab)\.com\/)[^\s<>"'`]+/gi;

const TRAILING_PUNCTUATION = /[.,;:!?'"`*]+$/;
const BRACKETS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** Removes a trailing closer that has no opener inside the URL (the abstract's own bracket). */
function dropUnbalancedCloser(url: string): string | null {
  const last = url[url.length - 1]!;
  const opener = BRACKETS[last];
  if (!opener) return null;
  let depth = 0;
  for (const ch of url) {
    if (ch === opener) depth++;
    else if (ch === last) depth--;
  }
  return depth < 0 ? url.slice(0, -1) : null;
}

/**
 * Cleans a URL cut out of prose: strips sentence punctuation and brackets that belong to the
 * sentence, not the URL (`…/T2T-ViT)` or `…/CRAFT-SR.git.`), and adds a scheme when missing.
 */
export function cleanUrl(raw: string): string {
  let url = raw.trim();
  for (;;) {
    const before = url;
    url = url.replace(TRAILING_PUNCTUATION, '');
    url = dropUnbalancedCloser(url) ?? url;
    if (url === before) break;
  }
  url = url.replace(/^[([{<]+/, '');
  if (!/^https?:\/\//i.test(url)) url = `https://${url}`;
  return url;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function hostOf(u: URL): string {
  return u.hostname.toLowerCase().replace(/^www\./, '');
}

/** `code` for a github/gitee/gitlab repository, `project` for project pages, `other` otherwise. */
export function classifyLink(url: string): LinkKind {
  const u = parse(url);
  if (!u) return 'other';
  const host = hostOf(u);
  const segments = u.pathname.split('/').filter(Boolean);
  if (CODE_HOSTS.has(host)) return segments.length >= 2 ? 'code' : 'other';
  if (PROJECT_HOST.test(host)) return 'project';
  return 'other';
}

/** Display name: `owner/repo` for repositories, host plus path otherwise. */
export function linkLabel(url: string): string {
  const u = parse(url);
  if (!u) return url;
  const host = hostOf(u);
  const segments = u.pathname.split('/').filter(Boolean);
  if (CODE_HOSTS.has(host) && segments.length >= 2) {
    return `${segments[0]}/${segments[1]!.replace(/\.git$/i, '')}`;
  }
  const path = u.pathname.replace(/\/+$/, '');
  return host + (path === '' ? '' : path);
}

/** Every distinct URL in a text, cleaned, classified and labelled, in order of appearance. */
export function extractLinks(text: string): PaperLink[] {
  const seen = new Set<string>();
  const links: PaperLink[] = [];
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const url = cleanUrl(match[0]);
    const u = parse(url);
    if (!u || !u.hostname.includes('.')) continue;
    if (seen.has(url)) continue;
    seen.add(url);
    links.push({ url, kind: classifyLink(url), label: linkLabel(url) });
  }
  return links;
}
