// A status table: which status may follow which. Sales records (leads, stock, orders,
// deliveries, contracts) move only along these edges; main refuses anything else.
export type StatusTable<S extends string> = Readonly<Record<S, readonly S[]>>;

export function canMove<S extends string>(table: StatusTable<S>, from: S, to: S): boolean {
  return Object.prototype.hasOwnProperty.call(table, from) && table[from].includes(to);
}

export function isFinal<S extends string>(table: StatusTable<S>, status: S): boolean {
  return table[status].length === 0;
}
