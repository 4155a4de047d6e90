// The language of a question: any CJK ideograph makes it Chinese.
export function detectLanguage(text: string): 'zh' | 'en' {
  return /[\u3400-\u9fff]/.test(text) ? 'zh' : 'en';
}
