import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

// jsqr is CommonJS typed as an ES module: under NodeNext its default import is the exports object,
// which holds the function as `default` or is the function itself, depending on who loads it.
const jsQR = ((jsQRModule as unknown as { default?: unknown }).default ?? jsQRModule) as typeof jsQRModule.default;

export interface DecodedQr {
  text: string;
  version: number;
}

function decodeRgba(data: Uint8ClampedArray, width: number, height: number): DecodedQr | null {
  const found = jsQR(data, width, height, { inversionAttempts: 'dontInvert' });
  return found ? { text: found.data, version: found.version } : null;
}

/** Reads a PNG the way a phone's camera app would read the printed code: from its pixels. */
export function decodePng(png: Buffer): DecodedQr & { width: number; height: number; pixels: PNG } {
  const image = PNG.sync.read(png);
  const decoded = decodeRgba(new Uint8ClampedArray(image.data), image.width, image.height);
  if (!decoded) throw new Error('no QR code found in the PNG');
  return { ...decoded, width: image.width, height: image.height, pixels: image };
}

export interface SvgModules {
  /** Modules across, quiet zone included (the viewBox). */
  size: number;
  dark: boolean[][];
  width: number | null;
}

/**
 * Reads the modules out of the SVG the `qrcode` package draws: a background path, then one stroked
 * path of horizontal runs (`M x y`, `m dx dy`, `h n`), each run one module high centred on y.
 */
export function svgModules(svg: string): SvgModules {
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  const path = /<path stroke="#000000" d="([^"]+)"/.exec(svg);
  if (!viewBox || !path) throw new Error('not an SVG from the qrcode package');
  const size = Number(viewBox[1]);
  const dark = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  let x = 0;
  let y = 0;
  for (const [, command, a, b] of path[1]!.matchAll(/([MmhH])\s*(-?[\d.]+)(?:\s+(-?[\d.]+))?/g)) {
    if (command === 'M') [x, y] = [Number(a), Number(b)];
    else if (command === 'm') [x, y] = [x + Number(a), y + Number(b ?? 0)];
    else {
      const end = command === 'h' ? x + Number(a) : Number(a);
      for (let column = x; column < end; column++) dark[Math.floor(y)]![column] = true;
      x = end;
    }
  }
  const width = /<svg[^>]* width="(\d+)"/.exec(svg);
  return { size, dark, width: width ? Number(width[1]) : null };
}

/** Rasterises the SVG's modules at `scale` pixels each and reads the code from the pixels. */
export function decodeSvg(svg: string, scale = 6): DecodedQr & SvgModules {
  const modules = svgModules(svg);
  const side = modules.size * scale;
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let row = 0; row < side; row++) {
    for (let column = 0; column < side; column++) {
      if (!modules.dark[Math.floor(row / scale)]![Math.floor(column / scale)]) continue;
      const at = (row * side + column) * 4;
      rgba[at] = rgba[at + 1] = rgba[at + 2] = 0;
    }
  }
  const decoded = decodeRgba(rgba, side, side);
  if (!decoded) throw new Error('no QR code found in the SVG');
  return { ...decoded, ...modules };
}

/** How many modules of light border surround the dark ones: the quiet zone. */
export function quietZone(modules: SvgModules): number {
  let first = modules.size;
  modules.dark.forEach((row) => row.forEach((dark, column) => dark && (first = Math.min(first, column))));
  const firstRow = modules.dark.findIndex((row) => row.includes(true));
  return Math.min(first, firstRow);
}
