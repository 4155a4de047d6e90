// Where the web app finds each bound number of an answer (web/src/markdown.ts locateNumbers): in reading order,
// whole numerals only, never in text nodes that may not hold one, and a number not found is skipped.
import { describe, expect, it } from 'vitest';
import { locateNumbers } from '../../web/src/markdown.ts';

describe('locateNumbers', () => {
  it('finds the i-th number after the previous match, in reading order', () => {
    const texts = ['美联储总资产为6.75万亿美元', '。一年前为6.64万亿美元，变化+1021亿美元（+1.54%）'];
    const found = locateNumbers(texts, [true, true], ['6.75万亿美元', '6.64万亿美元', '+1021亿美元', '+1.54%']);
    expect(found[0]).toEqual([{ i: 0, start: 7, end: 15 }]);
    expect(found[1]!.map((m) => [m.i, texts[1]!.slice(m.start, m.end)])).toEqual([
      [1, '6.64万亿美元'],
      [2, '+1021亿美元'],
      [3, '+1.54%'],
    ]);
  });

  it('repeated numerals bind in order, not all to the first occurrence', () => {
    const text = 'cap at $35 billion, and above the $35 billion cap';
    const [matches] = locateNumbers([text], [true], ['$35 billion', '$35 billion']);
    expect(matches!.map((m) => m.start)).toEqual([text.indexOf('$35'), text.lastIndexOf('$35')]);
  });

  it('matches whole numerals only: 4.1% is not the tail of 14.1% nor the head of 4.15%', () => {
    const text = 'from 14.1% and 4.15% to 4.1%';
    const [matches] = locateNumbers([text], [true], ['4.1%']);
    expect(matches).toEqual([{ i: 0, start: text.lastIndexOf('4.1%'), end: text.length }]);
    const [none] = locateNumbers(['1,234 and 12'], [true], ['234']);
    expect(none).toEqual([]);
  });

  it('skips text that may not hold numbers (code, links, buttons) and numbers it cannot find', () => {
    const found = locateNumbers(['see ', '4.16%', ' was 4.16%'], [true, false, true], ['4.16%', '9.99%', '4.16%']);
    expect(found[1]).toEqual([]);
    // the first 4.16% is bound in node 2; 9.99% is missing and does not move the cursor; the third has no match left
    expect(found[2]).toEqual([{ i: 0, start: 5, end: 10 }]);
  });
});
