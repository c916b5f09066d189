import type { Sharp, SharpOptions } from 'sharp';
import type { DreamCategory, ImageAi, ImageInput, ImageResult } from '../types.ts';
import { EMOTION_LABELS, type EmotionId } from './lexicon.ts';

export const OFFLINE_IMAGE_SIZE = 768;

/** Generous for our own 768×768 SVG, but it keeps sharp from ever decoding a pixel bomb. */
const LIMIT_INPUT_PIXELS = 40_000_000;

/** Background dark → light, then a highlight; chosen so each category has its own overall colour. */
const PALETTES: Record<DreamCategory, readonly [string, string, string, string]> = {
  gothic: ['#07040b', '#24102b', '#5c1a33', '#c2415a'],
  chase: ['#0d0604', '#4a1608', '#c2410c', '#fbbf24'],
  flight: ['#071a36', '#1d4f91', '#7fb3e6', '#fde68a'],
  transformation: ['#14072a', '#5b21b6', '#db2777', '#2dd4bf'],
  physics: ['#021218', '#0e5f76', '#22d3ee', '#a3e635'],
  liminal: ['#26240f', '#7a7034', '#e6d98a', '#fbf8dc'],
  other: ['#1e2433', '#5b6478', '#f4a6c8', '#fcd68a'],
};

const EMOTION_ACCENTS: Record<EmotionId, string> = {
  fear: '#8b1e2d',
  dread: '#4c1d3b',
  panic: '#dc2626',
  unease: '#a3a23a',
  calm: '#5fa8e8',
  joy: '#fbbf24',
  freedom: '#93d7fb',
  wonder: '#c084fc',
  confusion: '#67e8f9',
  sadness: '#64748b',
  loneliness: '#94a3b8',
  nostalgia: '#f0b27a',
  helplessness: '#6b5b73',
  love: '#f472b6',
  anger: '#ef4444',
  shame: '#f9a8a8',
  curiosity: '#34d399',
};

const STAR_COUNTS: Record<DreamCategory, number> = {
  gothic: 60,
  chase: 12,
  flight: 90,
  transformation: 45,
  physics: 40,
  liminal: 0,
  other: 30,
};

/** Emotion words come back in either language ("страх", "fear"); both map to the same accent. */
const EMOTION_BY_WORD = new Map<string, EmotionId>(
  (Object.entries(EMOTION_LABELS) as [EmotionId, { ru: string; en: string }][]).flatMap(([id, l]) => [
    [l.ru, id],
    [l.en, id],
    [id, id],
  ]),
);

