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

/**
 * The first page of a Telegram voice note (an Ogg page, beginning of stream, carrying OpusHead):
 * what the bot receives, and what content sniffing must recognise as OGG audio.
 */
export function opusVoiceNote(): Buffer {
  const head = Buffer.alloc(19);
  head.write('OpusHead', 0, 'latin1');
  head.writeUInt8(1, 8); // version
  head.writeUInt8(1, 9); // mono, as voice notes are
  head.writeUInt16LE(312, 10); // pre-skip
  head.writeUInt32LE(48_000, 12); // input sample rate
  const page = Buffer.alloc(27 + 1);
  page.write('OggS', 0, 'latin1');
  page.writeUInt8(0x02, 5); // beginning of stream
  page.writeUInt32LE(0x4d454348, 14); // serial number
  page.writeUInt8(1, 26); // one segment
  page.writeUInt8(head.length, 27);
  const whole = Buffer.concat([page, head]);
  whole.writeUInt32LE(oggCrc(whole), 22);
  return whole;
}
