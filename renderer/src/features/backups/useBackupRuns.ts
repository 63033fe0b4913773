import { useEffect } from 'react';
import { platform } from '../../platform';
import { backUpPortfolios } from './backUpPortfolios';

/** Runs the backups the host requests (on quit and daily) and reports each run as finished. Mount it once, at the top of the app. */
export function useBackupRuns(): void {
  useEffect(
    () =>
      platform.onBackupRun((run) => {
        void backUpPortfolios(run.reason).finally(() => {
          platform.finishBackups(run.requestId);
        });
      }),
    [],
  );
}
