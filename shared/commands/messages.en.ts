/**
 * English labels of the command registry and the application menu. The renderer's translation
 * file includes them under `commands`, and the main process reads them directly to label the
 * native menu, because i18next runs only in the renderer.
 */
export const commandMessagesEn = {
  menu: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    help: 'Help',
    openRecent: 'Open Recent',
    clearRecent: 'Clear Menu',
    noRecent: 'No Recent Files',
    speech: 'Speech',
  },
  label: {
    openPortfolioFile: 'Open portfolio file…',
    newPortfolio: 'New portfolio…',
    backups: 'Backups',
    commandPalette: 'Command palette…',
    goToDashboard: 'Go to Dashboard',
    goToProviders: 'Go to Providers',
    goToMeasurements: 'Go to Measurements',
    goToKpis: 'Go to KPIs and SLAs',
    goToEscalations: 'Go to Escalations',
    goToRisks: 'Go to Risks',
    goToGovernance: 'Go to Governance',
    goToProcesses: 'Go to Processes',
    goToRfps: 'Go to RFPs',
    goToPlans: 'Go to Transition plans',
    goToReports: 'Go to Reports',
    goToSync: 'Go to Sync',
    goToPortfolios: 'Go to Portfolios',
    openLogsFolder: 'Open logs folder',
    copyDiagnostics: 'Copy diagnostics',
  },
  palette: {
    title: 'Command palette',
    searchLabel: 'Search commands',
    placeholder: 'Type a command',
    noMatch: 'No command matches “{{query}}”.',
    unavailable: 'Not available here',
    unavailableNotice: '“{{command}}” works only in the desktop app.',
  },
} as const;

/** Returns the English text of `key`, a dotted path below `commands` such as `label.backups`, or the key itself if it has none. */
export function englishCommandText(key: string): string {
  let node: unknown = commandMessagesEn;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return key;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : key;
}
