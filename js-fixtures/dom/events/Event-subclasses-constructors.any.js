// Modeled on wpt dom/events/Event-subclasses-constructors.any.js

self.SubclassedEvent = class SubclassedEvent extends Event {
  constructor(name, props) {
    super(name, props);
    this.customProp = props && typeof props === "object" && "customProp" in props ? props.customProp : 5;
  }
  get fixedProp() { return 17; }
};

const expectations = {
  Event: {
    properties: [["bubbles", false, true], ["cancelable", false, true], ["isTrusted", false, false]],
  },
  SubclassedEvent: {
    parent: "Event",
    properties: [["customProp", 5, 8], ["fixedProp", 17, 17]],
  },
};

function checkProps(iface, event, defaults) {
  assert_true(event instanceof self[iface]);
  for (const [property, defaultValue, otherValue] of expectations[iface].properties) {
    const value = defaults ? defaultValue : otherValue;
    assert_true(property in event, `${iface} event has ${property}`);
    assert_equals(event[property], value, `${property}`);
  }
  if (expectations[iface].parent) checkProps(expectations[iface].parent, event, defaults);
}

for (const iface of Object.keys(expectations)) {
  test(() => { checkProps(iface, new self[iface]("type"), true); }, `${iface} constructor (no argument)`);
  test(() => { checkProps(iface, new self[iface]("type", undefined), true); }, `${iface} constructor (undefined argument)`);
  test(() => { checkProps(iface, new self[iface]("type", null), true); }, `${iface} constructor (null argument)`);
  test(() => { checkProps(iface, new self[iface]("type", {}), true); }, `${iface} constructor (empty argument)`);
  test(() => {
    const dict = {};
    for (const [property, value] of expectations[iface].properties) dict[property] = value;
    checkProps(iface, new self[iface]("type", dict), true);
  }, `${iface} constructor (argument with default values)`);
  test(() => {
    const dict = {};
    const fill = (name) => {
      if (expectations[name].parent) fill(expectations[name].parent);
      for (const [property, , value] of expectations[name].properties) dict[property] = value;
    };
    fill(iface);
    checkProps(iface, new self[iface]("type", dict), false);
  }, `${iface} constructor (argument with non-default values)`);
}
