/**
 * The API that forms use to make their record writes undoable. Wrap the write:
 *
 *   await recordUndoable(db, t('undo.label.renameProvider', { from, to }), await getDeviceContext(),
 *     (context) => renameProvider(db, providerId, name, context));
 *
 * Every `insertRecord`/`updateRecord`/`deleteRecord` that the callback makes with the context it
 * is given becomes one entry on the undo stack, and the "Saved. Undo" toast appears. Imports,
 * merges and automatic writes (escalation rules) must not use it: they are undone from backups.
 */
import type { DeviceContext } from '../../db/clockStore';
import type { PortfolioDb } from '../../db/portfolioDb';
import { observedContext } from '../../db/repository';
import type { ObservedWrite } from '../../db/repository';
import { useUndoStore } from './undoStore';

/**
 * Runs `write` with a context that records its repository writes, and pushes them as one undo
 * entry once `write` resolves. `label` names the edit and its record in the user's words (for
 * example `renaming “Acme” to “Acme Group”`), because the toast and any refusal show it. A write
 * that rejects, or that changes nothing, adds no entry. An edit that deletes a record is saved
 * but not offered for undo, and the toast explains why.
 */
export async function recordUndoable<R>(
  db: PortfolioDb,
  label: string,
  context: DeviceContext,
  write: (context: DeviceContext) => Promise<R>,
): Promise<R> {
  const writes: ObservedWrite[] = [];
  const result = await write(
    observedContext(context, (observed) => {
      writes.push(observed);
    }),
  );
  useUndoStore.getState().recordEdit(db.name, label, writes);
  return result;
}
