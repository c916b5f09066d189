import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sniffImageMime, sniffMime, sniffVideoMime } from './sniff.ts';

const picture = (format: 'png' | 'jpeg' | 'webp' | 'gif') =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 200, g: 40, b: 90 } } })
    .toFormat(format)
    .toBuffer();

const box = (type: string, payload: Buffer) => {
  const size = Buffer.alloc(4);
  size.writeUInt32BE(8 + payload.length);
  return Buffer.concat([size, Buffer.from(type, 'latin1'), payload]);
};

/** The start of an ISO-BMFF file as encoders write it: ftyp (major brand, minor version, compatibles), free, mdat. */
const isoMedia = (brand: string) =>
  Buffer.concat([
    box(
      'ftyp',
      Buffer.concat([
        Buffer.from(brand, 'latin1'),
        Buffer.from([0, 0, 2, 0]),
        Buffer.from(`${brand}iso2mp41`),
      ]),
    ),
    box('free', Buffer.alloc(0)),
    box('mdat', Buffer.alloc(64, 0x11)),
  ]);

// Ogg's page checksum: CRC-32, polynomial 0x04c11db7, no reflection, initial 0.
const CRC_TABLE = Array.from({ length: 256 }, (_, i) => {
  let r = i << 24;
  for (let k = 0; k < 8; k++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
  return r >>> 0;
});
const oggCrc = (data: Buffer) => {
  let crc = 0;
  for (const byte of data) crc = ((crc << 8) ^ (CRC_TABLE[((crc >>> 24) ^ byte) & 0xff] ?? 0)) >>> 0;
  return crc;
};

/** The first page of a Telegram voice note: an Ogg page (beginning of stream) carrying OpusHead. */
function opusVoice(): Buffer {
  const head = Buffer.alloc(19);
  head.write('OpusHead', 0, 'latin1');
  head.writeUInt8(1, 8); // version
  head.writeUInt8(1, 9); // mono, as voice notes are
  head.writeUInt16LE(312, 10); // pre-skip
  head.writeUInt32LE(48_000, 12); // input sample rate
  const page = Buffer.alloc(27 + 1);
  page.write('OggS', 0, 'latin1');
  page.writeUInt8(0, 4); // stream structure version
  page.writeUInt8(0x02, 5); // beginning of stream
  page.writeUInt32LE(0x4d454348, 14); // serial number
  page.writeUInt8(1, 26); // one segment
  page.writeUInt8(head.length, 27);
  const whole = Buffer.concat([page, head]);
  whole.writeUInt32LE(oggCrc(whole), 22);
  return whole;
}

describe('sniffing by content (file-type)', () => {
  it('tells the pictures providers send by their bytes', async () => {
    expect(await sniffImageMime(await picture('png'))).toBe('image/png');
    expect(await sniffImageMime(await picture('jpeg'))).toBe('image/jpeg');
    expect(await sniffImageMime(await picture('webp'))).toBe('image/webp');
    expect(await sniffImageMime(await picture('gif'))).toBe('image/gif');
  });

  it('refuses what only claims to be a picture: text named .jpg, an empty file, a video', async () => {
    const textNamedJpg = Buffer.from('just some text, saved as dream.jpg\n');
    expect(await sniffMime(textNamedJpg)).toBeUndefined();
    expect(await sniffImageMime(textNamedJpg)).toBe('application/octet-stream');
    expect(await sniffMime(Buffer.alloc(0))).toBeUndefined();
    expect(await sniffImageMime(Buffer.alloc(0))).toBe('application/octet-stream');
    expect(await sniffImageMime(isoMedia('isom'))).toBe('application/octet-stream');
  });

  it('tells mp4 from QuickTime, and falls back to the URL, then mp4', async () => {
    expect(await sniffVideoMime(isoMedia('isom'), 'https://x/out')).toBe('video/mp4');
    expect(await sniffVideoMime(isoMedia('qt  '), 'https://x/out.mp4')).toBe('video/quicktime');
    expect(await sniffVideoMime(Buffer.from('not a video'), 'https://x/out.webm?sig=1')).toBe('video/webm');
    expect(await sniffVideoMime(Buffer.alloc(0), 'https://x/out.mov')).toBe('video/quicktime');
    expect(await sniffVideoMime(Buffer.alloc(0), 'https://x/out')).toBe('video/mp4');
  });

  it('recognises an Ogg/Opus voice note', async () => {
    expect(await sniffMime(opusVoice())).toBe('audio/ogg; codecs=opus');
    expect(await sniffImageMime(opusVoice())).toBe('application/octet-stream');
  });
});
