/**
 * Generates the app icons in `resources/` from `resources/icon.svg`, for electron-builder:
 * `icon.png` (512 × 512, Linux), `icon.ico` (Windows) and `icon.icns` (macOS). Run it with
 * `npm run icons` after changing the SVG, and commit the output.
 */
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import generateIcon from 'icon-gen';

const resources = resolve(import.meta.dirname, '../resources');
const scratch = await mkdtemp(join(tmpdir(), 'steerwise-icons-'));

try {
  await generateIcon(join(resources, 'icon.svg'), scratch, {
    report: false,
    // 256 is the largest size Windows shows; the smaller ones keep lists and the taskbar sharp.
    ico: { name: 'icon', sizes: [16, 24, 32, 48, 64, 128, 256] },
    // Every size macOS reads from an .icns, up to 1024 for the Retina 512 pt icon.
    icns: { name: 'icon', sizes: [16, 32, 64, 128, 256, 512, 1024] },
    favicon: { name: 'icon-', pngSizes: [512], icoSizes: [16] },
  });
  await rename(join(scratch, 'icon.ico'), join(resources, 'icon.ico'));
  await rename(join(scratch, 'icon.icns'), join(resources, 'icon.icns'));
  await rename(join(scratch, 'icon-512.png'), join(resources, 'icon.png'));
} finally {
  await rm(scratch, { recursive: true, force: true });
}
