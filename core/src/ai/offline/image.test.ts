import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DREAM_CATEGORIES, type DreamCategory } from '../types.ts';
import { OFFLINE_IMAGE_SIZE, OfflineImageAi } from './image.ts';

const ai = new OfflineImageAi();
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function meanColour(data: Buffer): Promise<[number, number, number]> {
  const { channels } = await sharp(data).stats();
  return [channels[0]!.mean, channels[1]!.mean, channels[2]!.mean];
}

const distance = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - b[i]!));

describe('offline dream art', () => {
  it('is a real 768×768 PNG, labelled offline', async () => {
    const result = await ai.generate({
      prompt: 'a night city',
      category: 'flight',
      emotions: ['freedom'],
      seed: 'dream-1',
    });
    expect(result).toMatchObject({ mime: 'image/png', provider: 'offline', offline: true });
    expect(result.data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const meta = await sharp(result.data).metadata();
    expect(meta).toMatchObject({ format: 'png', width: OFFLINE_IMAGE_SIZE, height: OFFLINE_IMAGE_SIZE });
    // Not a flat fill: an abstract picture has many distinct tones.
    const { channels } = await sharp(result.data).stats();
    expect(channels[2]!.stdev).toBeGreaterThan(10);
  });

  it('has a different overall colour for every category', async () => {
    const means = new Map<DreamCategory, [number, number, number]>();
    for (const category of DREAM_CATEGORIES) {
      const { data } = await ai.generate({ prompt: '', category, emotions: [], seed: 'same-seed' });
      means.set(category, await meanColour(data));
    }
    for (const a of DREAM_CATEGORIES) {
      for (const b of DREAM_CATEGORIES) {
        if (a < b) expect(distance(means.get(a)!, means.get(b)!), `${a} vs ${b}`).toBeGreaterThan(15);
      }
    }
  });

  it('gives the same bytes for the same seed and different art for another seed', async () => {
    const input = { prompt: 'x', category: 'gothic' as const, emotions: ['страх'], seed: 'dream-7' };
    const first = await ai.generate(input);
    const again = await ai.generate(input);
    const other = await ai.generate({ ...input, seed: 'dream-8' });
    expect(again.data.equals(first.data)).toBe(true);
    expect(other.data.equals(first.data)).toBe(false);
  });

  it('tints the picture by the emotions, in either language', async () => {
    const base = { prompt: '', category: 'other' as const, seed: 'dream-9' };
    const calm = await ai.generate({ ...base, emotions: ['calm'] });
    const calmRu = await ai.generate({ ...base, emotions: ['спокойствие'] });
    const anger = await ai.generate({ ...base, emotions: ['anger'] });
    expect(calmRu.data.equals(calm.data)).toBe(true);
    const [cr, , cb] = await meanColour(calm.data);
    const [ar, , ab] = await meanColour(anger.data);
    expect(ar - ab).toBeGreaterThan(cr - cb);
  });
});
