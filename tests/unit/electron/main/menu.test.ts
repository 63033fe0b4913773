import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../../shared/commands/registry';
import { buildMenuTemplate } from '../../../../electron/main/menu';
import type { MenuTemplateOptions } from '../../../../electron/main/menu';

function build(overrides: Partial<MenuTemplateOptions> & Pick<MenuTemplateOptions, 'platform'>) {
  const sent: string[] = [];
  const template = buildMenuTemplate({
    isPackaged: true,
    sendCommand: (id) => {
      sent.push(id);
    },
    ...overrides,
  });
  return { template, sent };
}

function submenuOf(template: readonly MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label);
  if (menu === undefined || !Array.isArray(menu.submenu)) throw new Error(`no ${label} menu`);
  return menu.submenu;
}

function rolesOf(items: readonly MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => (item.role === undefined ? [] : [item.role]));
}

/** Collects every command item of the template, however deep. */
function commandItemsOf(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    ...(item.id === undefined ? [] : [item]),
    ...(Array.isArray(item.submenu) ? commandItemsOf(item.submenu) : []),
  ]);
}

describe('buildMenuTemplate on macOS', () => {
  it('starts with the app menu', () => {
    const { template } = build({ platform: 'darwin' });

    expect(template[0]?.role).toBe('appMenu');
    expect(rolesOf(template[0]?.submenu as MenuItemConstructorOptions[])).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
  });

  it('orders the top menus', () => {
    const { template } = build({ platform: 'darwin' });

    expect(template.slice(1).map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('has the macOS Edit roles', () => {
    const { template } = build({ platform: 'darwin' });

    expect(rolesOf(submenuOf(template, 'Edit'))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete', 'selectAll']);
  });

  it('has the macOS Window roles', () => {
    const { template } = build({ platform: 'darwin' });

    expect(rolesOf(submenuOf(template, 'Window'))).toEqual(['minimize', 'zoom', 'front']);
    expect(template.find((item) => item.label === 'Window')?.role).toBe('window');
  });

  it('ends File with closing the window', () => {
    const { template } = build({ platform: 'darwin' });

    expect(submenuOf(template, 'File').at(-1)?.role).toBe('close');
  });

  it('uses Cmd for the palette', () => {
    const { template } = build({ platform: 'darwin' });

    expect(commandItemsOf(template).find((item) => item.id === 'view.commandPalette')?.accelerator).toBe('CmdOrCtrl+K');
  });
});

describe.each(['win32', 'linux'] as const)('buildMenuTemplate on %s', (platform) => {
  it('has no app menu', () => {
    const { template } = build({ platform });

    expect(template.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('has the Edit roles', () => {
    const { template } = build({ platform });

    expect(rolesOf(submenuOf(template, 'Edit'))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
  });

  it('has the Window roles', () => {
    const { template } = build({ platform });

    expect(rolesOf(submenuOf(template, 'Window'))).toEqual(['minimize', 'close']);
  });

  it('ends File with quit', () => {
    const { template } = build({ platform });

    expect(submenuOf(template, 'File').at(-1)?.role).toBe('quit');
  });

  it('puts About in Help', () => {
    const { template } = build({ platform });

    expect(rolesOf(submenuOf(template, 'Help'))).toEqual(['about']);
  });
});

describe('buildMenuTemplate commands', () => {
  it('lists every desktop command once', () => {
    const { template } = build({ platform: 'linux' });
    const desktopIds = commands.filter((command) => command.hosts.includes('electron')).map((command) => command.id);

    expect(commandItemsOf(template).map((item) => item.id).sort()).toEqual([...desktopIds].sort());
  });

  it('lists Reports under View', () => {
    const { template } = build({ platform: 'linux' });

    expect(commandItemsOf(template).find((item) => item.id === 'navigate.reports')?.label).toBe('Go to Reports');
  });

  it('sends the command id on click', () => {
    const { template, sent } = build({ platform: 'linux' });
    const item = commandItemsOf(template).find((entry) => entry.id === 'navigate.providers');

    item?.click?.(undefined as never, undefined, undefined as never);

    expect(sent).toEqual(['navigate.providers']);
  });

  it('labels commands in English', () => {
    const { template } = build({ platform: 'linux' });

    expect(commandItemsOf(template).find((item) => item.id === 'file.openPortfolioFile')?.label).toBe('Open portfolio file…');
  });

  it('adds developer tools only when unpackaged', () => {
    expect(rolesOf(submenuOf(build({ platform: 'linux' }).template, 'View'))).not.toContain('toggleDevTools');
    expect(rolesOf(submenuOf(build({ platform: 'linux', isPackaged: false }).template, 'View'))).toContain('toggleDevTools');
  });
});

describe('buildMenuTemplate recent files', () => {
  function openRecentOf(template: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
    const item = submenuOf(template, 'File').find((entry) => entry.label === 'Open Recent');
    return Array.isArray(item?.submenu) ? item.submenu : [];
  }

  it('shows a disabled entry without files', () => {
    const { template } = build({ platform: 'linux' });

    expect(openRecentOf(template)).toEqual([{ label: 'No Recent Files', enabled: false }]);
  });

  it('lists files by name and opens one', () => {
    const opened: string[] = [];
    const { template } = build({
      platform: 'linux',
      recentFiles: ['/home/ana/q3.steerwise', '/home/ana/q2.steerwise'],
      openRecentFile: (path) => {
        opened.push(path);
      },
    });
    const items = openRecentOf(template);

    expect(items.map((item) => item.label)).toEqual(['q3.steerwise', 'q2.steerwise', undefined, 'Clear Menu']);
    items[1]?.click?.(undefined as never, undefined, undefined as never);
    expect(opened).toEqual(['/home/ana/q2.steerwise']);
  });
});
