/**
 * Defines `target[key]` as an ordinary enumerable property whose first read builds its value and keeps it: the
 * getter is replaced by the value, so later reads, spreads and JSON see a plain data property. An assignment before
 * the first read replaces it too. `settled` is told (with the object) when either happens.
 */
export function defineLazyProperty<T extends object, K extends keyof T & string>(target: T, key: K, build: () => T[K], settled: (self: object) => void): T {
  const settle = (self: object, value: T[K]) => {
    Object.defineProperty(self, key, { value, writable: true, enumerable: true, configurable: true });
    settled(self);
  };
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get(this: object) {
      const value = build();
      settle(this, value);
      return value;
    },
    set(this: object, value: T[K]) {
      settle(this, value);
    },
  });
  return target;
}
