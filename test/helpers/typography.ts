// Checks of Chinese typography shared by the answer and report suites (and the browser suite).
export const CJK = '\\u3400-\\u9fff';
/** An ASCII , : ; ( ) ? touching a Chinese character on either side. */
export const ASCII_BESIDE_CJK = new RegExp(`[${CJK}][,:;()?]|[,:;()?][${CJK}]`);
/** The brief's narrower rule: an ASCII , : ; ( ) ? between two Chinese characters. */
export const ASCII_BETWEEN_CJK = new RegExp(`[${CJK}][,:;()?][${CJK}]`);
/** A raw series id as a name: WALCL, CPIAUCSL:yoy, AAPL:Net Income:annual. */
export const RAW_ID = /^[A-Z0-9_.]{4,}(?::[A-Za-z ]+)*$/;
/** A ticker in brackets written twice in a row: (AMD)(AMD), （AMD）（AMD）, (AMD) (AMD). */
export const DOUBLED_TICKER = /[(（]([A-Z][A-Z0-9.]*)[)）]\s*[(（]\1[)）]/;
