// Recording uploads on PGlite (kept in a folder, so the restart in the suite reopens the same
// store) and on a real PostgreSQL cluster; the suite is recording-uploads-suite.ts.
import { describeOnEachStore } from '../support/each-store';
import { recordingUploadSuite } from './recording-uploads-suite';

describeOnEachStore('recording uploads', (store) => recordingUploadSuite(() => store.database()));
