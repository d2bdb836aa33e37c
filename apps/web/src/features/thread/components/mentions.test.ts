import { describe, expect, it } from 'vitest';
import { insertMention, mentionedIds, mentionQueryAt, segmentsOf } from './mentions';

describe('mentions in an entry', () => {
  it('finds the "@…" being typed, and only that', () => {
    expect(mentionQueryAt('Đề nghị @Ngu', 12)).toEqual({ start: 8, query: 'Ngu' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('Đề nghị @Nguyễn Văn', 19)).toEqual({ start: 8, query: 'Nguyễn Văn' });
    expect(mentionQueryAt('gửi tới a@b.vn', 14)).toBeNull();
    expect(mentionQueryAt('@Lan\nxin chào', 13)).toBeNull();
    expect(mentionQueryAt('@ Lan', 5)).toBeNull();
    expect(mentionQueryAt('không có', 8)).toBeNull();
  });

  it('puts the picked name in place of what was typed', () => {
    expect(insertMention('Đề nghị @ngu xem', 8, 12, 'Nguyễn Văn An')).toEqual({ text: 'Đề nghị @Nguyễn Văn An  xem', cursor: 23 });
  });

  it('keeps the people still named in the text', () => {
    const picked = [
      { id: 'a', name: 'Nguyễn Văn An' },
      { id: 'b', name: 'Trần Bình' },
      { id: 'a', name: 'Nguyễn Văn An' },
    ];
    expect(mentionedIds('@Nguyễn Văn An xem giúp', picked)).toEqual(['a']);
    expect(mentionedIds('không ai', picked)).toEqual([]);
  });

  it('marks the mentions in the text, the longest name first', () => {
    expect(segmentsOf('@An và @An Bình xem', [{ name: 'An' }, { name: 'An Bình' }])).toEqual([
      { mention: 'An' },
      { text: ' và ' },
      { mention: 'An Bình' },
      { text: ' xem' },
    ]);
    expect(segmentsOf('không ai', [])).toEqual([{ text: 'không ai' }]);
  });
});
