import type { BenchResult } from '../stats';
import { customerCacheSuite } from './customer-cache';
import { softphoneSuite } from './softphone';
import { knowledgeSuite } from './knowledge';
import { workflowsSuite } from './workflows';
import { recordingSuite } from './recording';
import { syncSuite } from './sync';
import { supervisorSuite } from './supervisor';

export interface BenchSuite {
  title: string;
  names: string[];
  run(names: string[]): Promise<BenchResult[]>;
}

export const suites: BenchSuite[] = [customerCacheSuite, softphoneSuite, knowledgeSuite, workflowsSuite, syncSuite, recordingSuite, supervisorSuite];
