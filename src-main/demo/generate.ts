// The demo customer generator. Shares below are per customer and were tuned so that, at a
// given `today`, every churn status and visit class of seed 003 shows up in useful numbers
// (demo-stats.test.ts prints and checks them) and a vehicle has about two visits on average.
import { DemoCalendar } from './calendar';
import { buildHistory, VehicleHistory, visitKinds, ACCIDENT, type HistoryPlan } from './history';
import { PeopleMaker, reverseBmp, type PersonName } from './people';
import { Prng, WeightedPool } from './prng';
import { PlateMaker, VinMaker } from './vehicle-ids';
import { anniversaryOnOrAfter, nextInspection, warrantyEnd } from './vehicle-dates';
import { CustomerRows } from './rows';
import { brand, carModels, colours, insurers, type CarModel } from './pools/vehicles';
import { platePrefixes } from './pools/places';
import { categories, membershipTiers } from './pools/desk';

export interface GeneratorAdvisor {
  id: number;
  name: string;
}

export interface GeneratorOptions {
  seed: number;
  today: string;
  advisors: readonly GeneratorAdvisor[];
  /** First ids to use (the tables are empty, so normally all 1). */
  firstIds?: { customer: number; phone: number; vehicle: number; visit: number };
}

type Status = 'new' | 'active' | 'at_risk' | 'lost' | 'permanently_lost';
const statusPool = new WeightedPool<Status>([
  ['new', 8],
  ['active', 38],
  ['at_risk', 16],
  ['lost', 15],
  ['permanently_lost', 23],
]);
const colourPool = new WeightedPool(colours);
const insurerPool = new WeightedPool(insurers);
const platePrefixPool = new WeightedPool(platePrefixes);
const appointmentShares = [0.1, 0.25, 0.4, 0.5, 0.75];

export class DemoGenerator {
  readonly calendar: DemoCalendar;
  private readonly rng: Prng;
  private readonly people: PeopleMaker;
  private readonly plates: PlateMaker;
  private readonly vins: VinMaker;
  private readonly advisors: readonly GeneratorAdvisor[];
  private readonly modelsByYear = new Map<number, WeightedPool<CarModel>>();
  private readonly history = new VehicleHistory();
  private readonly person: PersonName = { name: '', nameReversed: '', pinyin: '', pinyinInitials: '', surname: '' };
  private readonly plan: HistoryPlan = { lastVisit: null, spanDays: 0, heavy: false, ageIfNeverVisited: 0 };
  private nextId: { customer: number; phone: number; vehicle: number; visit: number };

  constructor(options: GeneratorOptions) {
    this.calendar = new DemoCalendar(options.today);
    this.rng = new Prng(options.seed);
    this.people = new PeopleMaker(this.rng);
    this.plates = new PlateMaker(this.rng);
    this.vins = new VinMaker(this.rng);
    this.advisors = options.advisors;
    this.nextId = { ...(options.firstIds ?? { customer: 1, phone: 1, vehicle: 1, visit: 1 }) };
  }

