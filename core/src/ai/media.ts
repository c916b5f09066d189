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
