/* rnn-guide tensor diagram: the one renderer of the site's tensor pictures (inline SVG).
 *
 * RNNDiagram.render(figure, model, texts) draws a diagram model (rnn_guide/diagram.py:
 * diagram_model; the calculator builds the same model in calculator.js) into the figure, and
 * RNNDiagram.describe(model, texts) writes its text alternative with the same sentences as
 * rnn_guide.diagram.describe. Figures written at build time (<figure class="rnn-diagram"> with
 * a <script type="application/json" class="rnn-diagram-data">) are drawn on load.
 *
 * Each tensor is a row of sheets along its first axis (time steps, sequences, or layers and
 * directions of h_n), each sheet holds rows along the second axis and is as wide as the last
 * axis. Long axes are shown compressed (first, last, "…") while every label keeps the exact
 * size. Hooks for tests: [data-block], [data-axis], [data-equal][data-side], [data-diagram-text].
 * No dependencies; sizes are strings read as BigInt.
 */
(function () {
  "use strict";

  const SVG = "http://www.w3.org/2000/svg";
  const ROW = 11; // height of one drawn row
  const GAP = 12; // between sheets
  const FONT = 12;
  const LABEL_GAP = 8; // sheet labels to sheet body: clear of the badges of marked slices
  const BAND = 9; // room for the layer colour band, clear of a marked sheet's frame

  function format(template, params) {
    return template.replace(/\{(\w+)\}/g, (whole, name) =>
      Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole
    );
  }

  function axisLabel(axis) {
    return axis.symbol.replace(/\*/g, "·") + " = " + axis.size;
  }

  function shapeText(sizes) {
    return "(" + sizes.join(", ") + (sizes.length === 1 ? ",)" : ")");
  }

  function blockLabel(model, name) {
    if (model.cell) return { output: "h'", c_n: "c'" }[name] || name;
    return name;
  }

  /** The text alternative (rnn_guide.diagram.describe says the same, word for word). */
  function describe(model, T) {
    const t = (key, params) => format(T[key], params || {});
    const parts = [t(model.cell ? "intro_cell" : "intro_layer", { call: model.call })];
    if (model.cell) parts.push(t(model.lstm ? "cell_step_lstm" : "cell_step"));
    for (const block of model.blocks) {
      const axes = block.axes.map(axisLabel).join(" × ");
      const shape = shapeText(block.axes.map((axis) => axis.size));
      parts.push(t("block", { name: blockLabel(model, block.name), shape, axes }));
      if (model.cell) continue;
      if (block.name === "output") {
        if (model.directions === 2) {
          const h = BigInt(model.h_out);
          parts.push(t("output_halves", { forward: "0:" + h, backward: h + ":" + 2n * h }));
        } else parts.push(t("output_one"));
      } else if (block.name === "h_n") {
        const last = BigInt(model.layers) - 1n;
        const key = model.directions === 2 ? "rows_bi" : "rows_one";
        parts.push(t(key + (last === 0n ? "_single" : ""), { last }));
      } else if (block.name === "c_n" && model.proj) {
        parts.push(t("c_keeps", { h_cell: model.h_cell }));
      }
    }
    if (model.batch_first) parts.push(t("batch_first"));
    if (model.lengths) {
      parts.push(
        t("packed", {
          lengths: "(" + model.lengths.join(", ") + ")",
          batch_sizes: "(" + model.batch_sizes.join(", ") + ")",
        })
      );
    }
    if (!model.cell) {
      if (model.equal.length) {
        const items = model.equal.map((e) => e.text + " (" + t(e.meaning) + ")").join("; ");
        parts.push(t("equal", { items }));
      } else parts.push(t("equal_none"));
    }
    return parts.join(" ");
  }

  // ---------------------------------------------------------------------------------------
  // Geometry helpers.

  function node(tag, attributes, text) {
    const element = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (value !== null && value !== undefined) element.setAttribute(key, String(value));
    }
    if (text !== undefined) element.textContent = text;
    return element;
  }

  /** Indices to draw along an axis of `size`: all when few, else the ends around a gap (null). */
  function shown(size, most) {
    const n = BigInt(size);
    if (n <= BigInt(most)) {
      const all = [];
      for (let i = 0n; i < n; i++) all.push(i);
      return all;
    }
    return [0n, 1n, null, n - 2n, n - 1n];
  }

  /** log2 of a decimal string, roughly, for any size. */
  function log2(size) {
    const digits = String(size);
    if (digits.length < 15) return Math.log2(Math.max(1, Number(digits)));
    return Math.log2(Number(digits.slice(0, 15))) + (digits.length - 15) * Math.log2(10);
  }

  function featureWidth(size, scale) {
    return Math.round(Math.min(110, Math.max(20, 20 + 8 * log2(size))) * scale);
  }

  /** Rough text width (Hangul is wider than Latin). */
  function textWidth(s, size) {
    let width = 0;
    for (const ch of s) width += /[\u3131-\ud7a3]/.test(ch) ? size * 1.05 : size * 0.62;
    return width;
  }

  // ---------------------------------------------------------------------------------------
  // Drawing.

  function render(figure, model, T) {
    let canvas = figure.querySelector(".rnn-diagram-canvas");
    if (!canvas) {
      canvas = document.createElement("div");
      canvas.className = "rnn-diagram-canvas";
      figure.prepend(canvas);
    }
    let caption = figure.querySelector("[data-diagram-text]");
    if (!caption) {
      caption = document.createElement("figcaption");
      caption.className = "rnn-diagram-text";
      caption.setAttribute("data-diagram-text", "");
      caption.dataset.live = "";
      caption.id = "rnn-diagram-text-" + Math.random().toString(36).slice(2);
      figure.append(caption);
    }
    // A caption written at build time (rnn_guide.diagram.describe) stays as it is.
    if (caption.dataset.live !== undefined) caption.textContent = describe(model, T);
    const width = Math.max(280, Math.min(920, figure.clientWidth || canvas.clientWidth || 640));
    const svg = draw(model, T, width);
    svg.setAttribute("aria-label", format(T.aria, { call: model.call }));
    svg.setAttribute("aria-describedby", caption.id);
    canvas.replaceChildren(svg);
    figure.rnnDiagram = { model, T, width };
  }

  function draw(model, T, width) {
    const svg = node("svg", { class: "rnn-diagram-svg", role: "img", width, "font-size": FONT });
    const narrow = width < 520;
    // Left column: the axis labels, as wide as the longest (at most 40% of the picture).
    let longest = 0;
    for (const block of model.blocks) {
      for (const axis of block.axes.slice(0, -1)) {
        longest = Math.max(longest, textWidth(axisLabel(axis) + " →", FONT));
      }
    }
    const margin = Math.min(Math.round(width * 0.4), Math.ceil(longest) + 14);
    const scale = narrow ? 0.7 : 1;
    const right = width - 8;
    const equalIndex = new Map(model.equal.map((e, i) => [e.direction, i + 1]));
    let y = 4;

    const marks = []; // badges drawn last, above everything
    const lengths = model.lengths ? model.lengths.map((n) => BigInt(n)) : null;

    function blockTitle(group, block) {
      const shape = shapeText(block.axes.map((axis) => axis.size));
      const head = blockLabel(model, block.name) + " " + shape + "  ";
      const symbols = block.symbols.replace(/\*/g, "·");
      const swap = model.batch_first && (block.name === "input" || block.name === "output");
      const tail = symbols + (swap ? "  ⇄ batch_first" : "");
      // Too wide for one line (phones, large sizes): the symbols go on a second line.
      const wrap = textWidth(head + tail, FONT) > right;
      const title = node("text", { x: 0, y: y + FONT, class: "rnn-d-title" });
      title.append(node("tspan", { class: "rnn-d-name" }, blockLabel(model, block.name) + " "));
      title.append(node("tspan", {}, wrap ? shape : shape + "  "));
      title.append(node("tspan", wrap ? { class: "rnn-d-symbols", x: 0, dy: FONT + 4 } : { class: "rnn-d-symbols" }, symbols));
      if (swap) title.append(node("tspan", { class: "rnn-d-swap" }, "  ⇄ batch_first"));
      group.append(title);
      y += FONT + 10 + (wrap ? FONT + 4 : 0);
    }

    /** Kind of a position: "pad" when packed and (t, n) is past sequence n's length. */
    function isPadding(t, n) {
      return lengths !== null && t !== null && n !== null && t >= lengths[Number(n)];
    }

    function drawBlock(block) {
      const group = node("g", { "data-block": block.name, class: "rnn-d-block" });
      svg.append(group);
      blockTitle(group, block);
      const axes = block.axes;
      let sheetAxis = null;
      let rowAxis = null;
      const featAxis = axes.length - 1;
      if (axes.length === 3) {
        sheetAxis = 0;
        rowAxis = 1;
      } else if (axes.length === 2) {
        if (axes[0].role === "batch") rowAxis = 0;
        else sheetAxis = 0;
      }
      const sheets = sheetAxis === null ? [0n] : shown(axes[sheetAxis].size, narrow ? 5 : 6);
      const rows = rowAxis === null ? [null] : shown(axes[rowAxis].size, 5);
      const sheetRole = sheetAxis === null ? null : axes[sheetAxis].role;
      const rowRole = rowAxis === null ? null : axes[rowAxis].role;
      const isOutput = block.name === "output" && !model.cell;
      const halves = isOutput ? model.directions : 1;
      const half = isOutput ? featureWidth(model.h_out, scale) : featureWidth(axes[featAxis].size, scale);
      const sheetWidth = half * halves;
      const stack = sheetRole === "stack";
      const labelLines = sheetAxis === null ? 0 : stack && model.directions === 2 ? 2 : 1;
      const bodyHeight = Math.max(1, rows.length) * ROW;
      const isOutputBi = block.name === "output" && !model.cell && model.directions === 2;
      const band = stack ? BAND : 0;
      const lineHeight = labelLines * (FONT + 2) + LABEL_GAP + band + bodyHeight + (isOutputBi ? 20 : 8);
      const directions = model.directions;

      // Left column: the axis labels (exact sizes). A label wider than the column (the column
      // is at most 40% of a phone's width) gets a line of its own above the sheets instead.
      const labels = [];
      if (sheetAxis !== null) labels.push([sheetAxis, axisLabel(axes[sheetAxis]) + " →", "sheet"]);
      if (rowAxis !== null) labels.push([rowAxis, axisLabel(axes[rowAxis]) + " ↓", "row"]);
      const fits = ([, label]) => textWidth(label, FONT) <= margin - 6;
      for (const [axis, label] of labels.filter((item) => !fits(item))) {
        group.append(node("text", { x: 0, y: y + FONT, "data-axis": axis, class: "rnn-d-axis" }, label));
        y += FONT + 4;
      }
      const labelY = y;
      for (const [axis, label, kind] of labels.filter(fits)) {
        const ly = kind === "sheet" ? y + FONT : y + labelLines * (FONT + 2) + LABEL_GAP + band + bodyHeight / 2 + 4;
        group.append(node("text", { x: 0, y: ly, "data-axis": axis, class: "rnn-d-axis" }, label));
      }

      let x = margin;
      let lineTop = y;
      let firstSheetX = margin;
      const sheetLabel = (index) => {
        if (sheetRole === "time") return ["t = " + index];
        if (sheetRole === "batch") return ["n = " + index];
        const layer = index / BigInt(directions);
        const dir = Number(index % BigInt(directions));
        const lines = [format(T.layer, { k: layer })];
        if (directions === 2) lines.push(dir === 0 ? "→ " + T.forward : "← " + T.backward);
        return lines;
      };
      for (const index of sheets) {
        const labels = index === null ? ["…"] : sheetAxis === null ? [] : sheetLabel(index);
        const labelWidth = Math.max(...labels.map((s) => textWidth(s, FONT - 1)), 0);
        const w = index === null ? 18 : Math.max(sheetWidth, labelWidth);
        if (x + w > right && x > margin) {
          x = margin;
          y += lineHeight;
          lineTop = y;
        }
        const top = lineTop + labelLines * (FONT + 2) + LABEL_GAP + band;
        labels.forEach((label, i) => {
          group.append(node("text", { x: x, y: lineTop + (i + 1) * (FONT + 2) - 1, class: "rnn-d-index" }, label));
        });
        if (index === null) {
          group.append(node("text", { x: x + 3, y: top + bodyHeight / 2 + 4, class: "rnn-d-gap" }, "…"));
          x += w + GAP;
          continue;
        }
        const sheet = node("g", { class: "rnn-d-sheet" });
        group.append(sheet);
        if (x === margin && rowAxis !== null) {
          rows.forEach((rowIndex, r) => {
            if (rowIndex === null) return;
            const label = node("text", { x: x - 3, y: top + r * ROW + ROW - 2, class: "rnn-d-row", "text-anchor": "end" }, String(rowIndex));
            sheet.append(label);
          });
        }
        // Layer colour band of h_n / c_n sheets, with the direction's fill below.
        let dirOf = null;
        if (stack) {
          dirOf = Number(index % BigInt(directions));
          const layer = Number((index / BigInt(directions)) % 4n);
          sheet.append(
            node("rect", { x, y: top - BAND, width: sheetWidth, height: 5, class: "rnn-d-layer rnn-d-layer-" + layer })
          );
        }
        if (rows.length === 0 || BigInt(axes[rowAxis === null ? featAxis : rowAxis].size) === 0n) {
          sheet.append(node("rect", { x, y: top, width: sheetWidth, height: ROW, class: "rnn-d-empty" }));
        }
        rows.forEach((rowIndex, r) => {
          const ry = top + r * ROW;
          if (rowAxis !== null && rowIndex === null) {
            sheet.append(node("text", { x: x + sheetWidth / 2 - 3, y: ry + ROW - 2, class: "rnn-d-gap" }, "⋮"));
            return;
          }
          const t = sheetRole === "time" ? index : rowRole === "time" ? rowIndex : null;
          const n = sheetRole === "batch" ? index : rowRole === "batch" ? rowIndex : null;
          const pad = isPadding(t, n);
          for (let h = 0; h < halves; h++) {
            let kind = "rnn-d-in";
            if (isOutput) kind = h === 0 ? "rnn-d-fwd" : "rnn-d-bwd";
            else if (stack) kind = dirOf === 0 ? "rnn-d-fwd" : "rnn-d-bwd";
            else if (block.name !== "input") kind = "rnn-d-fwd";
            if (pad) kind = "rnn-d-pad";
            sheet.append(node("rect", { x: x + h * half, y: ry, width: half, height: ROW, class: "rnn-d-cell " + kind }));
          }
        });
        if (isOutput && halves === 2) {
          sheet.append(node("text", { x: x + 2, y: top + bodyHeight + 12, class: "rnn-d-half" }, "→"));
          sheet.append(node("text", { x: x + half + 2, y: top + bodyHeight + 12, class: "rnn-d-half" }, "←"));
        }
        // Equal slices: on output, the step of each direction's half; on h_n, the top rows.
        if (!model.cell) {
          for (const e of model.equal) {
            const number = equalIndex.get(e.direction);
            if (block.name === "h_n" && stack) {
              const total = BigInt(axes[0].size);
              if (index === total - BigInt(directions) + BigInt(e.direction)) {
                mark(group, e, "h_n", x, top, sheetWidth, bodyHeight, number);
              }
            } else if (isOutput) {
              const hx = x + e.direction * half;
              const timeSize = BigInt(axes[sheetRole === "time" ? sheetAxis : rowAxis].size);
              const step = (seq) =>
                e.step === "0" ? 0n : e.step === "-1" ? timeSize - 1n : lengths[Number(seq)] - 1n;
              if (sheetRole === "time") {
                rows.forEach((rowIndex, r) => {
                  if (e.step === "lengths") {
                    if (rowIndex !== null && step(rowIndex) === index) {
                      mark(group, e, "output", hx, top + r * ROW, half, ROW, number);
                    }
                  } else if (r === 0 && index === step(null)) {
                    mark(group, e, "output", hx, top, half, bodyHeight, number);
                  }
                });
              } else {
                rows.forEach((rowIndex, r) => {
                  if (rowIndex !== null && rowIndex === step(index)) {
                    mark(group, e, "output", hx, top + r * ROW, half, ROW, number);
                  }
                });
              }
            }
          }
        }
        x += w + GAP;
      }
      y += lineHeight;
      // The last axis, under the first sheet.
      group.append(
        node("text", { x: firstSheetX, y: y + 9, "data-axis": featAxis, class: "rnn-d-axis" }, "↔ " + axisLabel(axes[featAxis]))
      );
      y += FONT + 18;
      return labelY;
    }

    function mark(group, e, side, x, top, w, h, number) {
      group.append(
        node("rect", {
          x: x - 1.5,
          y: top - 1.5,
          width: w + 3,
          height: h + 3,
          class: "rnn-d-mark",
          "data-equal": e.text,
          "data-side": side,
        })
      );
      marks.push([x + w - 6, top - 5, number]);
    }

    /** A cell: one time step, input and the state in, the next state out. */
    function drawStep() {
      const group = node("g", { class: "rnn-d-step" });
      svg.append(group);
      group.append(node("text", { x: 0, y: y + FONT, class: "rnn-d-title" }, T.step));
      y += FONT + 8;
      const states = model.lstm ? ["h", "c"] : ["h"];
      const boxes = [
        ["input", "rnn-d-box-in"],
        [states.join(", "), "rnn-d-box-fwd"],
        [model.call.replace(/\(.*/, ""), "rnn-d-box-module"],
        [states.map((name) => name + "'").join(", "), "rnn-d-box-fwd"],
      ];
      let x = 0;
      boxes.forEach(([label, kind], i) => {
        const w = textWidth(label, FONT) + 16;
        if (i === 2 || i === 3) {
          group.append(node("text", { x: x, y: y + 15, class: "rnn-d-arrow" }, "→"));
          x += 18;
        } else if (i === 1) {
          group.append(node("text", { x: x, y: y + 15 }, "+"));
          x += 14;
        }
        group.append(node("rect", { x, y, width: w, height: 22, rx: 3, class: "rnn-d-box " + kind }));
        group.append(node("text", { x: x + 8, y: y + 15 }, label));
        x += w + 6;
      });
      y += 36;
    }

    function drawStaircase() {
      const group = node("g", { "data-block": "batch_sizes", class: "rnn-d-block" });
      svg.append(group);
      const sizes = model.batch_sizes.map((n) => BigInt(n));
      const title = node("text", { x: 0, y: y + FONT, class: "rnn-d-title" });
      title.append(node("tspan", { class: "rnn-d-name" }, "batch_sizes "));
      title.append(node("tspan", {}, "(" + model.batch_sizes.join(", ") + ")"));
      group.append(title);
      y += FONT + 10;
      const most = sizes.reduce((a, b) => (a > b ? a : b), 0n);
      const cells = Number(most > 6n ? 6n : most);
      const column = 22;
      const steps = shown(String(sizes.length), narrow ? 8 : 12);
      let x = margin;
      const bottom = y + FONT + cells * 9; // room above the tallest column for its count
      group.append(node("text", { x: 0, y: bottom - 2, class: "rnn-d-axis" }, T.time_axis + " →"));
      for (const t of steps) {
        if (t === null) {
          group.append(node("text", { x: x + 4, y: bottom - 2, class: "rnn-d-gap" }, "…"));
          x += column;
          continue;
        }
        const value = sizes[Number(t)];
        const drawn = Number(value > 6n ? 6n : value);
        for (let k = 0; k < drawn; k++) {
          group.append(node("rect", { x, y: bottom - (k + 1) * 9, width: column - 4, height: 8, class: "rnn-d-cell rnn-d-in" }));
        }
        group.append(node("text", { x: x + 2, y: bottom - drawn * 9 - 3, class: "rnn-d-index" }, String(value)));
        group.append(node("text", { x: x + 2, y: bottom + FONT, class: "rnn-d-index" }, String(t)));
        x += column;
      }
      y = bottom + FONT + 16;
    }

    if (model.cell) drawStep();
    for (const block of model.blocks) {
      drawBlock(block);
      if (block.name === "input" && model.batch_sizes) drawStaircase();
    }
    // Legend: what the colours and marks mean, in words.
    const legend = node("g", { class: "rnn-d-legend" });
    svg.append(legend);
    const items = [];
    if (!model.cell) {
      items.push(["rnn-d-fwd", "→ " + T.forward]);
      if (model.directions === 2) items.push(["rnn-d-bwd", "← " + T.backward]);
    }
    if (model.lengths) items.push(["rnn-d-pad", T.padding]);
    let lx = 0;
    for (const [kind, label] of items) {
      const w = textWidth(label, FONT) + 26;
      if (lx + w > right) {
        lx = 0;
        y += FONT + 8;
      }
      legend.append(node("rect", { x: lx, y: y, width: 14, height: 11, class: "rnn-d-cell " + kind }));
      legend.append(node("text", { x: lx + 18, y: y + 10 }, label));
      lx += w + 8;
    }
    if (items.length) y += FONT + 10;
    for (const e of model.equal) {
      const number = equalIndex.get(e.direction);
      const code = e.output + " = " + e.h_n;
      const meaning = "(" + T[e.meaning] + ")";
      const wrap = 22 + textWidth(code + "  " + meaning, FONT) > width;
      const line = node("text", { x: 22, y: y + 11, class: "rnn-d-equal-text", "data-equal-text": e.text });
      line.append(node("tspan", { class: "rnn-d-code" }, code));
      line.append(node("tspan", wrap ? { x: 22, dy: FONT + 4 } : {}, (wrap ? "" : "  ") + meaning));
      legend.append(line);
      marks.push([2, y, number]);
      y += (FONT + 8) * (wrap ? 2 : 1);
    }
    for (const [bx, by, number] of marks) {
      svg.append(node("circle", { cx: bx + 6, cy: by + 6, r: 7, class: "rnn-d-badge" }));
      svg.append(node("text", { x: bx + 6, y: by + 10, class: "rnn-d-badge-text", "text-anchor": "middle" }, String(number)));
    }
    svg.setAttribute("height", Math.ceil(y + 4));
    svg.setAttribute("viewBox", "0 0 " + width + " " + Math.ceil(y + 4));
    return svg;
  }

  // Redraw on width changes (phone rotation, sidebar), and draw the figures of the page.
  const figures = new Set();
  let resizeTimer = 0;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      for (const figure of figures) {
        const state = figure.rnnDiagram;
        if (state && Math.abs((figure.clientWidth || 0) - state.width) > 24) render(figure, state.model, state.T);
      }
    }, 150);
  });

  function renderTracked(figure, model, T) {
    figures.add(figure);
    render(figure, model, T);
  }

  window.RNNDiagram = { render: renderTracked, describe };

  function drawEmbedded() {
    for (const figure of document.querySelectorAll("figure.rnn-diagram")) {
      const data = figure.querySelector("script.rnn-diagram-data");
      if (!data) continue;
      const { model, texts } = JSON.parse(data.textContent);
      renderTracked(figure, model, texts);
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", drawEmbedded);
  else drawEmbedded();
})();
