import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

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

/**
 * A local web server that answers for the mapped hosts with pages the test registers. Chromium
 * reaches it through `--host-resolver-rules`; Firefox, which has no such switch, uses it as its
 * HTTP proxy, so it also answers absolute-URL requests and refuses everything else.
 */
export interface PageServer {
  port: number;
  /** Serves `html` at `url` (e.g. `http://arxiv.org/abs/2106.00001`) until `clear()`; `type` for scripts. */
  page(url: string, html: string, type?: string): void;
  clear(): void;
  /** Every URL requested so far: a privacy check that nothing leaks to the web. */
  requests: string[];
  /** What a browser using the server as its proxy asked for and was refused (other hosts, CONNECT). */
  refused: string[];
  close(): Promise<void>;
}

export async function startPageServer(): Promise<PageServer> {
  const pages = new Map<string, { body: string; type: string }>();
  const requests: string[] = [];
  const refused: string[] = [];
  const mapped = new Set(MAPPED_HOSTS);
  const server: Server = createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const key = `${host}${path}`;
    if (!mapped.has(host)) {
      // As a proxy, never fetch from the real web: nothing a test browser asks for leaves the machine.
      refused.push(`http://${key}`);
      res.writeHead(403, { 'content-type': 'text/plain' });
      res.end(`${host} is not a host the test server answers for`);
      return;
    }
    requests.push(`http://${key}`);
    const found = pages.get(key);
    if (found === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end(`no test page at ${key}`);
      return;
    }
    res.writeHead(200, { 'content-type': found.type });
    res.end(found.body);
  });
  // HTTPS through a proxy starts with CONNECT: refused, so no TLS connection is ever tunnelled out.
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    refused.push(`CONNECT ${req.url ?? ''}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests,
    refused,
    page(url, html, type = 'text/html; charset=utf-8') {
      const u = new URL(url);
      pages.set(`${u.hostname}${u.pathname}`, { body: html, type });
    },
    clear() {
      pages.clear();
      requests.length = 0;
      refused.length = 0;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
