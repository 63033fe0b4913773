/**
 * Constants of the `.steerwise` portfolio file: its identity, its current version and the
 * limits a reader enforces before it inflates anything. Every other module takes them from here.
 */

/** Value of `formatType` in every manifest. */
export const formatType = 'steerwise-portfolio';

/** Format version this app writes. Readers migrate older versions up to it and reject newer ones. */
export const currentFormatVersion = 6;

/** File name extension, with the dot. */
export const fileExtension = '.steerwise';

/** MIME type for downloads and the desktop file association. */
export const mimeType = 'application/x-steerwise';

const mebibyte = 1024 * 1024;

/** Limits of one file. Sizes are in bytes, ratios are inflated size divided by compressed size. */
export const fileLimits = {
  /**
   * Maximum size of the file as stored on disk, encrypted or not. It equals the largest file the
   * platform API opens (`maxOpenFileBytes`), so the writer never produces a file the app cannot
   * open again. A 150,000-measurement portfolio takes about 6.5 MiB.
   */
  maxFileBytes: 64 * mebibyte,
  /**
   * Maximum inflated size of one entry. It stays below V8's maximum string length
   * (2^29 - 24 characters in Node 20), which the decoded JSON text must fit.
   */
  maxEntryInflatedBytes: 256 * mebibyte,
  /** Maximum inflated size of all entries together. */
  maxTotalInflatedBytes: 1024 * mebibyte,
  /** Maximum compression ratio of one entry. Portfolio JSON compresses about 7:1 at the level the writer uses. */
  maxEntryRatio: 100,
  /** Maximum ratio of all inflated entries together to the size of the file. */
  maxTotalRatio: 100,
  /**
   * Entries that inflate to at most this size skip the per-entry ratio check, because they
   * cannot exhaust memory and a tiny entry can have any ratio. The total ratio check skips
   * files whose entries inflate to at most this size in all.
   */
  ratioCheckMinInflatedBytes: 1 * mebibyte,
  /** Maximum number of ZIP entries. Versions 1 and 2 write 8, version 3 writes 16 and version 4 writes 21; the margin leaves room for later versions. */
  maxEntries: 64,
} as const;
