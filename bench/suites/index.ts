import type { BenchResult } from '../stats';
import { customerCacheSuite } from './customer-cache';

export interface BenchSuite {
  title: string;
  names: string[];
  run(names: string[]): Promise<BenchResult[]>;
}

export const suites: BenchSuite[] = [customerCacheSuite];
