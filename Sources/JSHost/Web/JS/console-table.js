// console-table.js: the box table that console.table() prints. Loaded by console.js on the first table() call.
//
// Behaviour: the WHATWG Console Standard's table() (rows are the data's properties, columns the union of the
// rows' properties, or the given `properties`), drawn the way Node.js 20 draws it: box-drawing characters,
// an `(index)` column (`(iteration index)` plus `Key` for a Map, `(iteration index)` for a Set), one column
// per property in order of first appearance, and a `Values` column for rows that are primitives; cells are
// left-aligned, padded by one space, sized by display width; cells show values in inspect's short form.
//
// Published on `internals`:
//   renderTable(data, properties?) → string (data is an object; primitives are printed by console.js itself)
(function (ops, internals, global) {
  "use strict";

  const I = internals.intrinsics;
  const { ReflectApply, FunctionPrototypeCall, FunctionPrototypeBind, ObjectKeys, ArrayIsArray, StringCtor } = I;
  const uncurry = (fn) => ReflectApply(FunctionPrototypeBind, FunctionPrototypeCall, [fn]);
  const repeat = uncurry(I.StringPrototypeRepeat);
  const objectToString = uncurry(I.ObjectPrototypeToString);
  const mapEntries = uncurry(I.MapPrototypeEntries);
  const mapIteratorNext = uncurry(I.MapIteratorNext);
  const mapSize = uncurry(I.MapSize);
  const setValues = uncurry(I.SetPrototypeValues);
  const setIteratorNext = uncurry(I.SetIteratorNext);
  const setSize = uncurry(I.SetSize);
  const inspectCell = internals.inspectCell;
  const displayWidth = internals.inspectText.displayWidth;

  function append(list, item) {
    list[list.length] = item;
  }

  function isBrand(check, value) {
    try {
      check(value);
      return true;
    } catch {
      return false;
    }
  }

  // Collects the table as columns of cell texts: `columns` names them in order, `cells[name][row]` holds
  // the text (absent cells stay undefined).
  function makeTable(indexHeader) {
    return { __proto__: null, indexHeader, index: [], columns: [], cells: { __proto__: null }, rows: 0 };
  }

  function setCell(table, column, row, text) {
    let cells = table.cells[column];
    if (cells === undefined) {
      cells = [];
      table.cells[column] = cells;
      append(table.columns, column);
    }
    cells[row] = text;
  }

  function isPrimitive(value) {
    return value === null || (typeof value !== "object" && typeof value !== "function");
  }

  // One row: an object's own properties become cells, a primitive goes to `Values`.
  function addRow(table, indexText, value, properties) {
    const row = table.rows++;
    append(table.index, indexText);
    if (isPrimitive(value)) {
      if (properties === undefined) setCell(table, "Values", row, inspectCell(value));
      return;
    }
    const keys = ObjectKeys(value);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (properties !== undefined && !properties.has(key)) continue;
      setCell(table, key, row, inspectCell(value[key]));
    }
  }

  function renderTable(data, properties) {
    let wanted;
    let order;
    if (ArrayIsArray(properties)) {
      wanted = { __proto__: null, has(key) { return this.keys[key] === true; }, keys: { __proto__: null } };
      order = [];
      for (let i = 0; i < properties.length; i++) {
        const name = StringCtor(properties[i]);
        if (wanted.keys[name] !== true) append(order, name);
        wanted.keys[name] = true;
      }
    }

    let table;
    const tag = objectToString(data);
    if (tag === "[object Map]" && isBrand(mapSize, data)) {
      table = makeTable("(iteration index)");
      const iterator = mapEntries(data);
      for (let step = mapIteratorNext(iterator); !step.done; step = mapIteratorNext(iterator)) {
        const row = table.rows++;
        append(table.index, `${row}`);
        setCell(table, "Key", row, inspectCell(step.value[0]));
        setCell(table, "Values", row, inspectCell(step.value[1]));
      }
    } else if (tag === "[object Set]" && isBrand(setSize, data)) {
      table = makeTable("(iteration index)");
      const iterator = setValues(data);
      for (let step = setIteratorNext(iterator); !step.done; step = setIteratorNext(iterator)) {
        const row = table.rows++;
        append(table.index, `${row}`);
        setCell(table, "Values", row, inspectCell(step.value));
      }
    } else {
      table = makeTable("(index)");
      const keys = ObjectKeys(data);
      for (let i = 0; i < keys.length; i++) addRow(table, keys[i], data[keys[i]], wanted);
    }

    let columns = table.columns;
    if (order !== undefined) {
      columns = order;
    } else {
      // `Values` comes last, after every property column.
      const values = table.cells.Values;
      if (values !== undefined && table.indexHeader === "(index)") {
        const reordered = [];
        for (let i = 0; i < columns.length; i++) if (columns[i] !== "Values") append(reordered, columns[i]);
        append(reordered, "Values");
        columns = reordered;
      }
    }
    return draw(table, columns);
  }

  function draw(table, columns) {
    const headers = [table.indexHeader];
    for (let i = 0; i < columns.length; i++) append(headers, columns[i]);
    const body = [];
    for (let row = 0; row < table.rows; row++) {
      const line = [table.index[row]];
      for (let i = 0; i < columns.length; i++) {
        const cells = table.cells[columns[i]];
        const text = cells === undefined ? undefined : cells[row];
        append(line, text === undefined ? "" : text);
      }
      append(body, line);
    }
    const widths = [];
    for (let column = 0; column < headers.length; column++) {
      let width = displayWidth(headers[column]);
      for (let row = 0; row < body.length; row++) {
        const cellWidth = displayWidth(body[row][column]);
        if (cellWidth > width) width = cellWidth;
      }
      widths[column] = width + 2;
    }
    let text = rule(widths, "┌", "┬", "┐") + "\n" + line(headers, widths) + "\n" + rule(widths, "├", "┼", "┤") + "\n";
    for (let row = 0; row < body.length; row++) text += line(body[row], widths) + "\n";
    return text + rule(widths, "└", "┴", "┘");
  }

  function rule(widths, left, middle, right) {
    let text = left;
    for (let i = 0; i < widths.length; i++) text += (i === 0 ? "" : middle) + repeat("─", widths[i]);
    return text + right;
  }

  function line(cells, widths) {
    let text = "│";
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      text += ` ${cell}${repeat(" ", widths[i] - 2 - displayWidth(cell))} │`;
    }
    return text;
  }

  internals.renderTable = renderTable;
})
