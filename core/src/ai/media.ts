/** Image type from the first bytes; providers do not always say what they send. */
export function sniffImageMime(data: Buffer): string {
  if (
    data.length >= 8 &&
    data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  ) {
    return 'image/png';
  }
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (
    data.length >= 12 &&
    data.toString('latin1', 0, 4) === 'RIFF' &&
    data.toString('latin1', 8, 12) === 'WEBP'
  ) {
    return 'image/webp';
  }
  if (data.length >= 4 && data.toString('latin1', 0, 4) === 'GIF8') return 'image/gif';
  return 'application/octet-stream';
}

/** Downloads a provider's output file, bounded in time and size. */
export async function downloadBytes(
  url: string,
  options: { timeoutMs: number; maxBytes: number },
): Promise<Buffer> {
  const response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs) });
  if (!response.ok) throw new Error(`Download of ${url} failed with HTTP ${response.status}`);
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > options.maxBytes)
    throw new Error(`Download of ${url} is larger than ${options.maxBytes} bytes`);
  const data = Buffer.from(await response.arrayBuffer());
  if (data.length > options.maxBytes)
    throw new Error(`Download of ${url} is larger than ${options.maxBytes} bytes`);
  return data;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
