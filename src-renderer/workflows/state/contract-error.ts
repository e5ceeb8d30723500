import { ContractCallError } from '../../../src-shared/contract/client';
import type { ContractError } from '../../../src-shared/contract/errors';

/** Anything a contract call rejected with, as the typed error the screens show. */
export function asContractError(error: unknown): ContractError {
  if (error instanceof ContractCallError) return error.error;
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) } as ContractError;
}
