/** Public API of the `.steerwise` portfolio file format. */
export { currentFormatVersion, fileExtension, fileLimits, formatType, mimeType } from './constants';
export {
  decryptContainer,
  encryptContainer,
  encryptionMagic,
  isEncryptedContainer,
  maxPbkdf2Iterations,
  minPbkdf2Iterations,
} from './encryption';
export type { DecryptOptions, EncryptOptions } from './encryption';
export type { EvaluatorScope, ExportScope, Manifest } from './manifest';
export { migrations, runMigrations } from './migrate';
export type { FileContent, Migration, MigrationRegistry } from './migrate';
export { openPortfolioFile } from './open';
export { readPortfolioFile } from './read';
export { scopeSnapshot, withCommercialPlaceholders } from './scope';
export type { ParsedFile, ReadOptions, ReadProgress } from './read';
export { writePortfolioFile } from './write';
export type { WriteMetadata, WriteProgress } from './write';
