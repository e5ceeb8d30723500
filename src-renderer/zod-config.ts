// Imported first by main.tsx: the page's CSP forbids eval, and zod 4 probes `new Function` when
// the first object schema is built (at import time), which logs a CSP violation. Must run
// before any contract module is evaluated.
import { z } from 'zod';

z.config({ jitless: true });