  next(out: CustomerRows): void {
    const rng = this.rng;
    const cal = this.calendar;
    const id = this.nextId.customer++;
    const isCompany = rng.chance(0.08);
    const gender = isCompany ? null : rng.chance(0.62) ? 'M' : 'F';
    if (gender) this.people.person(gender, this.person);
    else this.people.company(this.person);
    const status = statusPool.pick(rng);
    const advisor = this.advisors.length ? rng.pick(this.advisors) : null;
    // Permanently lost customers leave the advisor's active book but stay on file (seed 003).
    const keepsAdvisor = advisor !== null && !(status === 'permanently_lost' && rng.chance(0.7));
    const appointmentShare = rng.pick(appointmentShares);

    out.phoneCount = 0;
    out.vehicleCount = 0;
    out.visitCount = 0;
    this.phones(out, id, isCompany);

    let spending = 0;
    let firstDay = 0;
    let lastDay = Number.NEGATIVE_INFINITY;
    const vehicleCount = rng.chance(0.5) ? 1 : 2;
    let primaryLast: number | null = null;
    for (let v = 0; v < vehicleCount; v++) {
      this.planHistory(status, v === 0 ? undefined : primaryLast);
      if (v === 0) primaryLast = this.plan.lastVisit;
      buildHistory(rng, this.plan, this.history);
      const h = this.history;
      const vehicleId = this.vehicle(out, id, status);
      firstDay = Math.min(firstDay, h.purchaseDay);
      for (let i = 0; i < h.count; i++) {
        const row = out.nextVisit();
        row[0] = this.nextId.visit++;
        row[1] = id;
        row[2] = vehicleId;
        row[3] = cal.iso(h.day[i]);
        row[4] = visitKinds[h.kind[i]];
        row[5] = h.km[i];
        row[6] = advisor && rng.chance(0.85) ? advisor.name : this.advisors.length ? rng.pick(this.advisors).name : null;
        row[7] = h.amount[i];
        row[8] = rng.chance(h.kind[i] === ACCIDENT ? appointmentShare * 0.2 : appointmentShare) ? 1 : 0;
        spending += h.amount[i];
        if (h.day[i] > lastDay) lastDay = h.day[i];
      }
    }

    const p = this.person;
    const c = out.customer;
    const district = rng.chance(0.95) ? this.people.district() : null;
    c[0] = id;
    c[1] = rng.uuid();
    c[2] = 'C' + String(id).padStart(8, '0');
    c[3] = p.name;
    c[4] = p.nameReversed;
    c[5] = p.pinyin;
    c[6] = p.pinyinInitials;
    c[7] = gender;
    c[8] = gender && rng.chance(0.85) ? cal.iso(-(rng.int(22, 68) * 365 + rng.int(0, 364))) : null;
    c[9] = district ? district.name : null;
    c[10] = district && rng.chance(0.8) ? this.people.address(district) : null;
    c[11] = rng.chance(0.18) ? this.people.email(p.pinyin) : null;
    c[12] = isCompany ? categories.company : categories.person;
    c[13] = tierFor(spending);
    c[14] = keepsAdvisor && advisor ? advisor.id : null;
    c[15] = isCompany ? JSON.stringify({ 联系人: `${rng.pick(['陈', '李', '黄', '张', '梁'])}${rng.chance(0.6) ? '先生' : '小姐'}` }) : '{}';
    c[16] = timestamp(cal, firstDay, rng);
    c[17] = lastDay > firstDay ? timestamp(cal, lastDay, rng) : c[16];
  }

  private phones(out: CustomerRows, customerId: number, isCompany: boolean): void {
    const rng = this.rng;
    const roll = rng.next();
    const count = roll < 0.72 ? 1 : roll < 0.94 ? 2 : 3;
    for (let i = 0; i < count; i++) {
      const mobile = i === 0 ? rng.chance(isCompany ? 0.55 : 0.97) : rng.chance(0.55);
      const raw = mobile ? this.people.mobile() : this.people.landline();
      const keys = this.people.phoneKeys(raw);
      const row = out.phones[out.phoneCount++];
      row[0] = this.nextId.phone++;
      row[1] = customerId;
      row[2] = keys.kind;
      row[3] = raw;
      row[4] = keys.normalized;
      row[5] = keys.reversed;
      row[6] = i === 0 ? 1 : 0;
    }
  }

  /**
   * How long ago the last visit was decides the churn status; the span of the history and the
   * heavy-driver flag decide how many visits fall in the last 12 months (classes A–D). A second
   * car's last visit is never more recent than the first car's, so the customer keeps `status`.
   */
  private planHistory(status: Status, primaryLast: number | null | undefined): void {
    const rng = this.rng;
    const plan = this.plan;
    plan.heavy = false;
    plan.ageIfNeverVisited = rng.chance(0.7) ? rng.int(0, 100) : rng.int(100, 1_800);
    if (primaryLast === null || (primaryLast !== undefined && rng.chance(0.2))) {
      plan.lastVisit = null;
      return;
    }
    if (primaryLast !== undefined) {
      plan.lastVisit = Math.max(-3_000, primaryLast - Math.round(rng.exponential(250)));
    } else {
      switch (status) {
        case 'new':
          plan.lastVisit = null;
          return;
        case 'active':
          plan.lastVisit = -rng.int(0, 178);
          plan.heavy = rng.chance(0.14);
          break;
        case 'at_risk':
          plan.lastVisit = -rng.int(185, 360);
          plan.heavy = rng.chance(0.05);
          break;
        case 'lost':
          plan.lastVisit = -rng.int(370, 725);
          break;
        case 'permanently_lost':
          plan.lastVisit = -rng.int(735, 2_900);
          break;
      }
    }
    plan.spanDays = plan.heavy ? rng.int(250, 800) : Math.min(3_000, Math.round(rng.exponential(status === 'active' ? 220 : 130)));
  }

