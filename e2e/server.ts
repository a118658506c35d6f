import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Hosts mapped to the local server, so `http://arxiv.org/...` in the browser is served here. */
export const MAPPED_HOSTS = [
  'arxiv.org',
  'www.arxiv.org',
  'export.arxiv.org',
  'huggingface.co',
  'scholar.google.com',
  'www.semanticscholar.org',
  'openreview.net',
  'www.alphaxiv.org',
  'alphaxiv.org',
  'github.com',
  'news.ycombinator.com',
  'www.reddit.com',
  'old.reddit.com',
  'x.com',
  'example.com',
];

/** A local web server that answers for the mapped hosts with pages the test registers. */
export interface PageServer {
  port: number;
  /** Serves `html` at `url` (e.g. `http://arxiv.org/abs/2106.00001`) until `clear()`. */
  page(url: string, html: string): void;
  clear(): void;
  /** Every URL requested so far: a privacy check that nothing leaks to the web. */
  requests: string[];
  close(): Promise<void>;
}

export async function startPageServer(): Promise<PageServer> {
  const pages = new Map<string, string>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const key = `${host}${path}`;
    requests.push(`http://${key}`);
    const html = pages.get(key);
    if (html === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end(`no test page at ${key}`);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests,
    page(url, html) {
      const u = new URL(url);
      pages.set(`${u.hostname}${u.pathname}`, html);
    },
    clear() {
      pages.clear();
      requests.length = 0;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
