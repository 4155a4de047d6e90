// The sync report as the CLI prints it: in Chinese the problem kinds and their places are named in Chinese with
// full-width punctuation; in English the kind codes stay (scripts grep them). The report here is made up for the
// rendering only (no data value is computed from it).
import { describe, expect, it } from 'vitest';
import { problemName, renderSyncReport, type SyncReportView } from '../../src/cli/render.ts';

const report: SyncReportView = {
  runId: 7,
  mode: 'snapshot',
  status: 'partial',
  seriesDone: 2,
  seriesTotal: 3,
  rowsAdded: 10,
  rowsRevised: 1,
  rowsUnchanged: 5,
  documentsAdded: 0,
  fundamentalsChanged: 0,
  durationMs: 1200,
  failures: [{ seriesId: 'DGS10', error: 'fred-snapshot/DGS10.csv, line 8002, column DGS10: the file ends without a line break', refused: true }],
  problems: [
    { seriesId: 'DGS10', date: '1994-02-01', kind: 'truncated_file', detail: 'the file ends without a line break', file: 'fred-snapshot/DGS10.csv', line: 8002, column: 'DGS10' },
    { seriesId: 'WALCL', date: '2026-08-19', kind: 'revision', detail: '2026-08-19: 1 → 2' },
  ],
} as SyncReportView;

describe('sync report text', () => {
  it('zh: Chinese kind names, places and full-width punctuation around the Chinese', () => {
    const zh = renderSyncReport(report, 'zh');
    expect(zh).toContain('同步 #7（离线快照）：部分完成，2/3 个序列');
    expect(zh).toContain('失败 DGS10：输入数据损坏，已拒绝导入，原有数据保留——');
    expect(zh).toContain('数据问题：文件被截断 ×1');
    expect(zh).toContain('DGS10 1994-02-01：文件被截断——fred-snapshot/DGS10.csv，第 8002 行，列 DGS10：');
    expect(zh).toContain('修订的数值（旧值保留在 observation_revisions）：1 条');
    // no ASCII colon, comma or parenthesis right after a Chinese character
    expect(zh).not.toMatch(/[\u4e00-\u9fff][:,()]/);
  });

  it('en: the kind codes and English places as before', () => {
    const en = renderSyncReport(report, 'en');
    expect(en).toContain('sync #7 (snapshot): partial, 2/3 series');
    expect(en).toContain('data problems: truncated_file ×1');
    expect(en).toContain('DGS10 1994-02-01: truncated_file — fred-snapshot/DGS10.csv, line 8002, column DGS10: ');
  });

  it('every kind of data problem the sync records has a name in both languages', async () => {
    const kinds = ['unsorted_dates', 'duplicate_date', 'non_numeric_value', 'unit_change', 'bad_date', 'empty_series', 'document', 'bad_row', 'bad_header', 'truncated_file', 'empty_file', 'missing_file', 'implausible_jump', 'repeated_row', 'revision'];
    for (const k of kinds) {
      expect(problemName(k, 'zh')).not.toBe(k);
      expect(problemName(k, 'en')).not.toBe(k);
    }
  });
});
