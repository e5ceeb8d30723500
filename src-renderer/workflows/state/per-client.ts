/** One instance per contract client (so a screen's store outlives tab switches), made on first use. */
export function perClient<T>(factory: (client: never) => T) {
  const made = new WeakMap<object, T>();
  return (client: object): T => {
    let value = made.get(client);
    if (!value) made.set(client, (value = factory(client as never)));
    return value;
  };
}
