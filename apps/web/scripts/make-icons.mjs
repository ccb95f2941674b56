// Renders the PWA icons (N-11) from one SVG drawing. Run after changing the drawing:
//   node apps/web/scripts/make-icons.mjs
// The PNGs are committed, so builds never need sharp.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const BACKGROUND = '#14161b';
const ACCENT = '#8ab4f8';
const WARM = '#f6c177';
const publicDir = fileURLToPath(new URL('../public/', import.meta.url));

/** A four-pointed spark over a small dot, drawn on a 100-unit grid, scaled by `scale` around the centre. */
function drawing(scale) {
  const spark = 'M50 14 C53 38 62 47 86 50 C62 53 53 62 50 86 C47 62 38 53 14 50 C38 47 47 38 50 14 Z';
  return `<g transform="translate(50 50) scale(${scale}) translate(-50 -50)">
    <path d="${spark}" fill="${ACCENT}"/>
    <circle cx="74" cy="26" r="7" fill="${WARM}"/>
  </g>`;
}

function svg({ rounded, scale }) {
  const radius = rounded ? 22 : 0;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
  <rect width="100" height="100" rx="${radius}" fill="${BACKGROUND}"/>
  ${drawing(scale)}
</svg>`;
}

// Maskable icons keep everything inside the central 80 % circle and fill the whole square.
const outputs = [
  { file: 'icons/icon-192.png', size: 192, rounded: true, scale: 0.9 },
  { file: 'icons/icon-512.png', size: 512, rounded: true, scale: 0.9 },
  { file: 'icons/icon-maskable-512.png', size: 512, rounded: false, scale: 0.62 },
  { file: 'icons/apple-touch-icon-180.png', size: 180, rounded: false, scale: 0.75 },
];

for (const { file, size, rounded, scale } of outputs) {
  await sharp(Buffer.from(svg({ rounded, scale })), { density: 72 * (size / 100) * 1.5 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toFile(publicDir + file);
}
await writeFile(publicDir + 'favicon.svg', svg({ rounded: true, scale: 0.9 }) + '\n');
console.log(`wrote ${outputs.length} icons and favicon.svg to ${publicDir}`);
