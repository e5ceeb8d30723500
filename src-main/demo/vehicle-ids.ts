// Plates and VINs for demo vehicles, unique by construction rather than by luck: 1.5 million
// random 粤A plates would collide about a hundred thousand times (birthday bound over a
// ~7 million space), and a plate search returning two unrelated cars looks like a bug.
//  - Plates: each prefix (粤A, 湘E …) and plate kind has a counter; the counter goes through an
//    affine permutation of the plate space (index = offset + n × step mod capacity, step a
//    prime that shares no factor with the capacity) and is decoded into characters. Unique
//    until a prefix's space is exhausted (≈7 million ordinary, 340,000 new-energy per letter).
//  - VINs: WMI + model descriptor + check digit + model-year code (position 10) + plant +
//    a six-digit serial counted per model year, so (year, plant, serial) never repeats.
import { withCheckDigit } from '../../src-shared/domain/vin';
import type { Prng } from './prng';
import { wmi, type CarModel, type Energy } from './pools/vehicles';

const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ'; // plate letters: no I or O (GA 36)
const digitsOrLetters = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const step = 1_000_003;

/** Ordinary plates: five characters, at most two of them letters. 'L' letter, 'D' digit. */
const ordinaryPatterns = ['DDDDD', 'LDDDD', 'DLDDD', 'DDLDD', 'DDDLD', 'DDDDL', 'LLDDD', 'LDLDD', 'LDDLD', 'LDDDL', 'DLLDD', 'DLDLD', 'DLDDL', 'DDLLD', 'DDLDL', 'DDDLL'];
const patternCapacity = ordinaryPatterns.map((p) => Array.from(p).reduce((n, c) => n * (c === 'L' ? letters.length : 10), 1));
const ordinaryCapacity = patternCapacity.reduce((a, b) => a + b, 0);
/** Small new-energy plates: D (battery) or F (plug-in) + letter-or-digit + four digits. */
const newEnergyCapacity = digitsOrLetters.length * 10_000;

function decodeOrdinary(index: number): string {
  let p = 0;
  while (index >= patternCapacity[p]) index -= patternCapacity[p++];
  const pattern = ordinaryPatterns[p];
  let out = '';
  for (let i = pattern.length - 1; i >= 0; i--) {
    const alphabet = pattern[i] === 'L' ? letters : '0123456789';
    out = alphabet[index % alphabet.length] + out;
    index = Math.floor(index / alphabet.length);
  }
  return out;
}

function decodeNewEnergy(first: string, index: number): string {
  const tail = String(index % 10_000).padStart(4, '0');
  return first + digitsOrLetters[Math.floor(index / 10_000)] + tail;
}

export class PlateMaker {
  private readonly counters = new Map<string, number>();
  private readonly offset: number;

  constructor(rng: Prng) {
    this.offset = rng.nextU32();
  }

  /**
   * A plate in the stored form of normalizePlate ('粤A3K8Z2', new-energy '粤AD12345'; shown
   * as 粤A·3K8Z2 by formatPlate), with its local part (plate without province).
   */
  make(prefix: string, energy: Energy): { plate: string; local: string } {
    const newEnergy = energy === 'bev' || energy === 'phev';
    const key = newEnergy ? prefix + energy : prefix;
    const n = this.counters.get(key) ?? 0;
    this.counters.set(key, n + 1);
    const capacity = newEnergy ? newEnergyCapacity : ordinaryCapacity;
    const index = (this.offset + keyOffset(key) + n * step) % capacity;
    const local = prefix.slice(1) + (newEnergy ? decodeNewEnergy(energy === 'bev' ? 'D' : 'F', index) : decodeOrdinary(index));
    return { plate: prefix[0] + local, local };
  }
}

/** Model-year codes (position 10), a 30-year cycle: 2010 = A … 2030 = Y, 2031 = 1. */
const yearCodes = 'ABCDEFGHJKLMNPRSTVWXY123456789';
const plants = '4ZGH'; // plant code (position 11): the next one takes over after 999,999 cars a year

export function modelYearCode(year: number): string {
  return yearCodes[(((year - 2010) % 30) + 30) % 30];
}

/** Spreads the prefixes over the plate space, so 粤A and 粤B do not start on the same local part. */
function keyOffset(key: string): number {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (Math.imul(hash, 31) + key.charCodeAt(i)) >>> 0;
  return hash;
}

export class VinMaker {
  private readonly serials = new Map<number, number>();

  constructor(private readonly rng: Prng) {}

  make(model: CarModel, modelYear: number): string {
    const serial = (this.serials.get(modelYear) ?? this.rng.int(10_000, 99_999)) + this.rng.int(1, 4);
    this.serials.set(modelYear, serial);
    const plant = plants[Math.floor(serial / 1_000_000) % plants.length];
    const body = wmi + model.vds + '0' + modelYearCode(modelYear) + plant + String(serial % 1_000_000).padStart(6, '0');
    return withCheckDigit(body);
  }
}
