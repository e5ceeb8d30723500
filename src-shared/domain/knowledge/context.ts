// Context boosting (issue 7): when a call pops a customer card, the KB already knows the
// inquiry category and the caller's car model, mileage and age. Articles that fit rank first;
// articles written for other models sink but stay findable. The factors multiply a relevance
// score, so a strong text match about something else can still beat a weak one in context.
import type { KbCategory } from './categories';
import type { NumberRange } from './front-matter';
import { modelKey } from './normalize';

export interface KbSearchContext {
  category?: KbCategory;
  model?: string;
  mileageKm?: number;
  vehicleAgeMonths?: number;
}

export interface ArticleApplicability {
  category: KbCategory;
  models: readonly string[];
  mileage: NumberRange;
  ageMonths: NumberRange;
}

export const contextFactors = {
  category: 1.5,
  modelMatch: 1.4,
  otherModel: 0.6,
  inRange: 1.25,
  outOfRange: 0.8,
} as const;

/** "雅阁" fits a caller with "雅阁 锐·混动" and the other way round. */
export function modelMatches(articleModel: string, callerModel: string): boolean {
  const a = modelKey(articleModel);
  const c = modelKey(callerModel);
  return a.length > 0 && c.length > 0 && (c.startsWith(a) || a.startsWith(c));
}

function inRange(value: number, r: NumberRange): boolean | null {
  if (r.min === null && r.max === null) return null;
  return (r.min === null || value >= r.min) && (r.max === null || value <= r.max);
}

export interface ContextFit {
  factor: number;
  /** True when the article matches at least one given context fact and none contradicts it. */
  fits: boolean;
}

export function contextFit(article: ArticleApplicability, context: KbSearchContext | undefined): ContextFit {
  if (!context) return { factor: 1, fits: false };
  let factor = 1;
  let matched = 0;
  let contradicted = 0;
  if (context.category) {
    if (article.category === context.category) {
      factor *= contextFactors.category;
      matched++;
    }
  }
  if (context.model && article.models.length > 0) {
    if (article.models.some((m) => modelMatches(m, context.model!))) {
      factor *= contextFactors.modelMatch;
      matched++;
    } else {
      factor *= contextFactors.otherModel;
      contradicted++;
    }
  }
  for (const [value, range] of [
    [context.mileageKm, article.mileage],
    [context.vehicleAgeMonths, article.ageMonths],
  ] as const) {
    if (value === undefined) continue;
    const fit = inRange(value, range);
    if (fit === true) {
      factor *= contextFactors.inRange;
      matched++;
    } else if (fit === false) {
      factor *= contextFactors.outOfRange;
      contradicted++;
    }
  }
  return { factor, fits: matched > 0 && contradicted === 0 };
}

export function hasContext(context: KbSearchContext | undefined): boolean {
  return Boolean(context && (context.category || context.model || context.mileageKm !== undefined || context.vehicleAgeMonths !== undefined));
}
