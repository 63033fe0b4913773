/** Parts of the decision log and the action lists: the provider filter, and a table with its column headers or a line when it is empty. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Provider } from '@shared/domain/types';

interface ProviderFilterProps {
  readonly providers: readonly Provider[];
  /** Id of the chosen provider, or empty for all providers. */
  readonly value: string;
  readonly onChange: (providerId: string) => void;
}

/** Select that filters a list by provider, with "All providers" first. */
export function ProviderFilter({ providers, value, onChange }: ProviderFilterProps) {
  const { t } = useTranslation();
  return (
    <label>
      {t('meetings.fields.provider')}
      <select
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        <option value="">{t('meetings.filters.allProviders')}</option>
        {providers.map((provider) => (
          <option key={provider.id} value={provider.id}>
            {provider.name}
          </option>
        ))}
      </select>
    </label>
  );
}

interface OutcomeTableProps {
  /** Caption read by screen readers, or none where a heading right above names the table. */
  readonly caption?: string;
  readonly columns: readonly string[];
  /** Line shown in place of the table when it has no rows, or `null` when it has rows. */
  readonly emptyText: string | null;
  /** The `<tr>` rows. */
  readonly children: ReactNode;
}

/** Table of decisions or action items with a header row, or a muted line when there are none. */
export function OutcomeTable({ caption, columns, emptyText, children }: OutcomeTableProps) {
  if (emptyText !== null) return <p className="muted">{emptyText}</p>;
  return (
    <table className="results-table">
      {caption === undefined ? null : <caption className="visually-hidden">{caption}</caption>}
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
