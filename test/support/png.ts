import { inflateSync } from 'node:zlib';

/**
 * A small PNG reader for the chart tests (pdftoppm's pages, Chromium's screenshots): 8-bit greyscale, RGB or RGBA,
 * not interlaced — what both write. No dependency: zlib and the five PNG row filters are all it takes.
 */
export interface Image {
  width: number;
  height: number;
  /** Channels per pixel (1 grey, 2 grey+alpha, 3 RGB, 4 RGBA). */
  channels: number;
  data: Buffer;
}

const channelsOf: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

export function decodePng(buf: Buffer): Image {
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error('[test] not a PNG file');
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const body = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const depth = body[8]!;
      channels = channelsOf[body[9]!] ?? 0;
      if (depth !== 8 || channels === 0 || body[12] !== 0) throw new Error(`[test] PNG depth ${depth}, colour type ${body[9]}, interlace ${body[12]}: not supported here`);
    } else if (type === 'IDAT') idat.push(body);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const data = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? data[y * stride + x - channels]! : 0;
      const b = y > 0 ? data[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? data[(y - 1) * stride + x - channels]! : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      const predictor = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      if (predictor === undefined) throw new Error(`[test] PNG row filter ${filter} unknown`);
      data[y * stride + x] = (line[x]! + predictor) & 0xff;
    }
  }
  return { width, height, channels, data };
}

/** Variance of the luminance and how many distinct colours there are: a blank image has variance 0 and 1 colour. */
export function pixelStats(img: Image): { variance: number; colours: number; nonWhite: number } {
  let sum = 0;
  let sq = 0;
  let nonWhite = 0;
  const colours = new Set<number>();
  const n = img.width * img.height;
  for (let i = 0; i < n; i++) {
    const o = i * img.channels;
    const [r, g, b] = img.channels >= 3 ? [img.data[o]!, img.data[o + 1]!, img.data[o + 2]!] : [img.data[o]!, img.data[o]!, img.data[o]!];
    const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    sum += l;
    sq += l * l;
    if (l < 245) nonWhite++;
    colours.add((r << 16) | (g << 8) | b);
  }
  const mean = sum / n;
  return { variance: sq / n - mean * mean, colours: colours.size, nonWhite };
}
