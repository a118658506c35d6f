/** The colour scheme the hover card takes. */
export type Scheme = 'light' | 'dark';

/** An sRGB colour with alpha, each channel 0–255 and alpha 0–1. */
interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/**
 * Reads a computed CSS colour: `rgb(…)`/`rgba(…)` in either syntax, and `color(srgb …)`, the
 * forms getComputedStyle gives for colours in sRGB. Anything else (a wide-gamut colour) is null.
 */
export function parseCssColor(css: string): Rgba | null {
  const value = css.trim().toLowerCase();
  if (value === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  const srgb = /^color\(srgb\s+([\d.e+-]+)\s+([\d.e+-]+)\s+([\d.e+-]+)(?:\s*\/\s*([\d.e+-]+%?))?\s*\)$/.exec(value);
  if (srgb) {
    const [, r, g, b, a] = srgb;
    return { r: Number(r) * 255, g: Number(g) * 255, b: Number(b) * 255, a: alpha(a) };
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value);
  if (!rgb) return null;
  const [, r, g, b, a] = rgb;
  return { r: Number(r), g: Number(g), b: Number(b), a: alpha(a) };
}

function alpha(value: string | undefined): number {
  if (value === undefined) return 1;
  return value.endsWith('%') ? Number(value.slice(0, -1)) / 100 : Number(value);
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function luminance({ r, g, b }: Rgba): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** Dark when white text would contrast with it better than black (luminance under about 0.18). */
export function isDarkColor(color: Rgba): boolean {
  const l = luminance(color);
  return (1.05 / (l + 0.05)) > ((l + 0.05) / 0.05);
}

export interface PageColors {
  /**
   * Computed background colours from the mark up to the root element, nearest first: the first
   * one that is mostly opaque is what the title sits on.
   */
  backgrounds: readonly string[];
  /** The root element's computed `color-scheme` ("normal", "light dark", "dark"…). */
  colorScheme: string;
  /** Whether the browser or system prefers a dark scheme (`prefers-color-scheme: dark`). */
  systemDark: boolean;
}

/**
 * Whether the card should be dark: on a dark page (the background its title sits on, or, on a
 * page that paints none, a canvas the page's own `color-scheme` turned dark), and whenever the
 * system is in dark mode.
 */
export function cardScheme({ backgrounds, colorScheme, systemDark }: PageColors): Scheme {
  if (systemDark) return 'dark';
  for (const css of backgrounds) {
    const color = parseCssColor(css);
    if (color && color.a >= 0.5) return isDarkColor(color) ? 'dark' : 'light';
  }
  // No background anywhere: the canvas, dark only for a page that is dark-only.
  const schemes = colorScheme.split(/\s+/);
  return schemes.includes('dark') && !schemes.includes('light') ? 'dark' : 'light';
}
