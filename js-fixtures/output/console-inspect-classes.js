// Class instances, prototypes, toStringTag, null-prototype objects and accessors.
class Animal {
  constructor(name) {
    this.name = name;
  }
  speak() {}
}
class Dog extends Animal {
  constructor(name) {
    super(name);
    this.tricks = ['sit'];
  }
}
console.log(new Animal('generic'), new Dog('rex'), [new Dog('fido')]);
const Anonymous = (() => class {})();
console.log(new Anonymous(), new (class { constructor() { this.v = 1; } })());
class Empty {}
console.log(new Empty(), { empty: new Empty() });
console.log(Object.create(null), Object.assign(Object.create(null), { a: 1, nested: Object.create(null) }));
console.log(Object.create(Animal.prototype), Object.create(Object.create(Dog.prototype)));
console.log(Object.create(Object.create(null)), Object.create({ inherited: true }));
class Tagged {
  get [Symbol.toStringTag]() {
    return 'CustomTag';
  }
}
class TaggedWithData {
  constructor() {
    this.data = 1;
  }
  get [Symbol.toStringTag]() {
    return 'Labeled';
  }
}
console.log(new Tagged(), new TaggedWithData());
const own = { x: 1 };
Object.defineProperty(own, Symbol.toStringTag, { value: 'OwnTag' });
console.log(own, { [Symbol.toStringTag]: 'Enumerable', y: 2 });
const nullTagged = Object.create(null);
Object.defineProperty(nullTagged, Symbol.toStringTag, { value: 'NullTag' });
nullTagged.z = 3;
console.log(nullTagged);
class SameName {
  get [Symbol.toStringTag]() {
    return 'SameName';
  }
}
console.log(new SameName());
const accessors = {
  get onlyGetter() { return 1; },
  set onlySetter(v) {},
  get both() { return 2; },
  set both(v) {},
  plain: 3,
};
console.log(accessors);
class WithAccessors {
  #secret = 1;
  get secret() { return this.#secret; }
  static get kind() { return 'static'; }
}
console.log(new WithAccessors(), Object.getOwnPropertyDescriptor(WithAccessors, 'kind').get === undefined);
const viaDefine = {};
Object.defineProperty(viaDefine, 'visible', { get() { return 'v'; }, enumerable: true });
Object.defineProperty(viaDefine, 'hidden', { get() { return 'h'; }, enumerable: false });
console.log(viaDefine);
console.dir(viaDefine, { showHidden: true });
console.dir(accessors, { getters: true });
console.dir({ get fails() { throw new Error('no'); } }, { getters: true });
console.log({ a: new Animal('deep'), b: { c: { d: new Animal('deeper') } } });
console.log({ a: { b: { c: new Empty() } } }, { a: { b: { c: Object.create(null) } } });
