// A clock that moves on by a millisecond at every reading (`new Date()`,
// `Date.now()`): loaded with `node --import`, it makes every race between
// two clock readings happen, as a loaded machine makes some of them happen
// (bpmn-elements reads the clock twice when it sets a timer, so a `PT0S`
// timer once came out as 1 ms in CI).
const SystemDate = Date;
let reading = SystemDate.now();

class TickingDate extends SystemDate {
  constructor(...args) {
    if (args.length) super(...args);
    else {
      reading += 1;
      super(reading);
    }
  }

  static now() {
    reading += 1;
    return reading;
  }
}

globalThis.Date = TickingDate;
