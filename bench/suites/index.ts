import type { BenchResult } from '../stats';
import { customerCacheSuite } from './customer-cache';
import { softphoneSuite } from './softphone';
import { knowledgeSuite } from './knowledge';
import { workflowsSuite } from './workflows';

export interface BenchSuite {
  title: string;
  names: string[];
  run(names: string[]): Promise<BenchResult[]>;
}

export const suites: BenchSuite[] = [customerCacheSuite, softphoneSuite, knowledgeSuite, workflowsSuite];
