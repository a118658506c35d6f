import { describe, expect, it } from 'vitest';
import { cardScheme, isDarkColor, parseCssColor } from './scheme';

describe('parseCssColor', () => {
  it('reads the forms getComputedStyle gives', () => {
    expect(parseCssColor('rgb(13, 17, 23)')).toEqual({ r: 13, g: 17, b: 23, a: 1 });
    expect(parseCssColor('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseCssColor('rgb(255 255 255 / 50%)')).toEqual({ r: 255, g: 255, b: 255, a: 0.5 });
    expect(parseCssColor('color(srgb 1 1 1)')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseCssColor('transparent')?.a).toBe(0);
    expect(parseCssColor('oklch(0.2 0.1 200)')).toBeNull();
  });
});

describe('cardScheme', () => {
  const light = { colorScheme: 'normal', systemDark: false };

  it('is dark on a dark page: GitHub dark, a dark Reddit row, a black terminal-like site', () => {
    expect(cardScheme({ ...light, backgrounds: ['rgba(0, 0, 0, 0)', 'rgb(13, 17, 23)'] })).toBe('dark');
    expect(cardScheme({ ...light, backgrounds: ['rgb(26, 26, 27)', 'rgb(255, 255, 255)'] })).toBe('dark');
    expect(isDarkColor({ r: 0, g: 0, b: 0, a: 1 })).toBe(true);
  });

  it('is light on a light page, judging by the nearest opaque background', () => {
    expect(cardScheme({ ...light, backgrounds: ['rgba(0, 0, 0, 0)', 'rgb(255, 255, 255)'] })).toBe('light');
    // A white entry on a dark page body is what the title sits on.
    expect(cardScheme({ ...light, backgrounds: ['rgb(250, 250, 250)', 'rgb(20, 20, 20)'] })).toBe('light');
    // A faint tint does not count; the body does.
    expect(cardScheme({ ...light, backgrounds: ['rgba(255, 255, 255, 0.1)', 'rgb(20, 20, 20)'] })).toBe('dark');
  });

  it('is dark in dark mode, whatever the page', () => {
    expect(cardScheme({ backgrounds: ['rgb(255, 255, 255)'], colorScheme: 'normal', systemDark: true })).toBe('dark');
  });

  it('follows a dark-only page that paints no background of its own', () => {
    expect(cardScheme({ backgrounds: ['rgba(0, 0, 0, 0)'], colorScheme: 'dark', systemDark: false })).toBe('dark');
    expect(cardScheme({ backgrounds: ['rgba(0, 0, 0, 0)'], colorScheme: 'light dark', systemDark: false })).toBe('light');
    expect(cardScheme({ backgrounds: [], colorScheme: 'normal', systemDark: false })).toBe('light');
  });
});