  private vehicle(out: CustomerRows, customerId: number, status: Status): number {
    const rng = this.rng;
    const cal = this.calendar;
    const h = this.history;
    const purchase = h.purchaseDay;
    const purchaseYear = cal.year(purchase);
    const model = this.modelsFor(purchaseYear).pick(rng);
    const modelYear = cal.month(purchase) >= 9 && rng.chance(0.4) ? purchaseYear + 1 : purchaseYear;
    // Cars delivered in the last ten days may still drive on a temporary plate.
    const plate = purchase > -10 && rng.chance(0.5) ? null : this.plates.make(platePrefixPool.pick(rng), model.energy);
    const vin = this.vins.make(model, modelYear);
    const visited = h.count > 0;
    const last = visited ? h.count - 1 : -1;
    const lastMaintenanceDay = visited ? h.day[h.lastMaintenance] : purchase;
    const lastMaintenanceKm = visited ? h.km[h.lastMaintenance] : 0;
    const nextServiceDay = visited ? lastMaintenanceDay + h.maintenanceGapDays : purchase + Math.min(182, Math.round(4_000 / h.kmPerDay));
    // A churned owner usually insures elsewhere: the desk only knows the policy it last saw.
    const churned = status === 'lost' || status === 'permanently_lost';
    const insuranceFrom = churned && visited && rng.chance(0.6) ? h.day[last] : -rng.int(0, 45);

    const id = this.nextId.vehicle++;
    const row = out.vehicles[out.vehicleCount++];
    row[0] = id;
    row[1] = rng.uuid();
    row[2] = customerId;
    row[3] = plate ? plate.plate : null;
    row[4] = plate ? plate.local : null;
    row[5] = plate ? reverseBmp(plate.local) : null;
    row[6] = vin;
    row[7] = reverseBmp(vin);
    row[8] = brand;
    row[9] = model.name;
    row[10] = modelYear;
    row[11] = colourPool.pick(rng);
    row[12] = cal.iso(purchase);
    row[13] = visited ? h.km[last] : rng.int(5, 60);
    row[14] = cal.iso(visited ? h.day[last] : purchase);
    row[15] = cal.iso(warrantyEnd(cal, purchase));
    row[16] = insurerPool.pick(rng);
    row[17] = cal.iso(anniversaryOnOrAfter(cal, purchase, Math.max(insuranceFrom, purchase + 1)));
    row[18] = cal.iso(nextInspection(cal, purchase, 0));
    row[19] = cal.iso(nextServiceDay);
    row[20] = visited ? lastMaintenanceKm + h.maintenanceKm : 5_000;
    return id;
  }

  private modelsFor(year: number): WeightedPool<CarModel> {
    let pool = this.modelsByYear.get(year);
    if (!pool) {
      const available = carModels.filter((m) => m.from <= year && (m.to === null || m.to >= year));
      const list = available.length ? available : carModels.filter((m) => m.from <= Math.max(year, 2008));
      pool = new WeightedPool((list.length ? list : carModels).map((m) => [m, m.weight] as const));
      this.modelsByYear.set(year, pool);
    }
    return pool;
  }
}

function tierFor(spending: number): string {
  for (const [tier, from] of membershipTiers) if (spending >= from) return tier;
  return membershipTiers[membershipTiers.length - 1][0];
}

/** Business hours in China (UTC+8) written as UTC, like the schema's default timestamps. */
function timestamp(cal: DemoCalendar, day: number, rng: Prng): string {
  return `${cal.iso(day)}T0${rng.int(1, 9)}:${twoDigits[rng.int(0, 59)]}:${twoDigits[rng.int(0, 59)]}.000Z`;
}

const twoDigits = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
