/**
 * Allocation profile of the bench page: V8's sampling heap profiler over CDP, counting objects
 * that garbage collection already freed too, summed by call stack.
 */
import type { CDPSession } from '@playwright/test';

/** Mean bytes between two allocation samples. The protocol's default is 32,768. */
const samplingIntervalBytes = 32 * 1024;
/** Innermost frames shown for each allocation site. */
const framesShown = 5;

interface ProfileNode {
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly selfSize: number;
  readonly children: readonly ProfileNode[];
}

export interface AllocationSite {
  /** Estimated bytes allocated at this call stack, in MB. */
  readonly mb: number;
  /** Innermost frame first: function name, then the script's file name and 1-based line. */
  readonly stack: readonly string[];
}

export async function startAllocationSampling(session: CDPSession): Promise<void> {
  await session.send('HeapProfiler.startSampling', {
    samplingInterval: samplingIntervalBytes,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
}

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const script = url.slice(url.lastIndexOf('/') + 1);
  return script === '' ? `${functionName || '(anonymous)'} (native)` : `${functionName || '(anonymous)'} ${script}:${lineNumber + 1}`;
}

/** Stops sampling and returns the `limit` call stacks that allocated the most, largest first. */
export async function stopAllocationSampling(session: CDPSession, limit: number): Promise<AllocationSite[]> {
  const { profile } = await session.send('HeapProfiler.stopSampling');
  const sites: AllocationSite[] = [];

  const visit = (node: ProfileNode, outerFrames: readonly string[]): void => {
    const stack = [frameName(node), ...outerFrames];
    if (node.selfSize > 0) sites.push({ mb: node.selfSize / 1e6, stack: stack.slice(0, framesShown) });
    for (const child of node.children) visit(child, stack);
  };
  // The root node is no function. Its children are the outermost frames.
  for (const child of profile.head.children) visit(child, []);

  return sites.sort((a, b) => b.mb - a.mb).slice(0, limit);
}
