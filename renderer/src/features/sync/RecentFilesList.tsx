import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '@shared/errors';
import type { RecentFile } from '@shared/ipc/contract';
import { platform } from '../../platform';

interface RecentFilesListProps {
  readonly disabled: boolean;
  readonly onError: (error: AppError) => void;
}

/**
 * Lists the portfolio files opened or saved lately, as File > Open Recent does in the desktop
 * app. A chosen file arrives like a file opened by the operating system, in the import preview.
 * Renders nothing while the list is empty, which it always is in a browser tab.
 */
export function RecentFilesList({ disabled, onError }: RecentFilesListProps) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<readonly RecentFile[]>([]);

  useEffect(() => {
    let current = true;
    void platform.recentFiles().then((listed) => {
      if (current && listed.ok) setFiles(listed.value);
    });
    return () => {
      current = false;
    };
  }, []);

  if (files.length === 0) return null;

  return (
    <section aria-labelledby="recent-files-title">
      <h3 id="recent-files-title">{t('sync.recentFiles')}</h3>
      <ul className="recent-files">
        {files.map((file) => (
          <li key={file.path}>
            <button
              type="button"
              className="link-button"
              title={file.path}
              disabled={disabled}
              onClick={() => {
                void platform.openRecentFile(file.path).then((opened) => {
                  if (!opened.ok) onError(opened.error);
                });
              }}
            >
              {file.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
