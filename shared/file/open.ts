/** Opens a portfolio file that may be encrypted: decrypt when needed, then read. */
import { fail } from '../errors';
import type { Result } from '../errors';
import { decryptContainer, isEncryptedContainer } from './encryption';
import { readPortfolioFile } from './read';
import type { ParsedFile, ReadOptions } from './read';

/**
 * Reads a portfolio file, decrypting it first when it is encrypted. `passphrase` is ignored
 * for an unencrypted file; for an encrypted one, `null` gives `portfolioFile.passphraseRequired`
 * so the caller can ask for it and call again.
 */
export async function openPortfolioFile(
  bytes: Uint8Array,
  fileName: string,
  passphrase: string | null,
  options: ReadOptions = {},
): Promise<Result<ParsedFile>> {
  if (!isEncryptedContainer(bytes)) return readPortfolioFile(bytes, fileName, options);
  if (passphrase === null) return fail('portfolioFile.passphraseRequired', { file: fileName });

  const decrypted = await decryptContainer(bytes, passphrase, { fileName });
  if (!decrypted.ok) return decrypted;
  return readPortfolioFile(decrypted.value, fileName, options);
}
