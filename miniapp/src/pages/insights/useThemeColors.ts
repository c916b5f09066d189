import { useEffect, useState } from 'react';

export interface ThemeColors {
  text: string;
  hint: string;
  separator: string;
  card: string;
  accent: string;
}

/** SVG attributes cannot read CSS variables, so the charts take the theme's colours as values. */
function readColors(): ThemeColors {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: read('--text', '#1d1b29'),
    hint: read('--hint', '#8a869b'),
    separator: read('--separator', 'rgba(40, 30, 90, 0.09)'),
    card: read('--card-bg', '#ffffff'),
    accent: read('--accent', '#7357f6'),
  };
}

/** The theme's colours, renewed when Telegram switches the theme (light ↔ dark, new palette). */
export function useThemeColors(): ThemeColors {
  const [colors, setColors] = useState(readColors);
  useEffect(() => {
    // Telegram's theme arrives as inline CSS variables on <html>, the scheme as `data-scheme`.
    const observer = new MutationObserver(() => setColors(readColors()));
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['style', 'data-scheme'],
    });
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const onScheme = () => setColors(readColors());
    media.addEventListener('change', onScheme);
    return () => {
      observer.disconnect();
      media.removeEventListener('change', onScheme);
    };
  }, []);
  return colors;
}
