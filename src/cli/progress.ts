// Sync progress for people: a progress bar on a terminal, a few plain lines otherwise (logs, CI).
import cliProgress from 'cli-progress';
import type { SyncProgress } from '../data/sync.ts';

export function syncProgressPrinter(out: NodeJS.WriteStream = process.stderr): { onProgress: (e: SyncProgress) => void; stop: () => void } {
  let bar: cliProgress.SingleBar | null = null;
  let lastPlain = 0;
  const onProgress = (e: SyncProgress) => {
    if (e.type === 'start') {
      if (out.isTTY) {
        bar = new cliProgress.SingleBar(
          { format: ' {bar} {value}/{total} series | {seriesId} | +{added} rows', stream: out, hideCursor: true, clearOnComplete: false },
          cliProgress.Presets.shades_classic,
        );
        bar.start(e.total, 0, { seriesId: '', added: 0 });
      } else out.write(`syncing ${e.total} series (${e.mode}${e.bulk ? ', first import' : ''})\n`);
      return;
    }
    if (e.type === 'phase') {
      if (!out.isTTY) out.write(`… ${e.phase}\n`);
      return;
    }
    if (bar) bar.update(e.done, { seriesId: e.seriesId, added: e.added });
    else if (e.done === e.total || e.done - lastPlain >= Math.max(1, Math.floor(e.total / 10))) {
      lastPlain = e.done;
      out.write(`  ${e.done}/${e.total} series\n`);
    }
    if (e.error) out.write(`\n  ! ${e.seriesId}: ${e.error}\n`);
  };
  return { onProgress, stop: () => bar?.stop() };
}
