import { useTranslation } from 'react-i18next';
import type { ParsedFile } from '@shared/file';
import { userLocale } from '../../locale';

/** Maximum number of providers a notice names; a file of more providers is named by their count. */
const maxNamedProviders = 3;

/**
 * Says, before anything is applied, that an opened file covers part of a portfolio (chosen
 * providers, or no commercial terms) and that the merge changes only what the file holds.
 * Evaluator files have their own notice (`EvaluatorFileNotice`).
 */
export function ScopedFileNotice({ file }: { readonly file: ParsedFile }) {
  const { t } = useTranslation();
  const scope = file.manifest.scope;
  if (scope === undefined || scope.rfp !== undefined) return null;

  const names = file.snapshot.records.providers.map((provider) => provider.name);
  const providers =
    names.length > maxNamedProviders
      ? t('sync.scopedFile.providerCount', { count: names.length })
      : new Intl.ListFormat(userLocale, { type: 'conjunction' }).format(names);
  let sentence: string = t('sync.scopedFile.withoutCommercialTerms');
  if (scope.providerIds !== undefined) {
    sentence =
      scope.withoutCommercialTerms === true
        ? t('sync.scopedFile.providersWithoutCommercialTerms', { providers })
        : t('sync.scopedFile.providers', { providers });
  }
  return (
    <p className="alert warning" data-testid="scoped-file-notice">
      {sentence}
    </p>
  );
}
