// Demo data for `npm run server` (seed: mulberry32 from --seed, default 42): customers with
// one or two mobile phones, about 1.5 vehicles each and a few service visits, in the same
// shapes the desk shows. The server cannot import the desk's demo generator
// (src-main/demo), so this is its own small one; benchmarks load the desk generator's rows
// instead (bench/suites/sync.ts).
import type { LoadRow } from '../store/bulk-load';
import { seededRandom } from '../../src-shared/domain/random';

const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const given = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '华', '平'];
const districts = ['天河区', '越秀区', '海珠区', '白云区', '番禺区', '黄埔区'];
const models = [['广汽丰田', '凯美瑞'], ['广汽丰田', '汉兰达'], ['一汽-大众', '迈腾'], ['东风日产', '轩逸'], ['广汽本田', '雅阁']];
const advisors = ['王顾问', '李顾问', '陈顾问', '赵顾问'];
const vinChars = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';


export interface DemoRows {
  customers: LoadRow[];
  phones: LoadRow[];
  vehicles: LoadRow[];
  visits: LoadRow[];
}

export function demoRows(count: number, seed = 42): DemoRows {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const out: DemoRows = { customers: [], phones: [], vehicles: [], visits: [] };
  const id = (kind: string, n: number) => `demo-${kind}-${String(n).padStart(8, '0')}`;
  for (let i = 1; i <= count; i++) {
    const customer = id('c', i);
    out.customers.push({
      uid: customer,
      fields: {
        number: `C${String(i).padStart(8, '0')}`, name: pick(surnames) + pick(given), gender: rnd() < 0.5 ? 'M' : 'F', birthday: null,
        district: pick(districts), address: `${pick(districts)}${1 + Math.floor(rnd() * 300)}号`, email: null, category: null,
        membershipTier: rnd() < 0.2 ? '金卡' : null, advisor: pick(advisors), customFields: '{}',
      },
    });
    const phones = rnd() < 0.3 ? 2 : 1;
    for (let p = 0; p < phones; p++) {
      const mobile = `13${Math.floor(rnd() * 10)}${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`;
      out.phones.push({ uid: `${customer}-p${p}`, fields: { customer, kind: 'mobile', raw: mobile, normalized: mobile, isPrimary: p === 0 } });
    }
    const vehicles = rnd() < 0.5 ? 1 : 2;
    for (let v = 0; v < vehicles; v++) {
      const [brand, model] = pick(models);
      const vehicle = `${customer}-v${v}`;
      const vin = Array.from({ length: 17 }, () => pick([...vinChars])).join('');
      out.vehicles.push({
        uid: vehicle,
        fields: {
          customer, plate: `粤A${String(Math.floor(rnd() * 1e5)).padStart(5, '0')}`, vin, brand, model, modelYear: 2015 + Math.floor(rnd() * 10), colour: null,
          purchaseDate: `20${15 + Math.floor(rnd() * 10)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`, mileageKm: Math.floor(rnd() * 150_000),
          mileageDate: null, warrantyEnd: null, insuranceCompany: null, insuranceExpiry: null, nextInspection: null, nextServiceDate: null, nextServiceKm: null,
        },
      });
      if (rnd() < 0.6) {
        out.visits.push({
          uid: `${vehicle}-s0`,
          fields: { customer, vehicle, visitDate: `2025-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`, kind: 'maintenance', mileageKm: Math.floor(rnd() * 100_000), advisor: pick(advisors), amountYuan: Math.round(rnd() * 3000), byAppointment: rnd() < 0.5 },
        });
      }
    }
  }
  return out;
}
