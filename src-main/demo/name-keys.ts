// Search keys (name_reversed, pinyin, pinyin_initials) for generated names, cached per pool
// entry. namePinyin runs pinyin-pro with word segmentation at roughly 10–50 µs a call, which
// would be 10–50 s for a million customers; but it yields exactly one syllable per character
// (src-shared/domain/pinyin.ts), so the pinyin of 曾 + 晓 + 明 is the surname's reading
// followed by each given character's reading in a name. Each surname and given character of
// the generator's pools is therefore read once, in name position, and names are concatenated.
// seed.test.ts checks the result against customerNameKeys for thousands of generated names.
import { customerNameKeys, type CustomerNameKeys } from '../../src-shared/domain/customer-keys';
import { namePinyin } from '../../src-shared/domain/pinyin';

interface Reading {
  full: string;
  initials: string;
}

/** A surname that is never polyphonic, to read given characters in name position. */
const probeSurname = '王';

export class NameKeyCache {
  private readonly surnameReadings: Reading[];
  private readonly givenReadings = new Map<string, Reading>();
  private readonly wholeNames = new Map<string, CustomerNameKeys>();
  private readonly probe = namePinyin(probeSurname);

  constructor(surnames: readonly string[]) {
    this.surnameReadings = surnames.map((s) => namePinyin(s));
  }

  /** pinyin of surnames[surnameIndex] + given, written into `out`. */
  personKeys(surnameIndex: number, given: string, out: Reading): void {
    const s = this.surnameReadings[surnameIndex];
    let full = s.full;
    let initials = s.initials;
    for (let i = 0; i < given.length; i++) {
      const g = this.given(given[i]);
      full += g.full;
      initials += g.initials;
    }
    out.full = full;
    out.initials = initials;
  }

  /** Any other name (company names): computed once per distinct name. */
  wholeNameKeys(name: string): CustomerNameKeys {
    let keys = this.wholeNames.get(name);
    if (!keys) {
      keys = customerNameKeys(name);
      this.wholeNames.set(name, keys);
    }
    return keys;
  }

  private given(char: string): Reading {
    let reading = this.givenReadings.get(char);
    if (!reading) {
      const both = namePinyin(probeSurname + char);
      reading = { full: both.full.slice(this.probe.full.length), initials: both.initials.slice(this.probe.initials.length) };
      this.givenReadings.set(char, reading);
    }
    return reading;
  }
}
