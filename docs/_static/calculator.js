/* rnn-guide shape calculator: the shape of every tensor and parameter of torch.nn's recurrent
 * modules, computed in the browser with rnn_guide's formulas (rnn_guide/shapes.py), refused
 * under exactly the conditions rnn_guide/config.py and torch refuse, with rnn_guide's own
 * message templates in the page's language.
 *
 * The templates, labels, query keys and defaults come from the page itself:
 * <script type="application/json" id="rnn-calculator-messages">, written at build time by
 * rnn_guide/sphinxext/calculator.py. The state lives in the URL query string (keys and reading
 * rules: rnn_guide/sweep.py). The build checks this file against several hundred real forward
 * passes (_static/calculator-sweep.json, tests/browser/test_calculator.py).
 *
 * No dependencies. Integers are BigInt, so any size prints exactly.
 */
(function () {
  "use strict";

  const root = document.getElementById("rnn-calculator");
  const dataElement = document.getElementById("rnn-calculator-messages");
  if (!root || !dataElement) return;
  const M = JSON.parse(dataElement.textContent);
  const page = root.dataset;

  const LAYER_ONLY = ["num_layers", "batch_first", "dropout", "bidirectional", "proj_size"];
  const INPUT_ONLY_LAYER = ["seq_len", "lengths", "enforce_sorted"]; // input keys cells refuse
  const ON_BY_DEFAULT = ["bias", "enforce_sorted"]; // checkboxes that start ticked, as in torch
  const TENSORS = ["input", "packed_data", "batch_sizes", "packed_output_data", "output", "h_n", "c_n"];
  const GATES = { LSTM: "i,f,g,o", GRU: "r,z,n" };
  const PARAMETER_LIMIT = 120; // rows shown before "... and N more"

  // ---------------------------------------------------------------------------------------
  // Python's spelling of values, as rnn_guide puts them in messages (repr) and torch_call().

  const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

  function pyStrRepr(s) {
    const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
    let out = quote;
    for (const ch of s) {
      const code = ch.codePointAt(0);
      if (ch === quote || ch === "\\") out += "\\" + ch;
      else if (ch === "\n") out += "\\n";
      else if (ch === "\r") out += "\\r";
      else if (ch === "\t") out += "\\t";
      else if (ch !== " " && NOT_PRINTABLE.test(ch)) {
        if (code <= 0xff) out += "\\x" + code.toString(16).padStart(2, "0");
        else if (code <= 0xffff) out += "\\u" + code.toString(16).padStart(4, "0");
        else out += "\\U" + code.toString(16).padStart(8, "0");
      } else out += ch;
    }
    return out + quote;
  }

  function pyFloatRepr(x) {
    if (Number.isNaN(x)) return "nan";
    if (x === Infinity) return "inf";
    if (x === -Infinity) return "-inf";
    if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
    const sign = x < 0 ? "-" : "";
    const [mantissa, exponent] = Math.abs(x).toExponential().split("e");
    const digits = mantissa.replace(".", "");
    const e = parseInt(exponent, 10);
    if (e >= -4 && e < 16) {
      if (e < 0) return sign + "0." + "0".repeat(-e - 1) + digits;
      const whole = digits.slice(0, e + 1).padEnd(e + 1, "0");
      const fraction = digits.slice(e + 1) || "0";
      return sign + whole + "." + fraction;
    }
    const rest = digits.length > 1 ? "." + digits.slice(1) : "";
    const exp = (e < 0 ? "-" : "+") + String(Math.abs(e)).padStart(2, "0");
    return sign + digits[0] + rest + "e" + exp;
  }

  /** repr() of a parsed value: {t: "int"|"float"|"str"|"bool", v}. */
  function pyRepr(value) {
    if (value.t === "int") return value.v.toString();
    if (value.t === "float") return pyFloatRepr(value.v);
    if (value.t === "bool") return value.v ? "True" : "False";
    return pyStrRepr(value.v);
  }

  function format(template, params) {
    return template.replace(/\{(\w+)\}/g, (whole, name) =>
      Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole
    );
  }

  function text(key, params) {
    return format(M.text[key], params || {});
  }

  /** A label as a heading: "module" -> "Module" (Korean is unchanged). */
  function cap(s) {
    return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
  }

  function shapeText(dims) {
    return "(" + dims.join(", ") + (dims.length === 1 ? ",)" : ")");
  }

  // ---------------------------------------------------------------------------------------
  // Reading a query (rnn_guide/sweep.py: query_arguments, parse_number, parse_flag).

  const INT = /^[+-]?[0-9]+$/;
  const FLOAT = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
  const SPECIAL_FLOAT = /^([+-]?)(nan|inf|infinity)$/i;

  function trim(s) {
    return s.replace(/^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g, "");
  }

  function parseNumber(raw) {
    if (INT.test(raw)) return { t: "int", v: BigInt(raw) };
    if (FLOAT.test(raw)) return { t: "float", v: Number(raw) };
    const special = SPECIAL_FLOAT.exec(raw);
    if (special) {
      const v = special[2].toLowerCase() === "nan" ? NaN : Infinity;
      return { t: "float", v: special[1] === "-" ? -v : v };
    }
    return { t: "str", v: raw };
  }

  function parseFlag(raw) {
    if (raw === "1") return { t: "bool", v: true };
    if (raw === "0") return { t: "bool", v: false };
    return { t: "str", v: raw };
  }

  /** The known keys of a query string, trimmed, without empty values. */
  function readQuery(search) {
    const params = new URLSearchParams(search);
    const query = {};
    for (const key of M.keys) {
      const value = params.get(key);
      if (value !== null && trim(value) !== "") query[key] = trim(value);
    }
    return query;
  }

  function isCellMode(mode) {
    return M.cell_modes.includes(mode);
  }

  function layerMode(mode) {
    return mode.replace(/Cell$/, "");
  }

  /** Keys that apply to a mode (rnn_guide.sweep.applicable_keys); all keys for an unknown one. */
  function applicableKeys(mode) {
    if (!M.modes.includes(mode)) return M.keys.slice();
    const cell = isCellMode(mode);
    return M.keys.filter(
      (key) =>
        !(
          ((LAYER_ONLY.includes(key) || INPUT_ONLY_LAYER.includes(key)) && cell) ||
          (key === "proj_size" && mode !== "LSTM") ||
          (key === "nonlinearity" && mode !== "RNN" && mode !== "RNNCell")
        )
    );
  }

  function queryArguments(query) {
    const mode = query.mode !== undefined ? query.mode : M.defaults.mode;
    const config = {};
    for (const key of ["input_size", "hidden_size"]) {
      config[key] = parseNumber(query[key] !== undefined ? query[key] : M.defaults[key]);
    }
    for (const key of ["num_layers", "bias", "batch_first", "dropout", "bidirectional", "proj_size"]) {
      if (query[key] === undefined) continue;
      const flag = key === "bias" || key === "batch_first" || key === "bidirectional";
      config[key] = flag ? parseFlag(query[key]) : parseNumber(query[key]);
    }
    if (query.nonlinearity !== undefined) config.nonlinearity = query.nonlinearity;
    const inputs = {};
    const unbatched = parseFlag(query.unbatched !== undefined ? query.unbatched : "0");
    if (unbatched.t === "str") inputs.unbatched = unbatched;
    else if (unbatched.v) inputs.batch = null;
    else inputs.batch = parseNumber(query.batch !== undefined ? query.batch : M.defaults.batch);
    if (query.seq_len !== undefined || !isCellMode(mode)) {
      inputs.seq_len = parseNumber(query.seq_len !== undefined ? query.seq_len : M.defaults.seq_len);
    }
    if (query.lengths !== undefined) inputs.lengths = query.lengths.split(",").map((n) => parseNumber(trim(n)));
    if (query.enforce_sorted !== undefined) inputs.enforce_sorted = parseFlag(query.enforce_sorted);
    return { mode, config, inputs };
  }

  // ---------------------------------------------------------------------------------------
  // Validation, in the order of RNNConfig.__post_init__, then the unbatched flag, InputSpec
  // and InputSpec.check_fits. Parameters are spelled as error_text spells them ("python").

  class Refusal extends Error {
    constructor(code, params) {
      super(code);
      this.code = code;
      this.params = params;
    }
    render() {
      const params = Object.assign({}, this.params);
      if (params.name !== undefined && M.labels[params.name] !== undefined) {
        params.label = M.labels[params.name];
      }
      return format(M.errors[this.code], params);
    }
  }

  function refuse(code, params) {
    return new Refusal(code, params || {});
  }

  function validate(args) {
    const { mode, config, inputs } = args;
    if (!M.modes.includes(mode)) throw refuse("mode_unknown", { value: pyStrRepr(mode) });
    const cell = isCellMode(mode);
    const layer = layerMode(mode);
    if (cell) {
      for (const name of LAYER_ONLY) {
        if (config[name] !== undefined) throw refuse("cell_arg", { mode, name, layer });
      }
    } else if (config.proj_size !== undefined && mode !== "LSTM") {
      throw refuse("proj_not_lstm", { mode, name: "proj_size" });
    }
    if (config.nonlinearity !== undefined) {
      if (mode !== "RNN" && mode !== "RNNCell") {
        throw refuse("nonlinearity_unsupported", { mode, name: "nonlinearity" });
      }
      if (config.nonlinearity !== "tanh" && config.nonlinearity !== "relu") {
        throw refuse("nonlinearity_unknown", { value: pyStrRepr(config.nonlinearity) });
      }
    }
    if (config.dropout !== undefined) {
      const d = config.dropout;
      const inRange =
        (d.t === "int" && d.v >= 0n && d.v <= 1n) || (d.t === "float" && d.v >= 0 && d.v <= 1);
      if (!inRange) {
        throw refuse("dropout_invalid", { name: "dropout", value: pyRepr(d), example: "dropout=0.2" });
      }
    }
    for (const name of ["bias", "batch_first", "bidirectional"]) {
      const value = config[name];
      if (value !== undefined && value.t !== "bool") {
        throw refuse("not_bool", { name, value: pyRepr(value) });
      }
    }
    for (const name of ["input_size", "hidden_size", "num_layers"]) {
      const value = config[name];
      if (value === undefined) continue;
      if (value.t !== "int") throw refuse("not_int", { name, value: pyRepr(value) });
      if (value.v <= 0n) throw refuse("not_positive", { name, value: pyRepr(value) });
    }
    if (config.proj_size !== undefined) {
      const p = config.proj_size;
      if (p.t !== "int") throw refuse("not_int", { name: "proj_size", value: pyRepr(p) });
      if (p.v < 0n) throw refuse("proj_negative", { name: "proj_size", value: pyRepr(p) });
      if (p.v >= config.hidden_size.v) {
        throw refuse("proj_too_large", {
          name: "proj_size",
          value: p.v.toString(),
          hidden_name: "hidden_size",
          hidden: config.hidden_size.v.toString(),
        });
      }
    }
    if (inputs.unbatched !== undefined) {
      throw refuse("not_bool", { name: "unbatched", value: pyRepr(inputs.unbatched) });
    }
    // InputSpec.__post_init__: the flag, the batch, seq_len, then the lengths.
    const enforce = inputs.enforce_sorted;
    if (enforce !== undefined && enforce.t !== "bool") {
      throw refuse("not_bool", { name: "enforce_sorted", value: pyRepr(enforce) });
    }
    const enforceSorted = enforce === undefined || enforce.v;
    const batch = inputs.batch;
    if (batch !== null) {
      if (batch.t !== "int") throw refuse("not_int", { name: "batch", value: pyRepr(batch) });
      if (batch.v < 0n) {
        throw refuse("batch_negative", { name: "batch", value: batch.v.toString(), unbatched: "batch=None" });
      }
    }
    const seqLen = inputs.seq_len;
    if (seqLen !== undefined) {
      if (seqLen.t !== "int") throw refuse("not_int", { name: "seq_len", value: pyRepr(seqLen) });
      if (seqLen.v < 1n) throw refuse("seq_len_positive", { name: "seq_len", value: seqLen.v.toString() });
    }
    const lengths = inputs.lengths === undefined ? null : checkLengths(inputs.lengths, batch, seqLen, enforceSorted);
    if (lengths === null && !enforceSorted) {
      throw refuse("enforce_sorted_without_lengths", { no_enforce: "enforce_sorted=False", lengths: "lengths" });
    }
    // InputSpec.check_fits: a cell takes one time step.
    if (cell && seqLen !== undefined) throw refuse("cell_input_arg", { mode, name: "seq_len", layer });
    if (cell && lengths !== null) throw refuse("cell_input_arg", { mode, name: "lengths", layer });
    const flag = (name) => config[name] !== undefined && config[name].v;
    const cfg = {
      mode,
      cell,
      layer,
      lstm: layer === "LSTM",
      inputSize: config.input_size.v,
      hidden: config.hidden_size.v,
      layers: config.num_layers !== undefined ? config.num_layers.v : 1n,
      directions: flag("bidirectional") ? 2n : 1n,
      batchFirst: Boolean(flag("batch_first")),
      proj: config.proj_size !== undefined ? config.proj_size.v : 0n,
      bias: config.bias === undefined || config.bias.v,
      dropout: config.dropout,
      config,
    };
    cfg.hOut = cfg.proj > 0n ? cfg.proj : cfg.hidden;
    cfg.gates = { LSTM: 4n, GRU: 3n }[layer] || 1n;
    const spec = {
      batch: batch === null ? null : batch.v,
      seqLen: seqLen ? seqLen.v : null,
      lengths,
      batchSizes: lengths === null ? null : batchSizes(lengths),
      enforceSorted,
    };
    return { cfg, spec };
  }

  /** InputSpec._check_lengths: the lengths as BigInts, or a refusal. */
  function checkLengths(raw, batch, seqLen, enforceSorted) {
    if (batch === null) throw refuse("lengths_unbatched", { lengths: "lengths", unbatched: "batch=None" });
    for (const n of raw) if (n.t !== "int") throw refuse("not_int", { name: "lengths", value: pyRepr(n) });
    const lengths = raw.map((n) => n.v); // never empty: an empty value means "not passed"
    if (BigInt(lengths.length) !== batch.v) {
      throw refuse("lengths_count", {
        lengths: "lengths",
        count: String(lengths.length),
        batch: batch.v.toString(),
        batch_name: "batch",
      });
    }
    const min = lengths.reduce((a, b) => (b < a ? b : a));
    const max = largest(lengths);
    if (min < 1n) throw refuse("length_positive", { lengths: "lengths", value: min.toString() });
    if (seqLen !== undefined && max > seqLen.v) {
      throw refuse("length_too_long", {
        lengths: "lengths",
        value: max.toString(),
        seq_len: "seq_len",
        limit: seqLen.v.toString(),
      });
    }
    if (enforceSorted && lengths.some((n, i) => i > 0 && n > lengths[i - 1])) {
      throw refuse("lengths_unsorted", {
        lengths: "lengths",
        value: "(" + lengths.join(", ") + (lengths.length === 1 ? ",)" : ")"),
        no_enforce: "enforce_sorted=False",
      });
    }
    return lengths;
  }

  function largest(values) {
    return values.reduce((a, b) => (b > a ? b : a));
  }

  /** The packed batch_sizes: how many sequences are longer than each time step. */
  function batchSizes(lengths) {
    const sizes = [];
    const steps = largest(lengths);
    for (let t = 0n; t < steps; t++) sizes.push(BigInt(lengths.filter((n) => n > t).length));
    return sizes;
  }

  /** rnn_guide.cli._short_list: every value, or the first eight and last three of a long list. */
  function shortList(values, wrap, sep) {
    if (values.length <= 12) return wrap.replace("{}", values.join(sep));
    const shown = wrap.replace("{}", [...values.slice(0, 8), "...", ...values.slice(-3)].join(sep));
    return text("n_values", { shown, count: values.length });
  }

  // ---------------------------------------------------------------------------------------
  // Shapes (rnn_guide/shapes.py: _symbol_values, _tensor_symbols, parameter_symbols, evaluate).

  function symbolValues(cfg, spec) {
    const values = new Map();
    if (spec.batch !== null) values.set("N", spec.batch);
    if (!cfg.cell) {
      values.set("L", spec.seqLen);
      values.set("D", cfg.directions);
      values.set("num_layers", cfg.layers);
    }
    values.set("H_in", cfg.inputSize);
    if (cfg.lstm) values.set("H_cell", cfg.hidden);
    if (cfg.proj > 0n) values.set("P", cfg.proj);
    values.set("H_out", cfg.hOut);
    if (spec.lengths) {
      values.set("sum(lengths)", spec.lengths.reduce((a, b) => a + b, 0n));
      values.set("max(lengths)", largest(spec.lengths));
    }
    return values;
  }

  function sym(...dims) {
    return "(" + dims.join(", ") + ")";
  }

  function tensorSymbols(cfg, spec) {
    const batch = spec.batch !== null ? ["N"] : [];
    const symbols = {};
    if (cfg.cell) {
      symbols.input = sym(...batch, "H_in");
      symbols.output = sym(...batch, "H_out");
      if (cfg.lstm) symbols.c_n = sym(...batch, "H_cell");
    } else {
      const time = spec.lengths ? "max(lengths)" : "L";
      const lead = cfg.batchFirst ? ["N", "L"] : ["L", "N"];
      const outLead = cfg.batchFirst ? ["N", time] : [time, "N"];
      symbols.input = batch.length ? sym(...lead, "H_in") : sym("L", "H_in");
      if (spec.lengths) {
        symbols.packed_data = sym("sum(lengths)", "H_in");
        symbols.batch_sizes = sym("max(lengths)");
        symbols.packed_output_data = sym("sum(lengths)", "D*H_out");
      }
      symbols.output = batch.length ? sym(...outLead, "D*H_out") : sym("L", "D*H_out");
      symbols.h_n = sym("D*num_layers", ...batch, "H_out");
      if (cfg.lstm) symbols.c_n = sym("D*num_layers", ...batch, "H_cell");
    }
    return symbols;
  }

  function parameterCount(cfg) {
    const perDirection = 2n + (cfg.bias ? 2n : 0n) + (cfg.proj > 0n ? 1n : 0n);
    return cfg.cell ? perDirection : cfg.layers * cfg.directions * perDirection;
  }

  /** The first `limit` parameters as [name, symbolic shape], in torch's registration order. */
  function parameterSymbols(cfg, limit) {
    const rows = cfg.lstm ? "H_cell" : "H_out";
    const gates = cfg.gates > 1n ? cfg.gates + "*" + rows : rows;
    const params = [];
    if (cfg.cell) {
      params.push(["weight_ih", sym(gates, "H_in")], ["weight_hh", sym(gates, "H_out")]);
      if (cfg.bias) params.push(["bias_ih", sym(gates)], ["bias_hh", sym(gates)]);
      return params;
    }
    for (let layer = 0n; layer < cfg.layers && params.length < limit; layer++) {
      for (const suffix of cfg.directions === 2n ? ["", "_reverse"] : [""]) {
        const tag = "_l" + layer + suffix;
        const layerInput = layer === 0n ? "H_in" : "D*H_out";
        params.push(["weight_ih" + tag, sym(gates, layerInput)], ["weight_hh" + tag, sym(gates, "H_out")]);
        if (cfg.bias) params.push(["bias_ih" + tag, sym(gates)], ["bias_hh" + tag, sym(gates)]);
        if (cfg.proj > 0n) params.push(["weight_hr" + tag, sym("P", "H_cell")]);
      }
    }
    return params.slice(0, limit);
  }

  function evaluate(symbolic, values) {
    return symbolic
      .slice(1, -1)
      .split(", ")
      .map((dim) =>
        dim
          .split("*")
          .reduce((size, factor) => size * (/^[0-9]+$/.test(factor) ? BigInt(factor) : values.get(factor)), 1n)
      );
  }

  // ---------------------------------------------------------------------------------------
  // Meanings, notes and code (rnn_guide/cli.py: _tensor_meaning, _parameter_meaning, _notes).

  function tensorMeaning(name, cfg, spec) {
    const bi = cfg.directions === 2n ? "_bi" : "";
    if (cfg.cell) {
      if (name === "input") return text(spec.batch !== null ? "m_cell_input" : "m_cell_input_unbatched");
      return text(name === "output" ? "m_cell_output" : "m_cell_c");
    }
    if (name === "input") {
      if (spec.lengths) return text("m_input_packed");
      if (spec.batch === null) return text("m_input_unbatched");
      return text(cfg.batchFirst ? "m_input_batch_first" : "m_input_time_first");
    }
    if (name === "batch_sizes") return text("m_batch_sizes", { values: shortList(spec.batchSizes, "[{}]", ", ") });
    if (name === "packed_data" || name === "packed_output_data") return text("m_" + name);
    if (name === "output" && spec.lengths) return text("m_output_packed");
    return text("m_" + name + bi);
  }

  function parameterMeaning(name, cfg) {
    const match = /^(weight|bias)_(ih|hh|hr)(?:_l\d+)?(_reverse)?$/.exec(name);
    if (!match) return "";
    const parts = [text("p_" + match[1] + "_" + match[2])];
    if (match[2] !== "hr" && GATES[cfg.layer]) parts.push(text("p_gates", { gates: GATES[cfg.layer] }));
    if (match[3]) parts.push(text("p_reverse"));
    return parts.join(", ");
  }

  function describeInput(cfg, spec) {
    let first;
    if (cfg.cell) {
      first = spec.batch !== null ? text("in_cell_batched", { n: spec.batch }) : text("in_cell_unbatched");
    } else if (spec.batch !== null) {
      first = text("in_batched", { n: spec.batch, l: spec.seqLen });
    } else {
      first = text("in_unbatched", { l: spec.seqLen });
    }
    const parts = [first];
    if (spec.lengths) {
      const sorted = spec.enforceSorted ? "True" : "False";
      parts.push(text("in_packed", { lengths: shortList(spec.lengths, "{}", ","), sorted }));
    }
    parts.push(text("in_h0_zeros", { names: cfg.lstm ? "(h_0, c_0)" : "h_0" }));
    return parts.join("; ");
  }

  function notes(cfg) {
    const d = cfg.dropout;
    if (cfg.cell || d === undefined || cfg.layers !== 1n) return [];
    if (!(d.t === "int" ? d.v > 0n : d.v > 0)) return [];
    const warning = format(M.torch_warnings.dropout, { dropout: pyRepr(d), num_layers: "1" });
    return [text("note_dropout", { warning })];
  }

  /** RNNConfig.torch_call(): nn.LSTM(10, 20, num_layers=2). */
  function torchCall(cfg) {
    const c = cfg.config;
    const args = [cfg.inputSize.toString(), cfg.hidden.toString()];
    for (const name of ["num_layers", "bias", "batch_first", "dropout", "bidirectional", "proj_size"]) {
      const value = c[name];
      if (value === undefined || (name === "bias" && value.v === true)) continue;
      args.push(name + "=" + pyRepr(value));
    }
    if (c.nonlinearity !== undefined) args.push("nonlinearity=" + pyStrRepr(c.nonlinearity));
    return "nn." + cfg.mode + "(" + args.join(", ") + ")";
  }

  function torchSize(dims) {
    return "torch.Size([" + dims.join(", ") + "])";
  }

  function snippet(cfg, spec, shapes, symbols) {
    const module = cfg.cell ? "cell" : cfg.mode.toLowerCase();
    const lines = ["import torch", "from torch import nn"];
    if (spec.lengths) lines.push("from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence");
    lines.push(
      "",
      module + " = " + torchCall(cfg),
      "x = torch.randn(" + shapes.input.join(", ") + ")  # " + symbols.input
    );
    const printShape = (variable, key) => "print(" + variable + ".shape)  # " + torchSize(shapes[key]);
    const state = cfg.lstm ? "(h_n, c_n)" : "h_n";
    if (spec.lengths) {
      const batchFirst = cfg.batchFirst ? ", batch_first=True" : "";
      const sorted = spec.enforceSorted ? "" : ", enforce_sorted=False";
      lines.push(
        "lengths = torch.tensor([" + spec.lengths.join(", ") + "])",
        "packed = pack_padded_sequence(x, lengths" + batchFirst + sorted + ")",
        printShape("packed.data", "packed_data"),
        "print(packed.batch_sizes.tolist())  # [" + spec.batchSizes.join(", ") + "]",
        "packed_output, " + state + " = " + module + "(packed)",
        printShape("packed_output.data", "packed_output_data"),
        "output, _ = pad_packed_sequence(packed_output" + batchFirst + ")",
        printShape("output", "output"),
        printShape("h_n", "h_n")
      );
      if (cfg.lstm) lines.push(printShape("c_n", "c_n"));
    } else if (cfg.cell) {
      const outputs = cfg.lstm ? [["h", "output"], ["c", "c_n"]] : [["h", "output"]];
      lines.push(outputs.map((o) => o[0]).join(", ") + " = " + module + "(x)");
      for (const [variable, key] of outputs) lines.push(printShape(variable, key));
    } else {
      lines.push("output, " + state + " = " + module + "(x)", printShape("output", "output"), printShape("h_n", "h_n"));
      if (cfg.lstm) lines.push(printShape("c_n", "c_n"));
    }
    lines.push(
      "",
      "for name, param in " + module + ".named_parameters():",
      "    print(name, tuple(param.shape))"
    );
    return lines.join("\n");
  }

  // ---------------------------------------------------------------------------------------
  // The diagram model (rnn_guide/diagram.py: diagram_model, equal_slices), drawn by
  // rnn-diagram.js, the one renderer of the site's tensor pictures.

  function axisRole(symbol) {
    if (symbol === "L" || symbol === "max(lengths)") return "time";
    if (symbol === "N") return "batch";
    if (symbol === "D*num_layers") return "stack";
    return "feature";
  }

  function sliceText(cfg, spec, direction, step) {
    const bi = cfg.directions === 2n;
    const features = bi ? (direction === 0 ? ":H_out" : "H_out:") : null;
    const [time, seq] = step === "lengths" ? ["lengths[n] - 1", "n"] : [step, ":"];
    const index = spec.batch === null ? [time] : cfg.batchFirst ? [seq, time] : [time, seq];
    if (features !== null) index.push(features);
    else if (index[index.length - 1] === ":") index.pop();
    const row = String(direction - Number(cfg.directions));
    return ["output[" + index.join(", ") + "]", step === "lengths" ? "h_n[" + row + ", n]" : "h_n[" + row + "]"];
  }

  function equalSlices(cfg, spec) {
    if (cfg.cell || spec.batch === 0n) return [];
    const slices = [];
    for (let direction = 0; direction < Number(cfg.directions); direction++) {
      const [step, meaning] =
        direction === 1 ? ["0", "eq_first"] : spec.lengths ? ["lengths", "eq_lengths"] : ["-1", "eq_last"];
      const [output, hN] = sliceText(cfg, spec, direction, step);
      slices.push({
        direction,
        step,
        output,
        h_n: hN,
        meaning,
        text: output + " = " + hN,
      });
    }
    return slices;
  }

  function diagramModel(cfg, spec, shapes, symbols) {
    const blocks = ["input", "output", "h_n", "c_n"]
      .filter((name) => symbols[name] !== undefined)
      .map((name) => ({
        name,
        symbols: symbols[name],
        axes: symbols[name]
          .slice(1, -1)
          .split(", ")
          .map((symbol, i) => ({ symbol, size: shapes[name][i].toString(), role: axisRole(symbol) })),
      }));
    return {
      call: torchCall(cfg),
      blocks,
      cell: cfg.cell,
      lstm: cfg.lstm,
      directions: cfg.cell ? 1 : Number(cfg.directions),
      layers: cfg.cell ? "1" : cfg.layers.toString(),
      batch_first: cfg.batchFirst && !cfg.cell && spec.batch !== null,
      batched: spec.batch !== null,
      h_out: cfg.hOut.toString(),
      h_cell: cfg.lstm ? cfg.hidden.toString() : null,
      proj: cfg.proj > 0n,
      lengths: spec.lengths ? spec.lengths.map(String) : null,
      batch_sizes: spec.batchSizes ? spec.batchSizes.map(String) : null,
      equal: equalSlices(cfg, spec),
    };
  }

  // ---------------------------------------------------------------------------------------
  // The page: a form built from the field list below, and the results.

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (value === false || value === null || value === undefined) continue;
      if (key === "className") node.className = value;
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }

  const controls = {};
  const fields = {};

  function textField(key, help, placeholder, inputmode) {
    const input = el("input", {
      id: "rnn-calc-" + key,
      name: key,
      type: "text",
      inputmode: inputmode || "numeric",
      autocomplete: "off",
      spellcheck: "false",
      placeholder,
      "aria-describedby": "rnn-calc-" + key + "-help",
    });
    controls[key] = input;
    return wrap(key, el("label", { for: input.id }, el("code", {}, key)), input, help);
  }

  function selectField(key, help, options) {
    const select = el("select", {
      id: "rnn-calc-" + key,
      name: key,
      "aria-describedby": "rnn-calc-" + key + "-help",
    });
    for (const [value, label] of options) select.append(el("option", { value }, label));
    controls[key] = select;
    return wrap(key, el("label", { for: select.id }, el("code", {}, key)), select, help);
  }

  function checkField(key, help) {
    const input = el("input", {
      id: "rnn-calc-" + key,
      name: key,
      type: "checkbox",
      "aria-describedby": "rnn-calc-" + key + "-help",
    });
    controls[key] = input;
    const field = wrap(key, el("label", { for: input.id }, input, " ", el("code", {}, key)), null, help);
    field.classList.add("rnn-calc-check");
    return field;
  }

  function wrap(key, label, control, help) {
    const field = el(
      "div",
      { className: "rnn-calc-field", "data-field": key },
      label,
      control,
      el("small", { id: "rnn-calc-" + key + "-help", className: "rnn-calc-help" }, help)
    );
    fields[key] = field;
    return field;
  }

  const form = el(
    "form",
    { className: "rnn-calc-form", "aria-label": page.formLabel, novalidate: true },
    el(
      "fieldset",
      {},
      el("legend", {}, cap(text("heading_module"))),
      el(
        "div",
        { className: "rnn-calc-grid" },
        selectField("mode", text("help_mode"), M.modes.map((mode) => [mode, mode])),
        textField("input_size", text("help_input_size"), M.defaults.input_size),
        textField("hidden_size", text("help_hidden_size"), M.defaults.hidden_size),
        textField("num_layers", text("help_num_layers"), "1"),
        textField("proj_size", text("help_proj_size"), "0"),
        textField("dropout", text("help_dropout"), "0", "decimal"),
        selectField("nonlinearity", text("help_nonlinearity"), [
          ["", "—"],
          ["tanh", "tanh"],
          ["relu", "relu"],
        ])
      ),
      el(
        "div",
        { className: "rnn-calc-grid rnn-calc-checks" },
        checkField("bias", page.biasHelp),
        checkField("batch_first", text("help_batch_first")),
        checkField("bidirectional", text("help_bidirectional"))
      )
    ),
    el(
      "fieldset",
      {},
      el("legend", {}, cap(text("heading_input"))),
      el(
        "div",
        { className: "rnn-calc-grid" },
        textField("batch", text("help_batch"), M.defaults.batch),
        checkField("unbatched", text("help_unbatched")),
        textField("seq_len", text("help_seq_len"), M.defaults.seq_len),
        textField("lengths", text("help_calc_lengths"), "5,3,2", "text"),
        checkField("enforce_sorted", text("help_enforce_sorted"))
      )
    ),
    el("p", { className: "rnn-calc-reset" }, el("a", { href: location.pathname }, page.reset))
  );
  form.addEventListener("submit", (event) => event.preventDefault());

  const errorMessage = el("p", { "data-error": "" });
  const errorBox = el(
    "div",
    { className: "rnn-calc-error", role: "alert", hidden: true },
    el("strong", { className: "rnn-calc-error-prefix" }, cap(text("error_prefix"))),
    errorMessage
  );
  const summary = el("dl"); // no class: furo indents the dd of a dl with one

  const noteBox = el("div", { className: "rnn-calc-notes" });
  const diagram = el("figure", { className: "rnn-diagram rnn-calc-diagram" });
  const tensorBody = el("tbody");
  const parameterBody = el("tbody");
  const code = el("code", { "data-snippet": "" });
  const copyButton = el("button", { type: "button", className: "rnn-calc-copy" }, page.copy);

  function table(head, body, className) {
    return el(
      "div",
      { className: "rnn-calc-table-wrap" },
      el(
        "table",
        { className: "rnn-calc-table " + className },
        el("thead", {}, el("tr", {}, ...head.map((key) => el("th", { scope: "col" }, cap(text(key)))))),
        body
      )
    );
  }

  const result = el(
    "div",
    { className: "rnn-calc-result" },
    el("div", { className: "rnn-calc-summary" }, summary),
    noteBox,
    el("h2", { className: "rnn-calc-heading" }, M.diagram.heading),
    diagram,
    el("h2", { className: "rnn-calc-heading" }, page.headingShapes),
    table(["col_tensor", "col_shape", "col_symbolic", "col_meaning"], tensorBody, "rnn-calc-tensors"),
    el("h2", { className: "rnn-calc-heading" }, cap(text("heading_parameters"))),
    table(
      ["col_parameter", "col_shape", "col_symbolic", "col_meaning"],
      parameterBody,
      "rnn-calc-parameters"
    ),
    el(
      "div",
      { className: "rnn-calc-code-head" },
      el("h2", { className: "rnn-calc-heading" }, page.headingCode),
      copyButton
    ),
    el("pre", { className: "rnn-calc-code" }, code)
  );
  const output = el("div", { className: "rnn-calc-output" }, errorBox, result);
  root.prepend(form, output);
  for (const node of root.querySelectorAll("[data-fill]")) {
    node.textContent = { sweep_size: String(M.sweep_size), torch: M.torch }[node.dataset.fill] || "";
  }

  function row(cells, attributes) {
    return el("tr", attributes || {}, ...cells.map((cell) => el("td", {}, cell)));
  }

  function renderResult(cfg, spec) {
    const values = symbolValues(cfg, spec);
    const symbols = tensorSymbols(cfg, spec);
    const shapes = {};
    for (const [name, symbolic] of Object.entries(symbols)) shapes[name] = evaluate(symbolic, values);

    summary.replaceChildren(
      el("dt", {}, cap(text("heading_module"))),
      el("dd", {}, el("code", { "data-call": "" }, torchCall(cfg))),
      el("dt", {}, cap(text("heading_input"))),
      el("dd", { "data-input": "" }, describeInput(cfg, spec)),
      el("dt", {}, cap(text("heading_symbols"))),
      el(
        "dd",
        {},
        el("code", { "data-symbol-values": "" }, Array.from(values, ([k, v]) => k + "=" + v).join(", "))
      )
    );
    noteBox.replaceChildren(
      ...notes(cfg).map((note) =>
        el(
          "p",
          { className: "rnn-calc-note", "data-note": "" },
          el("strong", {}, cap(text("note_prefix")) + ":"),
          " ",
          note
        )
      )
    );
    tensorBody.replaceChildren(
      ...TENSORS.filter((name) => symbols[name] !== undefined)
        .map((name) =>
          row(
            [
              el("code", {}, name),
              el("code", { "data-shape": name }, shapeText(shapes[name])),
              el("code", { "data-symbol": name }, symbols[name]),
              tensorMeaning(name, cfg, spec),
            ],
            { "data-tensor": name }
          )
        )
    );
    const count = parameterCount(cfg);
    const params = parameterSymbols(cfg, PARAMETER_LIMIT);
    const rows = params.map(([name, symbolic]) =>
      row(
        [
          el("code", {}, name),
          el("code", { "data-param-shape": "" }, shapeText(evaluate(symbolic, values))),
          el("code", {}, symbolic),
          parameterMeaning(name, cfg),
        ],
        { "data-param": name }
      )
    );
    if (count > BigInt(params.length)) {
      const more = el("td", { colspan: "4" }, format(page.more, { count: count - BigInt(params.length) }));
      rows.push(el("tr", { className: "rnn-calc-more" }, more));
    }
    parameterBody.replaceChildren(...rows);
    code.textContent = snippet(cfg, spec, shapes, symbols);
    window.RNNDiagram.render(diagram, diagramModel(cfg, spec, shapes, symbols), M.diagram);
  }

  let stray = new Set(); // keys from the URL that do not apply to its mode, shown until an edit

  function render(query) {
    try {
      const { cfg, spec } = validate(queryArguments(query));
      errorBox.hidden = true;
      errorMessage.textContent = "";
      errorMessage.setAttribute("data-error", "");
      result.hidden = false;
      renderResult(cfg, spec);
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      errorMessage.textContent = err.render();
      errorMessage.setAttribute("data-error", err.code);
      errorBox.hidden = false;
      result.hidden = true;
      for (const node of result.querySelectorAll("[data-shape]")) node.textContent = "";
      diagram.replaceChildren();
    }
  }

  function updateFields() {
    const mode = controls.mode.value;
    const keys = applicableKeys(mode);
    for (const [key, field] of Object.entries(fields)) {
      field.hidden = !keys.includes(key) && !stray.has(key);
      field.classList.toggle("is-stray", stray.has(key));
    }
    controls.batch.disabled = controls.unbatched.checked;
  }

  function setSelect(select, value) {
    for (const option of select.querySelectorAll("option[data-extra]")) option.remove();
    if (value !== "" && !Array.from(select.options).some((option) => option.value === value)) {
      select.append(el("option", { value, "data-extra": "" }, value));
    }
    select.value = value;
  }

  /** Show a query in the form (absent keys: the defaults, or empty for "not passed"). */
  function fillForm(query) {
    setSelect(controls.mode, query.mode !== undefined ? query.mode : M.defaults.mode);
    setSelect(controls.nonlinearity, query.nonlinearity !== undefined ? query.nonlinearity : "");
    const texts = ["input_size", "hidden_size", "num_layers", "proj_size", "dropout", "batch", "seq_len", "lengths"];
    for (const key of texts) {
      const value = query[key] !== undefined ? query[key] : M.defaults[key];
      controls[key].value = value !== undefined ? value : "";
    }
    for (const key of ["bias", "batch_first", "bidirectional", "unbatched", "enforce_sorted"]) {
      const raw = query[key];
      const box = controls[key];
      box.checked = ON_BY_DEFAULT.includes(key) ? raw !== "0" : raw === "1";
      if (raw === "0" || raw === "1") box.dataset.explicit = raw;
      else delete box.dataset.explicit;
    }
  }

  /** The query the form stands for: only keys that apply to its mode (a contract). */
  function readForm() {
    const mode = controls.mode.value;
    const keys = applicableKeys(mode);
    const query = { mode };
    for (const key of M.keys) {
      if (key === "mode" || !keys.includes(key)) continue;
      const control = controls[key];
      if (control.type === "checkbox") {
        const byDefault = ON_BY_DEFAULT.includes(key);
        if (control.checked !== byDefault) query[key] = control.checked ? "1" : "0";
        else if (control.dataset.explicit) query[key] = control.dataset.explicit;
      } else {
        const value = trim(control.value);
        if (value !== "") query[key] = value;
      }
    }
    if (query.unbatched === "1") delete query.batch;
    return query;
  }

  function writeUrl(query) {
    const params = new URLSearchParams();
    for (const key of M.keys) if (query[key] !== undefined) params.append(key, query[key]);
    const search = params.toString();
    history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
  }

  function loadFromUrl() {
    const query = readQuery(location.search);
    fillForm(query);
    const mode = query.mode !== undefined ? query.mode : M.defaults.mode;
    const keys = applicableKeys(mode);
    stray = new Set(Object.keys(query).filter((key) => !keys.includes(key)));
    if (query.unbatched === "1") stray.delete("batch");
    updateFields();
    render(query);
  }

  function onEdit(event) {
    if (event.target && event.target.type === "checkbox") delete event.target.dataset.explicit;
    stray = new Set();
    if (event.target === controls.mode) {
      for (const option of controls.mode.querySelectorAll("option[data-extra]")) option.remove();
    }
    updateFields();
    const query = readForm();
    render(query);
    writeUrl(query);
  }

  form.addEventListener("input", onEdit);
  form.addEventListener("change", onEdit);
  window.addEventListener("popstate", loadFromUrl);

  let copyTimer = 0;
  copyButton.addEventListener("click", async () => {
    const snippetText = code.textContent;
    let copied = false;
    try {
      await navigator.clipboard.writeText(snippetText);
      copied = true;
    } catch (err) {
      const area = el("textarea", { readonly: true, className: "rnn-calc-offscreen" });
      area.value = snippetText;
      document.body.append(area);
      area.select();
      try {
        copied = document.execCommand("copy");
      } catch (ignored) {
        copied = false;
      }
      area.remove();
    }
    copyButton.textContent = copied ? page.copied : page.copyFailed;
    clearTimeout(copyTimer);
    copyTimer = setTimeout(() => {
      copyButton.textContent = page.copy;
    }, 2000);
  });

  loadFromUrl();
  root.classList.add("is-ready");
})();
