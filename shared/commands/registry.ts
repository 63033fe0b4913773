/**
 * The command registry: every action a user can start from the application menu, a keyboard
 * shortcut or the command palette. The main process builds the menu from it and the renderer
 * runs the commands, so a command has one id, one label and one shortcut everywhere.
 */

/** Application menu that lists a command. */
export type CommandMenu = 'file' | 'view' | 'help';

/** The host a command runs in: the desktop app or a browser tab. */
export type CommandHost = 'electron' | 'browser';

export interface CommandDefinition {
  readonly id: string;
  /** i18n key of the label, below `commands` in the translation files. */
  readonly labelKey: string;
  readonly menu: CommandMenu;
  /**
   * Shortcut in Electron's accelerator syntax (for example `CmdOrCtrl+K`), with an override for
   * macOS where its convention differs. Commands without one are reached through the menu and
   * the palette only.
   */
  readonly accelerator?: { readonly default: string; readonly darwin?: string };
  /** Hosts that can run the command. The palette shows it disabled elsewhere, and the menu omits it. */
  readonly hosts: readonly CommandHost[];
  /** Starts a new menu group: a separator precedes it in the menu. */
  readonly separatorBefore?: boolean;
}

const bothHosts: readonly CommandHost[] = ['electron', 'browser'];

/** Screens reachable from the navigation bar, in its order, with the command that opens each. */
export const navigationCommandTargets = [
  'dashboard',
  'providers',
  'measurements',
  'kpis',
  'escalations',
  'risks',
  'governance',
  'processes',
  'rfps',
  'plans',
  'reports',
  'sync',
  'portfolios',
] as const;

export type NavigationCommandTarget = (typeof navigationCommandTargets)[number];

const navigationLabelKeys: Record<NavigationCommandTarget, string> = {
  dashboard: 'label.goToDashboard',
  providers: 'label.goToProviders',
  measurements: 'label.goToMeasurements',
  kpis: 'label.goToKpis',
  escalations: 'label.goToEscalations',
  risks: 'label.goToRisks',
  governance: 'label.goToGovernance',
  processes: 'label.goToProcesses',
  rfps: 'label.goToRfps',
  plans: 'label.goToPlans',
  reports: 'label.goToReports',
  sync: 'label.goToSync',
  portfolios: 'label.goToPortfolios',
};

/** Number of navigation targets that get `CmdOrCtrl+1` to `CmdOrCtrl+9`. */
const numberedNavigationTargets = 9;

const navigationCommands: CommandDefinition[] = navigationCommandTargets.map((target, index) => ({
  id: `navigate.${target}`,
  labelKey: navigationLabelKeys[target],
  menu: 'view',
  hosts: bothHosts,
  ...(index < numberedNavigationTargets ? { accelerator: { default: `CmdOrCtrl+${String(index + 1)}` } } : {}),
  ...(index === 0 ? { separatorBefore: true } : {}),
}));

export const commands: readonly CommandDefinition[] = [
  { id: 'file.openPortfolioFile', labelKey: 'label.openPortfolioFile', menu: 'file', accelerator: { default: 'CmdOrCtrl+O' }, hosts: bothHosts },
  { id: 'file.newPortfolio', labelKey: 'label.newPortfolio', menu: 'file', accelerator: { default: 'CmdOrCtrl+N' }, hosts: bothHosts },
  { id: 'file.backups', labelKey: 'label.backups', menu: 'file', hosts: bothHosts, separatorBefore: true },
  { id: 'view.commandPalette', labelKey: 'label.commandPalette', menu: 'view', accelerator: { default: 'CmdOrCtrl+K' }, hosts: bothHosts },
  ...navigationCommands,
  { id: 'help.openLogsFolder', labelKey: 'label.openLogsFolder', menu: 'help', hosts: ['electron'] },
  { id: 'help.copyDiagnostics', labelKey: 'label.copyDiagnostics', menu: 'help', hosts: bothHosts },
];

/** Returns the command with `id`, or `undefined` for an id the registry does not contain. */
export function findCommand(id: string): CommandDefinition | undefined {
  return commands.find((command) => command.id === id);
}

/** Returns the accelerator of `command` on macOS (`isMac`) or elsewhere, or `undefined` when it has none. */
export function acceleratorOf(command: CommandDefinition, isMac: boolean): string | undefined {
  return isMac ? (command.accelerator?.darwin ?? command.accelerator?.default) : command.accelerator?.default;
}

/** Checks whether `command` can run in `host`. */
export function isCommandEnabled(command: CommandDefinition, host: CommandHost): boolean {
  return command.hosts.includes(host);
}
