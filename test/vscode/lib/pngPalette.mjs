// Shrinks a screenshot: re-encodes an RGB(A) PNG as an indexed (palette) PNG of at most 256 colours, chosen by
// median cut over the image's colour histogram. Workbench screenshots are flat UI with anti-aliased text, so this
// keeps them sharp at about a third of the size, which keeps the README's screenshots (media/screenshots/) small
// in the repository and the .vsix. Decoding uses the PNG reader bundled in playwright-core; encoding is ours
// (pngjs cannot write palette images).
import { deflateSync, crc32 } from 'node:zlib';
import { createRequire } from 'node:module';

const { PNG } = createRequire(import.meta.url)('playwright-core/lib/utilsBundle');

/** Median cut: splits the weighted colour set into at most `max` boxes; returns each box's mean colour. */
function medianCut(colors, max) {
  // colors: Array<[rgb24, count]>
  let boxes = [colors];
  while (boxes.length < max) {
    // Split the box with the widest channel range (weighted by its pixel count), if any can be split.
    let best = -1;
    let bestScore = 0;
    let bestChannel = 0;
    for (let i = 0; i < boxes.length; i++) {
      const box = boxes[i];
      if (box.length < 2) continue;
      const lo = [255, 255, 255];
      const hi = [0, 0, 0];
      let pixels = 0;
      for (const [c, n] of box) {
        const ch = [(c >> 16) & 255, (c >> 8) & 255, c & 255];
        for (let k = 0; k < 3; k++) {
          if (ch[k] < lo[k]) lo[k] = ch[k];
          if (ch[k] > hi[k]) hi[k] = ch[k];
        }
        pixels += n;
      }
      const ranges = [hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]];
      const channel = ranges.indexOf(Math.max(...ranges));
      const score = ranges[channel] * Math.sqrt(pixels);
      if (score > bestScore) [best, bestScore, bestChannel] = [i, score, channel];
    }
    if (best < 0) break;
    const shift = 16 - 8 * bestChannel;
    const box = boxes[best].sort((a, b) => ((a[0] >> shift) & 255) - ((b[0] >> shift) & 255));
    // Split at the weighted median.
    const total = box.reduce((s, [, n]) => s + n, 0);
    let acc = 0;
    let at = 1;
    for (; at < box.length - 1; at++) {
      acc += box[at - 1][1];
      if (acc >= total / 2) break;
    }
    boxes.splice(best, 1, box.slice(0, at), box.slice(at));
  }
  return boxes.map((box) => {
    let r = 0, g = 0, b = 0, n = 0;
    for (const [c, k] of box) {
      r += ((c >> 16) & 255) * k;
      g += ((c >> 8) & 255) * k;
      b += (c & 255) * k;
      n += k;
    }
    return { members: box, rgb: [Math.round(r / n), Math.round(g / n), Math.round(b / n)] };
  });
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** An indexed PNG of the same picture (opaque pixels; alpha is dropped). */
export function toPalettePng(buffer) {
  const png = PNG.sync.read(buffer);
  const { width, height, data } = png;
  const histogram = new Map();
  for (let i = 0; i < data.length; i += 4) {
    const c = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    histogram.set(c, (histogram.get(c) ?? 0) + 1);
  }
  const palette = medianCut([...histogram], 256);
  const index = new Map();
  palette.forEach((p, i) => { for (const [c] of p.members) index.set(c, i); });
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      raw[y * (width + 1) + 1 + x] = index.get((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 3; // colour type: indexed
  ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  const plte = Buffer.from(palette.flatMap((p) => p.rgb));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('PLTE', plte),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
