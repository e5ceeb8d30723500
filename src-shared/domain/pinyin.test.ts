import { describe, expect, it } from 'vitest';
import { namePinyin, pinyinOfChars } from './pinyin';

describe('namePinyin', () => {
  it('spells a common name with initials', () => {
    expect(namePinyin('张三丰')).toEqual({ full: 'zhangsanfeng', initials: 'zsf' });
    expect(namePinyin('李娜')).toEqual({ full: 'lina', initials: 'ln' });
  });

  it('reads polyphonic surnames as surnames', () => {
    expect(namePinyin('曾小贤').full).toBe('zengxiaoxian');
    expect(namePinyin('单田芳').full).toBe('shantianfang');
    expect(namePinyin('仇英').full).toBe('qiuying');
    expect(namePinyin('解晓东').full).toBe('xiexiaodong');
    expect(namePinyin('欧阳娜娜')).toEqual({ full: 'ouyangnana', initials: 'oynn' });
  });

  it('writes ü as v', () => {
    expect(namePinyin('吕女士')).toEqual({ full: 'lvnvshi', initials: 'lns' });
  });

  it('keeps Latin words lowercased and drops digits and punctuation', () => {
    expect(namePinyin('Tom Lee')).toEqual({ full: 'tomlee', initials: 'tl' });
    expect(namePinyin('王菲(Faye)')).toEqual({ full: 'wangfeifaye', initials: 'wff' });
    expect(namePinyin('李1号')).toEqual({ full: 'lihao', initials: 'lh' });
    expect(namePinyin('Ｔｏｍ')).toEqual({ full: 'tom', initials: 't' });
  });

  it('ignores spaces inside a Chinese name', () => {
    expect(namePinyin('张 伟')).toEqual(namePinyin('张伟'));
    expect(namePinyin(' 曾　伟 ').full).toBe('zengwei');
  });

  it('returns empty keys for empty or symbol-only names', () => {
    expect(namePinyin('')).toEqual({ full: '', initials: '' });
    expect(namePinyin('  -- 123 ')).toEqual({ full: '', initials: '' });
    expect(namePinyin('𠮷')).toEqual({ full: '', initials: '' });
  });
});

describe('pinyinOfChars', () => {
  it('gives one syllable per character and one entry per Latin word', () => {
    expect(pinyinOfChars('黄ABC陈')).toEqual(['huang', 'abc', 'chen']);
    expect(pinyinOfChars('张三丰')).toEqual(['zhang', 'san', 'feng']);
  });

  it('costs a few microseconds per name (logged for the demo seed, not asserted)', () => {
    const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁';
    const given = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华文辉玉红志海燕国庆';
    const names: string[] = [];
    for (let i = 0; i < 20_000; i++) names.push(surnames[(i * 7) % surnames.length] + given[(i * 13) % given.length] + given[(i * 31) % given.length]);
    let letters = 0;
    const started = performance.now();
    for (const name of names) letters += namePinyin(name).full.length;
    const perCallUs = ((performance.now() - started) * 1000) / names.length;
    console.log(`namePinyin: ${perCallUs.toFixed(2)} µs per call over ${names.length} names`);
    expect(letters).toBeGreaterThan(names.length * 3);
  });
});
