/**
 * The application menu, built from the command registry. A command's click sends its id to the
 * renderer, which runs it, so the menu, the shortcuts and the command palette stay one list.
 * Edit and Window use Electron's standard roles, arranged as each platform expects.
 */
import { basename } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { englishCommandText } from '../../shared/commands/messages.en';
import { acceleratorOf, commands, isCommandEnabled } from '../../shared/commands/registry';
import type { CommandMenu } from '../../shared/commands/registry';

export interface MenuTemplateOptions {
  readonly platform: NodeJS.Platform;
  /** An unpackaged app adds the developer tools to the View menu. */
  readonly isPackaged: boolean;
  /** Sends a command id to the renderer. */
  readonly sendCommand: (id: string) => void;
  /** Paths of the recent files, newest first, for File > Open Recent. */
  readonly recentFiles?: readonly string[];
  readonly openRecentFile?: (path: string) => void;
  readonly clearRecentFiles?: () => void;
}

/** Builds the template for `Menu.buildFromTemplate`. */
export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];

  if (isMac) {
    // macOS names the first menu after the app and puts About and Quit there.
    template.push({ role: 'appMenu' as const, submenu: appMenuItems() });
  }
  template.push(
    { label: englishCommandText('menu.file'), submenu: fileMenuItems(options, isMac) },
    { label: englishCommandText('menu.edit'), submenu: editMenuItems(isMac) },
    { label: englishCommandText('menu.view'), submenu: viewMenuItems(options, isMac) },
    { label: englishCommandText('menu.window'), role: 'window' as const, submenu: windowMenuItems(isMac) },
    { label: englishCommandText('menu.help'), role: 'help' as const, submenu: helpMenuItems(options, isMac) },
  );
  return template;
}

function appMenuItems(): MenuItemConstructorOptions[] {
  return [
    { role: 'about' },
    { type: 'separator' },
    { role: 'services' },
    { type: 'separator' },
    { role: 'hide' },
    { role: 'hideOthers' },
    { role: 'unhide' },
    { type: 'separator' },
    { role: 'quit' },
  ];
}

/** Menu items of the registry's commands in `menu`, with a separator before each new group. */
function commandItems(menu: CommandMenu, options: MenuTemplateOptions, isMac: boolean): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  for (const command of commands) {
    if (command.menu !== menu || !isCommandEnabled(command, 'electron')) continue;
    if (command.separatorBefore === true && items.length > 0) items.push({ type: 'separator' });
    const accelerator = acceleratorOf(command, isMac);
    items.push({
      id: command.id,
      label: englishCommandText(command.labelKey),
      ...(accelerator === undefined ? {} : { accelerator }),
      click: () => {
        options.sendCommand(command.id);
      },
    });
  }
  return items;
}

function fileMenuItems(options: MenuTemplateOptions, isMac: boolean): MenuItemConstructorOptions[] {
  const items = commandItems('file', options, isMac);
  const openIndex = items.findIndex((item) => item.id === 'file.openPortfolioFile');
  items.splice(openIndex + 1, 0, { label: englishCommandText('menu.openRecent'), submenu: recentFileItems(options) });
  // On macOS Quit is in the app menu, and File ends with closing the window.
  items.push({ type: 'separator' }, isMac ? { role: 'close' } : { role: 'quit' });
  return items;
}

function recentFileItems(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const recentFiles = options.recentFiles ?? [];
  if (recentFiles.length === 0) {
    return [{ label: englishCommandText('menu.noRecent'), enabled: false }];
  }
  return [
    ...recentFiles.map((path) => ({
      label: basename(path),
      toolTip: path,
      click: () => {
        options.openRecentFile?.(path);
      },
    })),
    { type: 'separator' as const },
    {
      label: englishCommandText('menu.clearRecent'),
      click: () => {
        options.clearRecentFiles?.();
      },
    },
  ];
}

function editMenuItems(isMac: boolean): MenuItemConstructorOptions[] {
  const common: MenuItemConstructorOptions[] = [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }];
  if (isMac) {
    return [
      ...common,
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      { role: 'selectAll' },
      { type: 'separator' },
      { label: englishCommandText('menu.speech'), submenu: [{ role: 'startSpeaking' }, { role: 'stopSpeaking' }] },
    ];
  }
  return [...common, { role: 'delete' }, { type: 'separator' }, { role: 'selectAll' }];
}

function viewMenuItems(options: MenuTemplateOptions, isMac: boolean): MenuItemConstructorOptions[] {
  return [
    ...commandItems('view', options, isMac),
    { type: 'separator' },
    { role: 'reload' },
    { role: 'forceReload' },
    ...(options.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
}

function windowMenuItems(isMac: boolean): MenuItemConstructorOptions[] {
  if (isMac) {
    return [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }];
  }
  return [{ role: 'minimize' }, { role: 'close' }];
}

function helpMenuItems(options: MenuTemplateOptions, isMac: boolean): MenuItemConstructorOptions[] {
  const items = commandItems('help', options, isMac);
  // On macOS About is in the app menu.
  return isMac ? items : [...items, { type: 'separator' }, { role: 'about' }];
}
