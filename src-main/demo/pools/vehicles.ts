// 广汽本田 (GAC Honda), the demo dealership's brand. World manufacturer identifier LHG is GAC
// Honda's; the model codes in the VIN descriptor section are illustrative, not Honda's own.
// Years are the production span in China; `energy` decides the plate: battery-electric cars
// get new-energy plates starting D, plug-in hybrids F (GA 36-2018), hybrids and petrol cars
// ordinary blue plates.
export const brand = '广汽本田';
export const wmi = 'LHG';

export type Energy = 'petrol' | 'hybrid' | 'phev' | 'bev';

export interface CarModel {
  name: string;
  from: number;
  to: number | null;
  weight: number;
  energy: Energy;
  /** Five VIN characters 4–8 (no I, O, Q). */
  vds: string;
}

export const carModels: readonly CarModel[] = [
  { name: '雅阁', from: 2008, to: null, weight: 30, energy: 'petrol', vds: 'CR765' },
  { name: '雅阁 锐·混动', from: 2018, to: null, weight: 6, energy: 'hybrid', vds: 'CV365' },
  { name: '雅阁 e:PHEV', from: 2023, to: null, weight: 2, energy: 'phev', vds: 'CY665' },
  { name: '凌派', from: 2013, to: null, weight: 22, energy: 'petrol', vds: 'GM654' },
  { name: '飞度', from: 2008, to: 2024, weight: 16, energy: 'petrol', vds: 'GK553' },
  { name: '锋范', from: 2008, to: 2021, weight: 8, energy: 'petrol', vds: 'GM253' },
  { name: '歌诗图', from: 2010, to: 2019, weight: 3, energy: 'petrol', vds: 'TF364' },
  { name: '缤智', from: 2015, to: null, weight: 16, energy: 'petrol', vds: 'RU158' },
  { name: '冠道', from: 2016, to: 2023, weight: 5, energy: 'petrol', vds: 'RM262' },
  { name: '奥德赛', from: 2008, to: null, weight: 6, energy: 'petrol', vds: 'RC367' },
  { name: '皓影', from: 2019, to: null, weight: 14, energy: 'petrol', vds: 'RW164' },
  { name: '皓影 e:PHEV', from: 2023, to: null, weight: 2, energy: 'phev', vds: 'RY364' },
  { name: '型格', from: 2022, to: null, weight: 8, energy: 'petrol', vds: 'FE165' },
  { name: '致在 ZR-V', from: 2022, to: null, weight: 7, energy: 'petrol', vds: 'RZ465' },
  { name: '绎乐 EV', from: 2020, to: 2022, weight: 1, energy: 'bev', vds: 'RV2E3' },
  { name: 'e:NP1 极湃1', from: 2022, to: null, weight: 2, energy: 'bev', vds: 'RS1E3' },
  { name: '烨P7', from: 2025, to: null, weight: 1, energy: 'bev', vds: 'RP7E4' },
];

export const colours: readonly (readonly [string, number])[] = [
  ['白色', 34], ['黑色', 22], ['银色', 12], ['灰色', 12], ['珍珠白', 8], ['红色', 5], ['蓝色', 5], ['棕色', 2],
];

/** Motor insurers by approximate market share of private-car policies. */
export const insurers: readonly (readonly [string, number])[] = [
  ['中国人保', 30], ['平安产险', 27], ['太平洋产险', 13], ['国寿财险', 6], ['大地保险', 4], ['阳光保险', 4],
  ['中华联合', 3], ['太平财险', 3], ['华安保险', 2], ['天安财险', 2], ['永安保险', 2],
];
