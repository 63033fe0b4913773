import { useState } from 'react';
import type { DragEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FileDropZoneProps {
  readonly busy: boolean;
  readonly onDrop: (file: File) => void;
  readonly children: ReactNode;
}

/** Renders an area around the file buttons that takes one CSV or XLSX file dragged from the desktop. */
export function FileDropZone({ busy, onDrop, children }: FileDropZoneProps) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);

  const allow = (event: DragEvent<HTMLDivElement>) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files.item(0);
    if (file !== null && !busy) onDrop(file);
  };

  return (
    <div
      data-testid="import-drop-zone"
      onDragEnter={allow}
      onDragOver={allow}
      onDragLeave={() => {
        setOver(false);
      }}
      onDrop={drop}
      style={{
        border: `2px dashed ${over ? 'currentColor' : 'rgba(127, 127, 127, 0.5)'}`,
        borderRadius: '0.5rem',
        padding: '1rem',
      }}
    >
      <p className="muted">{busy ? t('import.reading') : t('import.dropHint')}</p>
      {children}
    </div>
  );
}
