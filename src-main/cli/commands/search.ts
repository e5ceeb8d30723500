import { openDatabase } from '../../db/open';
import { databasePath } from '../../host/data-dir';
import { searchCustomers } from '../../customers/search-service';
import { CliUsageError, numberFlag, type CliCommand } from '../command';

export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'search customers by phone, plate, name, pinyin, customer number or VIN',
  usage: [
    'Usage: npx dealerdesk search "QUERY" [--limit N] [--data-dir DIR] [--json]',
    '',
    'Ranked like the search box: full phone or its last 4+ digits; plate with or without province',
    '(case, spaces and the dot ignored) or its tail; Chinese name or part of it; pinyin, full or',
    'initials; customer number; full VIN or its last 6.',
    'With --json prints {"hits":[{id, number, name, phones, plates, match, matched, score}]}.',
  ].join('\n'),
  async run(args, io) {
    const query = args.positionals.join(' ').trim();
    if (!query) throw new CliUsageError('search needs a QUERY');
    const limit = numberFlag(args, 'limit', 20);
    const { sqlite } = openDatabase(databasePath(args.dataDir));
    try {
      // The CLI runs as the machine's administrator on their own data: full numbers.
      const hits = searchCustomers(sqlite, query, { limit, revealPhones: true });
      const text = hits.length
        ? hits.map((h) => `${h.number}  ${h.name}  ${h.phones.join(', ')}  ${h.plates.join(', ')}  [${h.match}: ${h.matched}]`).join('\n')
        : 'no customers found';
      io.result({ hits }, text);
    } finally {
      sqlite.close();
    }
  },
};
