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

const PRE_SKIP = 312;
/** One 20 ms Opus frame of silence (CELT-only, fullband, mono): what an encoder writes for a pause. */
const SILENT_FRAME = Buffer.from([0xf8, 0xff, 0xfe]);
const FRAME_SAMPLES = 960;

/** One Ogg page; every packet here is shorter than 255 bytes, so one lacing value each. */
function oggPage(flags: number, granule: bigint, sequence: number, packets: Buffer[]): Buffer {
  const header = Buffer.alloc(27 + packets.length);
  header.write('OggS', 0, 'latin1');
  header.writeUInt8(flags, 5);
  header.writeBigUInt64LE(granule, 6);
  header.writeUInt32LE(0x4d454348, 14); // serial number
  header.writeUInt32LE(sequence, 18);
  header.writeUInt8(packets.length, 26);
  packets.forEach((p, i) => {
    header.writeUInt8(p.length, 27 + i);
  });
  const page = Buffer.concat([header, ...packets]);
  page.writeUInt32LE(oggCrc(page), 22);
  return page;
}

/**
 * A Telegram-like voice note (Ogg/Opus, mono, 48 kHz): OpusHead, OpusTags, then `seconds` of
 * silence a browser can decode and play, so a test can check the player really loads it.
 */
export function opusVoiceNote(seconds = 1): Buffer {
  const head = Buffer.alloc(19);
  head.write('OpusHead', 0, 'latin1');
  head.writeUInt8(1, 8); // version
  head.writeUInt8(1, 9); // mono, as voice notes are
  head.writeUInt16LE(PRE_SKIP, 10);
  head.writeUInt32LE(48_000, 12); // input sample rate
  const vendor = Buffer.from('mechta-test', 'latin1');
  const tags = Buffer.alloc(8 + 4 + vendor.length + 4);
  tags.write('OpusTags', 0, 'latin1');
  tags.writeUInt32LE(vendor.length, 8);
  vendor.copy(tags, 12);
  const frames = Math.max(1, Math.min(250, Math.round(seconds * 50)));
  const audio = Array.from({ length: frames }, () => SILENT_FRAME);
  return Buffer.concat([
    oggPage(0x02, 0n, 0, [head]),
    oggPage(0x00, 0n, 1, [tags]),
    oggPage(0x04, BigInt(PRE_SKIP + frames * FRAME_SAMPLES), 2, audio),
  ]);
}
