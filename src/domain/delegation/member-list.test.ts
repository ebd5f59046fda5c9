import { describe, expect, it } from 'vitest';
import { agencyOfTitle, AGENCY_NAMES, parseDelegation, splitTitleAndName } from '#app/domain/delegation/member-list.ts';
import type { Member } from '#app/domain/trips/trip-schema.ts';

function leader(name: string, title: string, agency: string | null): Member {
  return { name, title, agency, role: 'leader' };
}
function member(name: string, title: string, agency: string | null): Member {
  return { name, title, agency, role: 'member' };
}
const mayor = leader('林佳龍', '市長', '市政府');

describe('parseDelegation on the cells of the 2018 council report', () => {
  it.each([
    ['市長林佳龍、 研考會主委柳 嘉峰 等七人', [mayor, member('柳嘉峰', '研考會主委', '研究發展考核委員會')], 7],
    ['市長林佳龍、觀旅局局長陳盛山等六人', [mayor, member('陳盛山', '觀旅局局長', '觀光旅遊局')], 6],
    ['市長林佳龍、觀旅局局長陳盛山等五人', [mayor, member('陳盛山', '觀旅局局長', '觀光旅遊局')], 5],
    ['市長林佳龍、農業局局長王俊雄等七人', [mayor, member('王俊雄', '農業局局長', '農業局')], 7],
    [
      '市長林佳龍、副秘書長郭坤明、經發局局長呂曜志、交通局長王義川、社會局局長呂建 德等十三人',
      [
        mayor,
        member('郭坤明', '副秘書長', '市政府'),
        member('呂曜志', '經發局局長', '經濟發展局'),
        member('王義川', '交通局長', '交通局'),
        member('呂建德', '社會局局長', '社會局'),
      ],
      13,
    ],
    [
      '市長林佳龍、新聞局局長卓冠廷、秘書處處長李如芳等七人',
      [mayor, member('卓冠廷', '新聞局局長', '新聞局'), member('李如芳', '秘書處處長', '秘書處')],
      7,
    ],
    [
      '市長林佳龍、副市長張光瑤、經發局局長呂曜志等九人',
      [mayor, member('張光瑤', '副市長', '市政府'), member('呂曜志', '經發局局長', '經濟發展局')],
      9,
    ],
    ['市長林佳龍等二人', [mayor], 2],
    ['市長林佳龍等\n二人', [mayor], 2],
    ['市長林佳龍、經發局局長呂曜志等四人', [mayor, member('呂曜志', '經發局局長', '經濟發展局')], 4],
    ['市長林佳龍、\n經發局局長呂曜志等四人', [mayor, member('呂曜志', '經發局局長', '經濟發展局')], 4],
    ['市長林佳龍、副秘書長郭坤明等四人', [mayor, member('郭坤明', '副秘書長', '市政府')], 4],
    ['市長林佳龍、教育局局長彭富源等四人', [mayor, member('彭富源', '教育局局長', '教育局')], 4],
  ])('reads %j', (cell, members, headcount) => {
    expect(parseDelegation(cell)).toEqual({ ok: true, value: { members, headcount, warnings: [] } });
  });
});

describe('parseDelegation separators', () => {
  const two = [mayor, member('黃國榮', '秘書長', '市政府')];
  it.each([
    '市長林佳龍及秘書長黃國榮',
    '市長林佳龍和秘書長黃國榮',
    '市長林佳龍與秘書長黃國榮',
    '市長林佳龍暨秘書長黃國榮',
    '市長林佳龍；秘書長黃國榮',
    '市長林佳龍;秘書長黃國榮',
    '市長林佳龍，秘書長黃國榮',
    '市長林佳龍,秘書長黃國榮',
    '市長林佳龍、、秘書長黃國榮',
    '<p>市長林佳龍、秘書長黃國榮</p>',
    '市長 林佳龍 、 秘書長 黃國榮',
  ])('reads %j as two members', (cell) => {
    expect(parseDelegation(cell)).toEqual({ ok: true, value: { members: two, headcount: null, warnings: [] } });
  });

  it('splits a chain of conjunctions', () => {
    const r = parseDelegation('市長林佳龍及副市長張光瑤及秘書長黃國榮等三人');
    expect(r.ok && r.value.members.map((m) => m.name)).toEqual(['林佳龍', '張光瑤', '黃國榮']);
  });

  it('does not split at 和 inside a place name', () => {
    const r = parseDelegation('和平區區長王大明、市長林佳龍');
    expect(r).toEqual({ ok: true, value: { members: [member('王大明', '和平區區長', null), mayor], headcount: null, warnings: [] } });
  });
});

