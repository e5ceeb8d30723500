// Who the demo customers are: names (with their cached search keys), phones as people type
// them, e-mail and Guangzhou addresses. Everything is drawn from the seeded generator.
import type { PhoneKeys } from '../../src-shared/domain/customer-keys';
import { normalizePhone } from '../../src-shared/domain/phone';
import { NameKeyCache } from './name-keys';
import { WeightedPool, type Prng } from './prng';
import { city, districts, estateNames, estatePrefixes, type District } from './pools/places';
import { companyLines, companyTradeNames, femaleGivenChars, maleGivenChars, neutralGivenChars, surnames } from './pools/names';
import { mobilePrefixes } from './pools/desk';

export interface PersonName {
  name: string;
  nameReversed: string;
  pinyin: string;
  pinyinInitials: string;
  surname: string;
}

const surnamePool = new WeightedPool(surnames);
const mobilePrefixPool = new WeightedPool(mobilePrefixes);
const districtPool = new WeightedPool(districts.map((d) => [d, d.weight] as const));
const localFirstDigits = ['2', '3', '8', '8'];
const emailDomains = ['163.com', '126.com', 'sina.com', '139.com', 'hotmail.com'];

export class PeopleMaker {
  private readonly keys = new NameKeyCache(surnamePool.items);
  private readonly reading = { full: '', initials: '' };

  constructor(private readonly rng: Prng) {}

  person(gender: 'M' | 'F', out: PersonName): void {
    const rng = this.rng;
    const surnameIndex = surnamePool.pickIndex(rng);
    const gendered = gender === 'M' ? maleGivenChars : femaleGivenChars;
    let given: string;
    if (rng.chance(0.25)) given = rng.pick(gendered);
    else if (gender === 'F' && rng.chance(0.05)) given = rng.pick(femaleGivenChars).repeat(2);
    else given = (rng.chance(0.5) ? rng.pick(neutralGivenChars) : rng.pick(gendered)) + (rng.chance(0.85) ? rng.pick(gendered) : rng.pick(neutralGivenChars));
    const surname = surnamePool.items[surnameIndex];
    out.surname = surname;
    out.name = surname + given;
    out.nameReversed = reverseBmp(out.name);
    this.keys.personKeys(surnameIndex, given, this.reading);
    out.pinyin = this.reading.full;
    out.pinyinInitials = this.reading.initials;
  }

  company(out: PersonName): void {
    const name = `${city.name.slice(0, -1)}${this.rng.pick(companyTradeNames)}${this.rng.pick(companyLines)}有限公司`;
    const keys = this.keys.wholeNameKeys(name);
    out.surname = '';
    out.name = name;
    out.nameReversed = keys.nameReversed;
    out.pinyin = keys.pinyin;
    out.pinyinInitials = keys.pinyinInitials;
  }

  /** A mobile number as people write it: mostly plain, sometimes spaced, dashed or with +86. */
  mobile(): string {
    const rng = this.rng;
    const prefix = mobilePrefixPool.pick(rng);
    const a = String(rng.int(0, 9999)).padStart(4, '0');
    const b = String(rng.int(0, 9999)).padStart(4, '0');
    const style = rng.next();
    if (style < 0.7) return prefix + a + b;
    if (style < 0.8) return `${prefix} ${a} ${b}`;
    if (style < 0.88) return `${prefix}-${a}-${b}`;
    if (style < 0.93) return `+86 ${prefix} ${a} ${b}`;
    return `+86${prefix}${a}${b}`;
  }

  /** A landline in the dealership's city; local numbers there start with 2, 3 or 8. */
  landline(): string {
    const rng = this.rng;
    const local = rng.pick(localFirstDigits) + String(rng.int(0, 9_999_999)).padStart(7, '0');
    const area = city.areaCode;
    const style = rng.next();
    if (style < 0.55) return `${area}-${local}`;
    if (style < 0.65) return `(${area})${local.slice(0, 4)} ${local.slice(4)}`;
    if (style < 0.8) return area + local;
    if (style < 0.88) return `${area}-${local}-${rng.int(800, 8999)}`;
    if (style < 0.93) return `+86 ${area.slice(1)} ${local}`;
    return `${area} ${local.slice(0, 4)} ${local.slice(4)}`;
  }

  /** phoneKeys(raw) of customer-keys.ts, with the reversal done on plain digits. */
  phoneKeys(raw: string): PhoneKeys {
    const phone = normalizePhone(raw);
    // Every format above is one normalizePhone reads; a null here is a generator bug.
    if (!phone) throw new Error(`demo phone does not normalise: ${raw}`);
    return { normalized: phone.normalized, reversed: reverseBmp(phone.normalized), kind: phone.kind };
  }

  district(): District {
    return districtPool.pick(this.rng);
  }

  address(district: District): string {
    const rng = this.rng;
    return `${city.name}${district.name}${rng.pick(district.roads)}${rng.int(1, 899)}号${rng.pick(estatePrefixes)}${rng.pick(estateNames)}${rng.int(1, 32)}栋${rng.int(2, 33)}0${rng.int(1, 8)}房`;
  }

  email(pinyin: string): string {
    const rng = this.rng;
    if (rng.chance(0.6)) return `${rng.int(10_000, 2_999_999_999)}@qq.com`;
    return `${pinyin}${rng.chance(0.7) ? rng.int(1, 9999) : ''}@${rng.pick(emailDomains)}`;
  }
}

/**
 * reverseString of text.ts without its code-point split, which costs a few seconds over a
 * million customers: every character the generator produces is in the BMP, where both agree.
 */
export function reverseBmp(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}
