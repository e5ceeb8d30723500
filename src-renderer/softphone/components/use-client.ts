import { createContext, useContext } from 'react';
import type { ContractClient } from '../../../src-shared/contract/client';

export const SoftphoneClientContext = createContext<ContractClient | null>(null);

export function useSoftphoneClient(): ContractClient {
  const c = useContext(SoftphoneClientContext);
  if (!c) throw new Error('SoftphoneClientContext is missing');
  return c;
}
