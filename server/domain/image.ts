/** The picture formats the server keeps (an office's logo, an employee's photo), told apart by their first bytes. */
export type ImageType = 'image/png' | 'image/jpeg' | 'image/webp';

export interface ImageInfo {
  type: ImageType;
  /** Pixels, as the file's header says; 0 when the header holds no size the reader can find. */
  width: number;
  height: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The type the bytes are, whatever a file name or a Content-Type header claims; null for anything else. */
export function imageTypeOf(bytes: Buffer): ImageType | null {
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** The type and the size in pixels of a PNG, JPEG or WebP, read from its header; null when it is none of them. */
export function imageInfoOf(bytes: Buffer): ImageInfo | null {
  const type = imageTypeOf(bytes);
  if (!type) return null;
  const [width, height] = type === 'image/png' ? pngSize(bytes) : type === 'image/jpeg' ? jpegSize(bytes) : webpSize(bytes);
  return { type, width, height };
}

/** IHDR is always the first chunk: width and height at bytes 16 and 20. */
function pngSize(bytes: Buffer): [number, number] {
  if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR') return [0, 0];
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** The first start-of-frame segment (SOF0 to SOF15 but DHT, JPG and DAC) holds height then width. */
function jpegSize(bytes: Buffer): [number, number] {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return [0, 0];
    const marker = bytes[at + 1] as number;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return [bytes.readUInt16BE(at + 7), bytes.readUInt16BE(at + 5)];
    }
    if (marker === 0xd9 || marker === 0xda) return [0, 0];
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  return [0, 0];
}

/** The first chunk after `WEBP`: lossy (VP8 ), lossless (VP8L) or extended (VP8X), each with its own layout. */
function webpSize(bytes: Buffer): [number, number] {
  if (bytes.length < 30) return [0, 0];
  const chunk = bytes.toString('latin1', 12, 16);
  if (chunk === 'VP8 ') return [bytes.readUInt16LE(26) & 0x3fff, bytes.readUInt16LE(28) & 0x3fff];
  if (chunk === 'VP8L') {
    const bits = bytes.readUInt32LE(21);
    return [(bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1];
  }
  if (chunk === 'VP8X') return [bytes.readUIntLE(24, 3) + 1, bytes.readUIntLE(27, 3) + 1];
  return [0, 0];
}
