import { fileTypeFromBuffer } from 'file-type';

/** The MIME type the bytes themselves show (file-type's signatures); undefined for text, empty or unknown data. */
export async function sniffMime(data: Uint8Array): Promise<string | undefined> {
  if (data.length === 0) return undefined;
  return (await fileTypeFromBuffer(data))?.mime;
}

// What we store and send on as pictures: the formats Telegram shows as photos and browsers all draw.
const IMAGE_MIMES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif']);
const VIDEO_MIMES = new Set(['video/mp4', 'video/quicktime', 'video/webm']);

/** Image type from the content (providers do not always say what they send); `application/octet-stream` otherwise. */
export async function sniffImageMime(data: Uint8Array): Promise<string> {
  const mime = await sniffMime(data);
  return mime && IMAGE_MIMES.has(mime) ? mime : 'application/octet-stream';
}

/**
 * Video type from the content, then the URL's extension; mp4 when neither tells (what the video
 * models produce), so a stored clip always has a playable type.
 */
export async function sniffVideoMime(data: Uint8Array, url: string): Promise<string> {
  const mime = await sniffMime(data);
  if (mime && VIDEO_MIMES.has(mime)) return mime;
  if (/\.webm(\?|$)/i.test(url)) return 'video/webm';
  if (/\.mov(\?|$)/i.test(url)) return 'video/quicktime';
  return 'video/mp4';
}
