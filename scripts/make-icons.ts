/**
 * Draws the PaperLens icon (a lens over a page, on a rounded blue square) into
 * public/icon/<size>.png. Run once when the design changes: `npx tsx scripts/make-icons.ts`.
 * Plain code instead of an image tool, so the icons can be rebuilt on any machine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];
const BLUE: Rgba = [30, 64, 175, 255];
const PAGE: Rgba = [248, 250, 252, 255];
const LINE: Rgba = [148, 163, 184, 255];
const LENS: Rgba = [250, 204, 21, 255];

/** Colour of a point in the unit square, or null for transparent. */
function shade(x: number, y: number): Rgba | null {
  const r = 0.18;
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  if (dx * dx + dy * dy > r * r) return null;
  const cx = 0.58, cy = 0.56, rin = 0.2, rout = 0.28;
  const d = Math.hypot(x - cx, y - cy);
  // Handle: a thick segment from the ring towards the bottom right.
  const t = ((x - cx) + (y - cy)) / Math.SQRT2;
  const off = Math.abs((x - cx) - (y - cy)) / Math.SQRT2;
  if (t > rout - 0.02 && t < rout + 0.2 && off < 0.06) return LENS;
  if (d >= rin && d <= rout) return LENS;
  const onPage = x > 0.16 && x < 0.66 && y > 0.14 && y < 0.8;
  if (onPage && d > rout) {
    const row = (y - 0.24) / 0.1;
    if (x > 0.22 && x < 0.58 && row > 0 && row - Math.floor(row) < 0.35 && y < 0.72) return LINE;
    return PAGE;
  }
  if (d < rin) {
    const row = (y - 0.24) / 0.1;
    if (x > 0.22 && x < 0.58 && row > 0 && row - Math.floor(row) < 0.35 && y < 0.72) return [203, 213, 225, 255];
    return [226, 232, 240, 255];
  }
  return BLUE;
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number): Buffer {
  const ss = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          if (!c) continue;
          for (let k = 0; k < 3; k++) acc[k]! += c[k]! * c[3];
          acc[3]! += c[3];
        }
      }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const a = acc[3]!;
      for (let k = 0; k < 3; k++) raw[o + k] = a ? Math.round(acc[k]! / a) : 0;
      raw[o + 3] = Math.round(a / (ss * ss));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 96, 128]) writeFileSync(`public/icon/${size}.png`, png(size));