function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast and the same on every platform, which is what makes the art reproducible. */
function createRandom(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    range: (min: number, max: number) => min + (max - min) * next(),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

type Random = ReturnType<typeof createRandom>;
const f = (n: number) => n.toFixed(1);

function wavePath(r: Random, baseY: number, amplitude: number): string {
  const freq = r.range(0.004, 0.012);
  const phase = r.range(0, Math.PI * 2);
  const points: string[] = [];
  for (let x = -20; x <= OFFLINE_IMAGE_SIZE + 20; x += 24) {
    points.push(`${f(x)} ${f(baseY + amplitude * Math.sin(freq * x + phase))}`);
  }
  return `M ${points.join(' L ')}`;
}

/**
 * Shapes are sorted into layers so each blur filter runs once per picture rather than once per
 * shape: a per-shape filter made rendering several times slower.
 */
interface Layers {
  /** Heavily blurred, together with the orbs. */
  soft: string[];
  /** Lightly blurred. */
  hazy: string[];
  /** Medium blur, together with the waves. */
  motion: string[];
  crisp: string[];
}

function motif(
  category: DreamCategory,
  r: Random,
  palette: readonly string[],
  accent: string,
  layers: Layers,
) {
  const S = OFFLINE_IMAGE_SIZE;
  const parts = layers.crisp;
  switch (category) {
    case 'gothic': {
      const mx = r.range(180, 590);
      const my = r.range(120, 260);
      const mr = r.range(60, 100);
      layers.soft.push(
        `<circle cx="${f(mx)}" cy="${f(my)}" r="${f(mr * 1.8)}" fill="${palette[3]}" opacity="0.4"/>`,
      );
      parts.push(`<circle cx="${f(mx)}" cy="${f(my)}" r="${f(mr)}" fill="${palette[3]}" opacity="0.85"/>`);
      let x = -10;
      const spires: string[] = [`0,${S}`];
      while (x < S + 10) {
        const w = r.range(30, 90);
        spires.push(`${f(x)},${f(S - r.range(60, 140))}`, `${f(x + w / 2)},${f(S - r.range(160, 330))}`);
        x += w;
      }
      spires.push(`${S},${S}`);
      parts.push(`<polygon points="${spires.join(' ')}" fill="#030205" opacity="0.92"/>`);
      break;
    }
    case 'chase': {
      const angle = r.range(-30, -12);
      const g: string[] = [];
      for (let i = 0; i < 18; i++) {
        const x = r.range(-100, S);
        const y = r.range(0, S);
        const len = r.range(150, 420);
        g.push(
          `<line x1="${f(x)}" y1="${f(y)}" x2="${f(x + len)}" y2="${f(y)}" stroke="${r.pick([palette[2], palette[3], accent])}" stroke-width="${f(r.range(2, 8))}" stroke-linecap="round" opacity="${f(r.range(0.2, 0.6))}"/>`,
        );
      }
      layers.motion.push(`<g transform="rotate(${f(angle)} ${S / 2} ${S / 2})">${g.join('')}</g>`);
      break;
    }
    case 'flight': {
      layers.soft.push(
        `<ellipse cx="${f(r.range(300, 470))}" cy="${S + 40}" rx="${S * 0.8}" ry="${f(r.range(160, 240))}" fill="${palette[3]}" opacity="0.55"/>`,
      );
      for (let i = 0; i < 7; i++) {
        const x0 = r.range(0, S);
        const y0 = r.range(S * 0.5, S);
        const x1 = x0 + r.range(-200, 200);
        const y1 = y0 - r.range(250, 500);
        layers.hazy.push(
          `<path d="M ${f(x0)} ${f(y0)} Q ${f((x0 + x1) / 2 + r.range(-160, 160))} ${f((y0 + y1) / 2)} ${f(x1)} ${f(y1)}" stroke="#ffffff" stroke-width="${f(r.range(1.5, 4))}" fill="none" opacity="${f(r.range(0.15, 0.4))}"/>`,
        );
      }
      break;
    }
    case 'transformation': {
      const cx = r.range(300, 470);
      const cy = r.range(300, 470);
      for (let i = 0; i < 9; i++) {
        const rx = 40 + i * r.range(22, 38);
        layers.hazy.push(
          `<ellipse cx="${f(cx)}" cy="${f(cy)}" rx="${f(rx)}" ry="${f(rx * r.range(0.45, 1))}" transform="rotate(${f(r.range(0, 180))} ${f(cx)} ${f(cy)})" stroke="${r.pick([palette[2], palette[3], accent])}" stroke-width="${f(r.range(2, 6))}" fill="none" opacity="${f(r.range(0.3, 0.65))}"/>`,
        );
      }
      break;
    }
    case 'physics': {
      const angle = r.range(-35, 35);
      const lines: string[] = [];
      for (let v = -S; v <= S * 2; v += 64) {
        lines.push(
          `<line x1="${v}" y1="${-S}" x2="${v}" y2="${S * 2}"/>`,
          `<line x1="${-S}" y1="${v}" x2="${S * 2}" y2="${v}"/>`,
        );
      }
      parts.push(
        `<g transform="rotate(${f(angle)} ${S / 2} ${S / 2})" stroke="${palette[2]}" stroke-width="1.5" opacity="0.25">${lines.join('')}</g>`,
      );
      for (let i = 0; i < 6; i++) {
        const size = r.range(40, 120);
        const x = r.range(40, S - 160);
        const y = r.range(40, S - 160);
        layers.hazy.push(
          `<rect x="${f(x)}" y="${f(y)}" width="${f(size)}" height="${f(size)}" transform="rotate(${f(r.range(0, 90))} ${f(x + size / 2)} ${f(y + size / 2)})" fill="${r.pick([palette[2], palette[3], accent])}" opacity="${f(r.range(0.25, 0.55))}"/>`,
        );
      }
      const steps: string[] = [];
      let sx = r.range(80, 200);
      let sy = r.range(560, 700);
      for (let i = 0; i < 8; i++) {
        steps.push(`${f(sx)},${f(sy)}`, `${f(sx + 40)},${f(sy)}`);
        sx += 40;
        sy -= 40;
        steps.push(`${f(sx)},${f(sy)}`);
      }
      parts.push(
        `<polyline points="${steps.join(' ')}" stroke="${palette[3]}" stroke-width="4" fill="none" opacity="0.6"/>`,
      );
      break;
    }
    case 'liminal': {
      const vx = r.range(330, 440);
      const vy = r.range(330, 440);
      for (let i = 0; i < 9; i++) {
        const k = 1 - i * 0.105;
        const x = vx - vx * k;
        const y = vy - vy * k;
        const w = S * k;
        parts.push(
          `<rect x="${f(x)}" y="${f(y)}" width="${f(w)}" height="${f(w)}" stroke="${palette[3]}" stroke-width="${f(3 * k + 0.5)}" fill="none" opacity="${f(0.15 + 0.05 * i)}"/>`,
        );
        layers.hazy.push(
          `<rect x="${f(x + w * 0.35)}" y="${f(y + 6 * k)}" width="${f(w * 0.3)}" height="${f(10 * k + 2)}" fill="#fffde8" opacity="0.8"/>`,
        );
      }
      break;
    }
    default: {
      for (let i = 0; i < 26; i++) {
        layers.hazy.push(
          `<circle cx="${f(r.range(0, S))}" cy="${f(r.range(0, S))}" r="${f(r.range(10, 60))}" fill="${r.pick([palette[2], palette[3], accent])}" opacity="${f(r.range(0.12, 0.4))}"/>`,
        );
      }
    }
  }
}

export interface DreamArtInput {
  category: DreamCategory;
  emotions: readonly string[];
  seed: string;
}

/** SVG documents drawn in the same 768×768 space; blurred ones are blurred by libvips, not librsvg. */
interface ArtLayers {
  /** Background, glow and orbs: drawn small, blurred, then scaled up, since it is all soft anyway. */
  soft: string;
  hazy: string;
  motion: string;
  crisp: string;
}

const SOFT_SCALE = 4;
const svg = (size: number, content: string, defs = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${OFFLINE_IMAGE_SIZE} ${OFFLINE_IMAGE_SIZE}"><defs>${defs}</defs>${content}</svg>`;

function buildLayers(input: DreamArtInput): ArtLayers {
  const S = OFFLINE_IMAGE_SIZE;
  const palette = PALETTES[input.category];
  const r = createRandom(hashSeed(`${input.category}|${input.seed}`));
  const emotionIds = input.emotions
    .map((e) => EMOTION_BY_WORD.get(e.trim().toLocaleLowerCase()))
    .filter((e): e is EmotionId => e !== undefined);
  const accents = emotionIds.length > 0 ? emotionIds.map((e) => EMOTION_ACCENTS[e]) : [palette[3]];
  const accent = accents[0]!;

  const layers: Layers = { soft: [], hazy: [], motion: [], crisp: [] };
  motif(input.category, r, palette, accent, layers);

  const angle = r.range(0, Math.PI * 2);
  const glowX = r.range(S * 0.2, S * 0.8);
  const glowY = r.range(S * 0.2, S * 0.8);
  const gx = 0.5 + 0.5 * Math.cos(angle);
  const gy = 0.5 + 0.5 * Math.sin(angle);

  const orbs: string[] = [];
  for (let i = 0; i < 9; i++) {
    orbs.push(
      `<circle cx="${f(r.range(-50, S + 50))}" cy="${f(r.range(-50, S + 50))}" r="${f(r.range(60, 200))}" fill="${r.pick([palette[2], palette[3], ...accents])}" opacity="${f(r.range(0.2, 0.55))}"/>`,
    );
  }
  const waves: string[] = [];
  for (let i = 0; i < 4; i++) {
    waves.push(
      `<path d="${wavePath(r, r.range(S * 0.2, S * 0.9), r.range(20, 70))}" stroke="${r.pick([palette[3], accent])}" stroke-width="${f(r.range(2, 9))}" fill="none" opacity="${f(r.range(0.2, 0.5))}"/>`,
    );
  }
  const stars: string[] = [];
  for (let i = 0; i < STAR_COUNTS[input.category]; i++) {
    stars.push(
      `<circle cx="${f(r.range(0, S))}" cy="${f(r.range(0, S * 0.75))}" r="${f(r.range(0.6, 2.2))}" fill="#ffffff" opacity="${f(r.range(0.3, 0.95))}"/>`,
    );
  }

  return {
    soft: svg(
      S / SOFT_SCALE,
      [
        `<rect width="${S}" height="${S}" fill="url(#bg)"/>`,
        `<circle cx="${f(glowX)}" cy="${f(glowY)}" r="${f(S * 0.55)}" fill="url(#glow)"/>`,
        ...orbs,
        ...layers.soft,
      ].join(''),
      [
        `<linearGradient id="bg" x1="${f(1 - gx)}" y1="${f(1 - gy)}" x2="${f(gx)}" y2="${f(gy)}">`,
        `<stop offset="0" stop-color="${palette[0]}"/><stop offset="0.65" stop-color="${palette[1]}"/><stop offset="1" stop-color="${palette[2]}"/>`,
        '</linearGradient>',
        `<radialGradient id="glow"><stop offset="0" stop-color="${accent}" stop-opacity="0.55"/><stop offset="1" stop-color="${accent}" stop-opacity="0"/></radialGradient>`,
      ].join(''),
    ),
    hazy: svg(S, layers.hazy.join('')),
    motion: svg(S, [...waves, ...layers.motion].join('')),
    crisp: svg(
      S,
      [...layers.crisp, ...stars, `<rect width="${S}" height="${S}" fill="url(#vignette)"/>`].join(''),
      '<radialGradient id="vignette" cx="0.5" cy="0.5" r="0.75"><stop offset="0.55" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.6"/></radialGradient>',
    ),
  };
}

/**
 * sharp (with libvips) is imported on the first picture, not at start: loaded, it holds about 14 MB
 * in a process that may draw nothing for hours.
 */
let loadingSharp: Promise<(input: Buffer, options?: SharpOptions) => Sharp> | undefined;
const loadSharp = () => {
  loadingSharp ??= import('sharp').then(({ default: sharp }) => {
    // libvips' operation cache (up to 50 MB by default) never hits here: every picture is new.
    sharp.cache(false);
    return sharp;
  });
  return loadingSharp;
};

/**
 * Renders the abstract dream image to a 768×768 PNG: same input, same bytes. Gaussian blurs run in
 * libvips on separate layers because librsvg's SVG filters made one picture take about a second.
 */
export async function renderDreamArt(input: DreamArtInput): Promise<Buffer> {
  const sharp = await loadSharp();
  const rasterise = (layer: string) => sharp(Buffer.from(layer), { limitInputPixels: LIMIT_INPUT_PIXELS });
  const layers = buildLayers(input);
  const S = OFFLINE_IMAGE_SIZE;
  const soft = await rasterise(layers.soft)
    .blur(36 / SOFT_SCALE)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const [background, hazy, motion] = await Promise.all([
    sharp(soft.data, { raw: soft.info }).resize(S, S, { kernel: 'cubic' }).removeAlpha().raw().toBuffer(),
    rasterise(layers.hazy).blur(2).png().toBuffer(),
    rasterise(layers.motion).blur(7).png().toBuffer(),
  ]);
  return sharp(background, { raw: { width: S, height: S, channels: 3 } })
    .composite([
      { input: hazy },
      { input: motion },
      { input: Buffer.from(layers.crisp), limitInputPixels: LIMIT_INPUT_PIXELS },
    ])
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** Generated abstract art standing in for an image model; labelled `offline` so callers can say so. */
export class OfflineImageAi implements ImageAi {
  async generate(input: ImageInput): Promise<ImageResult> {
    const data = await renderDreamArt(input);
    return { data, mime: 'image/png', provider: 'offline', offline: true };
  }
}
