// The dealership's own lists: service advisors in front-desk groups (前台负责制, seed 003),
// membership tiers by spending (seed 000: 会员等级), customer categories, mobile prefixes.

export interface DemoAdvisor {
  code: string;
  name: string;
  group: string;
}

export const advisors: readonly DemoAdvisor[] = [
  { code: 'SA01', name: '李志强', group: '一组' },
  { code: 'SA02', name: '陈嘉欣', group: '一组' },
  { code: 'SA03', name: '黄俊杰', group: '一组' },
  { code: 'SA04', name: '梁丽萍', group: '二组' },
  { code: 'SA05', name: '张伟东', group: '二组' },
  { code: 'SA06', name: '林晓彤', group: '二组' },
  { code: 'SA07', name: '何锦荣', group: '三组' },
  { code: 'SA08', name: '吴思敏', group: '三组' },
  { code: 'SA09', name: '罗文斌', group: '三组' },
  { code: 'SA10', name: '周海燕', group: '三组' },
];

/** Lifetime spending (yuan) from which a customer holds each tier; highest first. */
export const membershipTiers: readonly (readonly [string, number])[] = [
  ['钻石', 30_000],
  ['金卡', 10_000],
  ['银卡', 3_000],
  ['普通', 0],
];

export const categories = { person: '个人', company: '单位' } as const;

/**
 * Mobile prefixes (号段) by carrier, weighted by roughly how many subscribers hold them.
 * 145–149 and 170–178 are data-card, IoT and virtual-operator blocks: rare, but real.
 */
export const mobilePrefixes: readonly (readonly [string, number])[] = [
  // China Mobile
  ['134', 3], ['135', 6], ['136', 6], ['137', 6], ['138', 8], ['139', 8], ['147', 1], ['150', 4], ['151', 4],
  ['152', 4], ['157', 2], ['158', 5], ['159', 5], ['172', 1], ['178', 2], ['182', 3], ['183', 2], ['184', 1],
  ['187', 4], ['188', 3], ['195', 1], ['198', 2],
  // China Unicom
  ['130', 4], ['131', 3], ['132', 3], ['145', 1], ['146', 1], ['155', 2], ['156', 3], ['166', 2], ['175', 1],
  ['176', 2], ['185', 3], ['186', 4],
  // China Telecom
  ['133', 3], ['149', 1], ['153', 2], ['173', 2], ['174', 1], ['177', 2], ['180', 3], ['181', 2], ['189', 4],
  ['191', 2], ['199', 2],
  // Virtual operators and IoT
  ['148', 1], ['170', 1], ['171', 1],
];