describe('parseDelegation members', () => {
  it('keeps a Latin name whole', () => {
    const r = parseDelegation('市長林佳龍、顧問 John Smith');
    expect(r).toEqual({ ok: true, value: { members: [mayor, member('John Smith', '顧問', null)], headcount: null, warnings: [] } });
  });

  it('keeps a four-character compound-surname name', () => {
    const r = parseDelegation('市長林佳龍、專門委員歐陽志明');
    expect(r).toEqual({ ok: true, value: { members: [mayor, member('歐陽志明', '專門委員', null)], headcount: null, warnings: [] } });
  });

  it.each([
    ['主任秘書王大明', '主任秘書', '王大明'],
    ['研考會主任委員柳嘉峰', '研考會主任委員', '柳嘉峰'],
    ['經濟發展局局長呂曜志', '經濟發展局局長', '呂曜志'],
    ['經發局商業處處長陳小華', '經發局商業處處長', '陳小華'],
    ['臺中市長林佳龍', '臺中市長', '林佳龍'],
    ['秘書長黃國榮', '秘書長', '黃國榮'],
  ])('takes the longest title from %j', (text, title, name) => {
    expect(splitTitleAndName(text)).toEqual({ title, name });
  });

  it.each(['林佳龍', '市長', '', '交通局長'])('finds no title + name in %j', (text) => {
    expect(splitTitleAndName(text)).toBeNull();
  });

  it('makes the mayor the leader even when listed later', () => {
    const r = parseDelegation('副市長張光瑤、臺中市長林佳龍');
    expect(r.ok && r.value.members.map((m) => m.role)).toEqual(['member', 'leader']);
  });

  it('makes the first member the leader when no mayor goes', () => {
    const r = parseDelegation('副市長張光瑤、經發局局長呂曜志等三人');
    expect(r).toEqual({
      ok: true,
      value: { members: [leader('張光瑤', '副市長', '市政府'), member('呂曜志', '經發局局長', '經濟發展局')], headcount: 3, warnings: [] },
    });
  });
});

describe('parseDelegation warnings', () => {
  it('warns when the stated headcount is smaller than the names listed', () => {
    expect(parseDelegation('市長林佳龍、副市長張光瑤、秘書長黃國榮等二人')).toEqual({
      ok: true,
      value: {
        members: [mayor, member('張光瑤', '副市長', '市政府'), member('黃國榮', '秘書長', '市政府')],
        headcount: 2,
        warnings: ['the stated headcount 2 is smaller than the 3 names listed'],
      },
    });
  });

  it('keeps text without a title as the name, with a warning', () => {
    expect(parseDelegation('市長林佳龍、林小明')).toEqual({
      ok: true,
      value: { members: [mayor, member('林小明', '', null)], headcount: null, warnings: ['no job title found in "林小明"; the whole text is kept as the name'] },
    });
  });

  it('warns about a name that looks cut or overlong', () => {
    const r = parseDelegation('市長林佳龍及夫人');
    expect(r).toEqual({
      ok: true,
      value: {
        members: [leader('林佳龍及夫人', '市長', '市政府')],
        headcount: null,
        warnings: ['the name "林佳龍及夫人" in "市長林佳龍及夫人" has 6 characters; check where the title ends'],
      },
    });
    const cut = parseDelegation('市長林、秘書長黃國榮');
    expect(cut.ok && cut.value.warnings).toEqual(['the name "林" in "市長林" has 1 character; check where the title ends']);
  });

  it('warns when the headcount phrase cannot be read', () => {
    const r = parseDelegation('市長林佳龍等十十人');
    expect(r.ok && r.value.warnings).toContain('the headcount at the end of "市長林佳龍等十十人" could not be read');
    expect(r.ok && r.value.headcount).toBeNull();
  });

  it('drops a trailing 等 that has no headcount after it, with a warning', () => {
    expect(parseDelegation('市長林佳龍等')).toEqual({
      ok: true,
      value: { members: [mayor], headcount: null, warnings: ['"市長林佳龍等" ends in 等 without saying how many people went'] },
    });
  });

  it('accepts a cell with only a headcount, with a warning', () => {
    expect(parseDelegation('等七人')).toEqual({ ok: true, value: { members: [], headcount: 7, warnings: ['"等七人" lists no names'] } });
  });

  it('leaves out a piece that is no name', () => {
    expect(parseDelegation('市長林佳龍、123等二人')).toEqual({
      ok: true,
      value: { members: [mayor], headcount: 2, warnings: ['"123" is not a name and was left out'] },
    });
  });
});

describe('parseDelegation errors', () => {
  it.each([
    ['', 'empty', 'the delegation is empty'],
    ['  \n ', 'empty', 'the delegation is empty'],
    ['<p></p>', 'empty', 'the delegation is empty'],
    ['----', 'unreadable', '"----" lists no names and no headcount'],
    ['、、', 'unreadable', '"、、" lists no names and no headcount'],
  ])('rejects %j with %s', (cell, code, message) => {
    expect(parseDelegation(cell)).toEqual({ ok: false, error: { kind: 'member', code, input: cell, message } });
  });
});

describe('agencyOfTitle', () => {
  it.each([
    ['觀旅局局長', '觀光旅遊局'],
    ['經發局局長', '經濟發展局'],
    ['經濟發展局局長', '經濟發展局'],
    ['研考會主委', '研究發展考核委員會'],
    ['秘書處處長', '秘書處'],
    ['交通局長', '交通局'],
    ['社會局局長', '社會局'],
    ['農業局局長', '農業局'],
    ['新聞局局長', '新聞局'],
    ['教育局局長', '教育局'],
    ['教育局副局長', '教育局'],
    ['市長', '市政府'],
    ['臺中市長', '市政府'],
    ['副市長', '市政府'],
    ['秘書長', '市政府'],
    ['副秘書長', '市政府'],
    ['臺中市政府秘書處處長', '秘書處'],
    ['市議員', '市議會'],
    ['主任秘書', null],
    ['局長', null],
    ['顧問', null],
    ['', null],
  ])('%j belongs to %j', (title, agency) => {
    expect(agencyOfTitle(title)).toBe(agency);
  });

  it('maps every abbreviation to a full name that maps to itself', () => {
    for (const full of Object.values(AGENCY_NAMES)) expect(AGENCY_NAMES[full]).toBe(full);
  });
});
