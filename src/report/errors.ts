// Typed errors of the report builder and its exports, each with a message a user can act on in both languages.
import { FinciteError } from '../core/errors.ts';

export class UnknownTopicError extends FinciteError {
  readonly available: string[];
  /** `nearest`: the list holds the topics nearest to the text, not every topic. */
  constructor(topic: string, available: Array<{ zh: string; en: string }>, nearest = false) {
    const zh = available.map((t) => `- ${t.zh}`).join('\n');
    const en = available.map((t) => `- ${t.en}`).join('\n');
    super('unknown_topic', {
      zh: `无法识别报告主题“${topic}”。${nearest ? '最接近的主题' : '可用的主题'}：\n${zh}`,
      en: `Unknown report topic "${topic}". ${nearest ? 'The nearest topics' : 'Available topics'}:\n${en}`,
    }, 404);
    this.available = available.map((t) => t.en);
  }
}

/** The topic names a place or central bank the macro reports do not cover ("欧洲央行资产负债表", "China rates"). */
export class NotHeldTopicError extends FinciteError {
  constructor(topic: string, place: string, covered: { zh: string; en: string }, available: Array<{ zh: string; en: string }>) {
    super('topic_not_held', {
      zh: `报告主题“${topic}”指向“${place}”，但数据库中“${covered.zh}”的数据不覆盖${place}；有据不会用其他地方的数据代替。可以研究的主题：\n${available.map((t) => `- ${t.zh}`).join('\n')}`,
      en: `The report topic "${topic}" is about ${place}, but the database's data on ${covered.en} do not cover ${place}; fincite will not substitute another place's data. Topics it can research:\n${available.map((t) => `- ${t.en}`).join('\n')}`,
    }, 404);
  }
}

export class EmptyTopicError extends FinciteError {
  constructor() {
    super('empty_topic', { zh: '报告主题不能为空。', en: 'The report topic is empty.' });
  }
}

/** PDF export needs a Chromium binary; on Debian it is the `chromium` package. */
export class ChromiumMissingError extends FinciteError {
  constructor(path: string) {
    super('chromium_missing', {
      zh: `导出PDF需要Chromium，但未找到 ${path}。请安装Debian软件包：apt-get install -y chromium fonts-noto-cjk（或用 FINCITE_CHROMIUM 指定可执行文件）。`,
      en: `PDF export needs Chromium, but ${path} was not found. Install the Debian package: apt-get install -y chromium fonts-noto-cjk (or point FINCITE_CHROMIUM at the executable).`,
    }, 503);
  }
}

export class PdfExportError extends FinciteError {
  constructor(detail: string) {
    super('pdf_export_failed', { zh: `PDF导出失败：${detail}`, en: `PDF export failed: ${detail}` }, 500);
  }
}

/** The PDF pool's queue is full (FINCITE_PDF_QUEUE renders already wait): try again shortly. */
export class PdfBusyError extends FinciteError {
  constructor(readonly retryAfter: number) {
    super('pdf_busy', {
      zh: `PDF导出繁忙：排队的导出已满。请在 ${retryAfter} 秒后重试。`,
      en: `PDF export is busy: the export queue is full. Try again in ${retryAfter} seconds.`,
    }, 503);
  }
}

/** One PDF render took longer than FINCITE_PDF_TIMEOUT_MS; its page was closed. */
export class PdfTimeoutError extends FinciteError {
  constructor(ms: number) {
    super('pdf_timeout', {
      zh: `PDF导出超时（超过 ${Math.round(ms / 100) / 10} 秒），已停止。请稍后重试；报告的 HTML 和 Markdown 版本不受影响。`,
      en: `PDF export timed out (over ${Math.round(ms / 100) / 10} s) and was stopped. Try again later; the HTML and Markdown versions of the report are not affected.`,
    }, 504);
  }
}

/** A FINCITE_PDF_* setting that is not a whole number in range. */
export class PdfSettingError extends FinciteError {
  constructor(name: string, value: string) {
    super('bad_setting', { zh: `设置 ${name}="${value}" 无效：需要一个正整数。`, en: `The setting ${name}="${value}" is invalid: it must be a positive whole number.` }, 500);
  }
}
