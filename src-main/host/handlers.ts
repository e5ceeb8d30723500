// The single handler table: every contract method, one capability module each (style.md §2).
import type { Handlers } from '../contract/dispatcher';
import { customerHandlers } from '../customers/handlers';
import { sessionHandlers } from '../session/handlers';
import { softphoneHandlers } from '../softphone/handlers';
import { transferHandlers } from '../transfer/handlers';
import { knowledgeHandlers } from '../knowledge/handlers';
import { syncHandlers } from '../sync/handlers';
import { workflowHandlers } from '../workflows/handlers';
import { recordingHandlers } from '../recording/handlers';
import { salesHandlers } from '../sales/handlers';
import { insuranceHandlers } from '../insurance/handlers';
import { supervisorHandlers } from '../supervisor/handlers';
import { qualityHandlers } from '../supervisor/quality-handlers';
import { presenceHandlers } from '../presence/handlers';
import type { DeskContext } from './context';

export const handlers: Handlers<DeskContext> = {
  ...sessionHandlers,
  ...customerHandlers,
  ...transferHandlers,
  ...knowledgeHandlers,
  ...softphoneHandlers,
  ...workflowHandlers,
  ...syncHandlers,
  ...recordingHandlers,
  ...salesHandlers,
  ...insuranceHandlers,
  ...supervisorHandlers,
  ...qualityHandlers,
  ...presenceHandlers,
};
