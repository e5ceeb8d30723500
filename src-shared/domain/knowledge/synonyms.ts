// Dealership synonyms (issue 7): groups of terms an agent and an article may use for the same
// thing. `equivalent` groups are interchangeable (首保 = 首次保养); `related` groups are close
// enough to search for each other (保险 ≈ 车险). Both expand queries at search time only, so an
// edited list applies at once without re-indexing. The list is stored in SQLite and editable;
// these are the defaults a new desk starts with.
export const synonymKinds = ['equivalent', 'related'] as const;
export type SynonymKind = (typeof synonymKinds)[number];

export interface SynonymGroup {
  terms: string[];
  kind: SynonymKind;
}

export const defaultSynonymGroups: SynonymGroup[] = [
  { kind: 'equivalent', terms: ['首保', '首次保养', '首次免费保养', '免费首保'] },
  { kind: 'equivalent', terms: ['二保', '第二次保养'] },
  { kind: 'equivalent', terms: ['年审', '年检', '车检'] },
  { kind: 'equivalent', terms: ['续保', '续险', '保险续期'] },
  { kind: 'equivalent', terms: ['三包', '汽车三包', '三包政策'] },
  { kind: 'equivalent', terms: ['钣喷', '钣金喷漆', '喷漆', '钣金'] },
  { kind: 'equivalent', terms: ['刹车片', '制动片', '刹车皮'] },
  { kind: 'equivalent', terms: ['刹车', '制动'] },
  { kind: 'equivalent', terms: ['变速箱', '波箱', '变速器'] },
  { kind: 'equivalent', terms: ['机油', '发动机油'] },
  { kind: 'equivalent', terms: ['电瓶', '蓄电池', '电池亏电'] },
  { kind: 'equivalent', terms: ['故障灯', '报警灯', '警示灯'] },
  { kind: 'equivalent', terms: ['发动机故障灯', '排放故障灯'] },
  { kind: 'equivalent', terms: ['轮胎', '车胎'] },
  { kind: 'equivalent', terms: ['爆胎', '扎胎', '漏气'] },
  { kind: 'equivalent', terms: ['空调滤芯', '空调滤清器', '空调格'] },
  { kind: 'equivalent', terms: ['提车', '交车', '新车交付'] },
  { kind: 'equivalent', terms: ['贷款', '按揭', '分期', '金融方案'] },
  { kind: 'equivalent', terms: ['置换', '以旧换新', '二手车评估'] },
  { kind: 'equivalent', terms: ['预约', '预订工位'] },
  { kind: 'equivalent', terms: ['保修', '质保', '保修期'] },
  { kind: 'equivalent', terms: ['异响', '怪声', '响声', '噪音'] },
  { kind: 'equivalent', terms: ['抖动', '发抖', '抖'] },
  { kind: 'equivalent', terms: ['出险', '报案', '报险', '理赔'] },
  { kind: 'equivalent', terms: ['定损', '估损'] },
  { kind: 'equivalent', terms: ['投诉', '不满意', '差评'] },
  { kind: 'equivalent', terms: ['打不着火', '无法启动', '启动不了', '打不着'] },
  { kind: 'related', terms: ['保险', '车险', '商业险', '交强险'] },
  { kind: 'related', terms: ['拖车', '道路救援', '救援车'] },
  { kind: 'related', terms: ['保养', '维护保养', '小保养', '大保养'] },
  { kind: 'related', terms: ['混动', '混合动力', 'PHEV', 'e:HEV'] },
  { kind: 'related', terms: ['电动车', '纯电', '新能源', 'EV'] },
  { kind: 'related', terms: ['退车', '换车', '退换车'] },
];

/** Lookup key for a term: NFKC, lower case, no spaces or code punctuation ("e:HEV" = "ehev"). */
export function synonymKey(term: string): string {
  return term.normalize('NFKC').toLowerCase().replace(/[\s\-_:·•‧]+/g, '');
}

export interface SynonymIndex {
  /** Other terms for a term (never the term itself), in list order. */
  expand(term: string): string[];
  /**
   * Synonym terms written inside a text, whichever way a segmenter would split it
   * ("首次保养做什么" holds 首次保养), longest first, without overlaps.
   */
  termsIn(text: string): string[];
}

export function buildSynonymIndex(groups: readonly SynonymGroup[]): SynonymIndex {
  const byKey = new Map<string, string[]>();
  for (const group of groups) {
    for (const term of group.terms) {
      const key = synonymKey(term);
      if (!key) continue;
      const others = group.terms.filter((t) => synonymKey(t) !== key);
      byKey.set(key, [...(byKey.get(key) ?? []), ...others.filter((o) => !(byKey.get(key) ?? []).includes(o))]);
    }
  }
  const keys = [...byKey.keys()].filter((k) => Array.from(k).length >= 2).sort((a, b) => b.length - a.length);
  return {
    expand: (term) => byKey.get(synonymKey(term)) ?? [],
    termsIn(text) {
      let rest = synonymKey(text);
      const found: string[] = [];
      for (const key of keys) {
        const at = rest.indexOf(key);
        if (at < 0) continue;
        found.push(key);
        rest = `${rest.slice(0, at)}\u0000${rest.slice(at + key.length)}`;
      }
      return found;
    },
  };
}

/** Cleans an edited group: trimmed, non-empty, distinct terms; null when fewer than two remain. */
export function cleanSynonymGroup(group: SynonymGroup): SynonymGroup | null {
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const raw of group.terms) {
    const term = raw.normalize('NFKC').trim();
    const key = synonymKey(term);
    if (!key || seen.has(key) || term.length > 40) continue;
    seen.add(key);
    terms.push(term);
  }
  return terms.length >= 2 ? { kind: group.kind, terms } : null;
}
