'use strict';
// Sequelj's wrapper around the shared Sequelize oracle harness: prints, for every dialect, the
// statements Sequelize 6 would send for one call, as JSON lines ({"dialect", "statements"} or
// {"dialect", "error"}), exactly as the shared oracle.js does, but also turns the JSON forms of
// Sequelize's helpers into the helpers themselves:
//
//   {"$fn": "COUNT", "args": [...]}       -> Sequelize.fn('COUNT', ...args)
//   {"$col": "age"}                       -> Sequelize.col('age')   (outside where/having, where it
//                                             stays Op.col, as the shared oracle reads it)
//   {"$literal": "1 + 1"}                 -> Sequelize.literal('1 + 1')
//   {"$cast": <value>, "type": "INTEGER"} -> Sequelize.cast(value, 'INTEGER')
//   {"$random": true}                     -> sequelize.random()      (per dialect: RANDOM(), RAND(), NEWID())
//   {"$where": <lhs>, "logic": <cond>}    -> Sequelize.where(lhs, cond)
//   {"$where": <lhs>, "comparator": ">", "logic": <value>} -> Sequelize.where(lhs, '>', value)
//   "defaultValue": {"$literal": "CURRENT_TIMESTAMP"} in an attribute -> Sequelize.literal(...)
//
// and every other "$op" key into the Op symbol, as the shared oracle does.
//
// A method named "queryInterface.<name>" calls sequelize.getQueryInterface().<name>(...), its
// attribute arguments built as the harness builds a model's. Where Sequelize's query generator cannot
// answer such a call from the request alone, the line says so instead of recording statements:
// {"dialect", "unanswered": "<why>"}. That is the case when the call reads the database first
// (describeTable, an index or constraint listing: the recorder's empty answer would make everything
// after it fiction, including a refusal made from it), or when the request cannot be said to
// Sequelize at all (no such method, no column, a type DataTypes does not have). Golden files then
// hold no Sequelize statements for that dialect. A refusal Sequelize makes from the request alone is
// recorded as {"dialect", "error"}, as for model methods.
//
// Usage: node oracle.js <directory of the shared harness.js, with npm install done> [request.json | -]
// The harness directory may also be given as SEQUELIZE_ORACLE in the environment.
const fs = require('fs');
const path = require('path');

const harnessDir = process.argv[2] || process.env.SEQUELIZE_ORACLE;
if (!harnessDir) {
  console.error('usage: node oracle.js <harness directory> [request.json | -]');
  process.exit(2);
}
const { makeSequelize, buildAttrs, bindToJson, DIALECTS, Op, QueryTypes, Sequelize } = require(path.resolve(harnessDir, 'harness.js'));

const file = process.argv[3] || '-';
const req = JSON.parse(fs.readFileSync(file === '-' ? 0 : file, 'utf8'));

/** A malformed helper form: reported per dialect like any other refusal. */
class RequestShapeError extends Error {}

function exactKeys(v, required, optional, form) {
  for (const k of required) {
    if (!(k in v)) throw new RequestShapeError(`${form} needs "${k}": ${JSON.stringify(v)}`);
  }
  for (const k of Object.keys(v)) {
    if (!required.includes(k) && !optional.includes(k)) {
      throw new RequestShapeError(`${form} takes only ${required.concat(optional).join(', ')}; got "${k}": ${JSON.stringify(v)}`);
    }
  }
}

/**
 * Converts one JSON value. `inWhere` is true under a `where` or `having` key, where a lone
 * {"$col": ...} is Op.col (an operator on an attribute), as the shared oracle reads it.
 */
function convert(v, s, inWhere) {
  if (Array.isArray(v)) return v.map(x => convert(x, s, inWhere));
  if (v === null || typeof v !== 'object') return v;
  if ('$fn' in v) {
    exactKeys(v, ['$fn'], ['args'], '$fn');
    if (v.args !== undefined && !Array.isArray(v.args)) throw new RequestShapeError('$fn args must be an array');
    return Sequelize.fn(v.$fn, ...(v.args || []).map(a => convert(a, s, false)));
  }
  if ('$literal' in v) {
    exactKeys(v, ['$literal'], [], '$literal');
    return Sequelize.literal(v.$literal);
  }
  if ('$cast' in v) {
    exactKeys(v, ['$cast', 'type'], [], '$cast');
    return Sequelize.cast(convert(v.$cast, s, false), v.type);
  }
  if ('$random' in v) {
    exactKeys(v, ['$random'], [], '$random');
    return s.random();
  }
  if ('$where' in v) {
    exactKeys(v, ['$where', 'logic'], ['comparator'], '$where');
    const lhs = convert(v.$where, s, false);
    return 'comparator' in v
      ? Sequelize.where(lhs, v.comparator, convert(v.logic, s, true))
      : Sequelize.where(lhs, convert(v.logic, s, true));
  }
  if ('$col' in v && !inWhere) {
    exactKeys(v, ['$col'], [], '$col');
    return Sequelize.col(v.$col);
  }
  const out = {};
  for (const [k, x] of Object.entries(v)) {
    const nested = inWhere || k === 'where' || k === 'having';
    if (k.startsWith('$') && Op[k.slice(1)]) out[Op[k.slice(1)]] = convert(x, s, nested);
    else out[k] = convert(x, s, nested);
  }
  return out;
}

/**
 * Attributes with {"defaultValue": {"$literal": "..."}} turned into Sequelize.literal(...), which the
 * harness's buildAttrs keeps as it is (it reads only {"$fn": ...} defaults itself).
 */
function literalDefaults(attributes) {
  const out = {};
  for (const [name, spec] of Object.entries(attributes)) {
    const literal = spec && typeof spec === 'object' && spec.defaultValue && typeof spec.defaultValue === 'object'
      && '$literal' in spec.defaultValue;
    out[name] = literal ? Object.assign({}, spec, { defaultValue: Sequelize.literal(spec.defaultValue.$literal) }) : spec;
  }
  return out;
}

const QUERY_INTERFACE = 'queryInterface.';
/** Query types whose answer comes from the database; the recorder's answer to them is empty. */
const READS = new Set([QueryTypes.SELECT, QueryTypes.DESCRIBE, QueryTypes.SHOWINDEXES, QueryTypes.SHOWTABLES,
  QueryTypes.FOREIGNKEYS, QueryTypes.SHOWCONSTRAINTS]);
/** Statements that only read, whatever type they were sent with (constraint lookups go out as RAW). */
const READING_SQL = /^\s*(SELECT|SHOW|PRAGMA|DESCRIBE)\b/i;

/** Not a refusal by Sequelize: the request cannot be answered without a database. */
class Unanswered extends Error {}

/** A column given to the query interface: a type spec ("INTEGER") or attribute options, built as in a model. */
function column(spec) {
  if (spec === undefined) throw new Unanswered('no column given');
  const built = buildAttrs({ column: spec }).column;
  const type = built && typeof built === 'object' && 'type' in built ? built.type : built;
  if (type === undefined) throw new Unanswered(`no DataTypes.${typeof spec === 'string' ? spec : spec.type}`);
  return built;
}

async function callQueryInterface(s, name, args) {
  const qi = s.getQueryInterface();
  if (typeof qi[name] !== 'function') throw new Unanswered(`QueryInterface has no method ${name}`);
  const converted = args.map((a, i) =>
    (name === 'addColumn' || name === 'changeColumn') && i === 2 ? column(a) : convert(a, s, false));
  let failure = null;
  try {
    await qi[name](...converted);
  } catch (e) {
    failure = e;
  }
  // A read comes first: whatever followed it, statements or a refusal, rests on the recorder's empty answer.
  const read = s.__rec.find(r => READS.has(r.type) || READING_SQL.test(r.sql));
  if (read) throw new Unanswered(`reads the database first: ${read.sql}`);
  if (failure) throw failure;
}

(async () => {
  for (const dialect of DIALECTS) {
    const s = makeSequelize(dialect, req.options || {});
    try {
      const models = {};
      for (const [name, def] of Object.entries(req.models)) {
        models[name] = s.define(name, buildAttrs(literalDefaults(def.attributes)), convert(def.options || {}, s, false));
      }
      if (req.method.startsWith(QUERY_INTERFACE)) {
        await callQueryInterface(s, req.method.slice(QUERY_INTERFACE.length), req.args || []);
      } else {
        const M = models[req.model];
        await M[req.method](...convert(req.args || [], s, false));
      }
      console.log(JSON.stringify({ dialect, statements: s.__rec.map(r => ({ sql: r.sql, bind: bindToJson(r.bind) })) }));
    } catch (e) {
      const message = String(e && e.message || e);
      console.log(JSON.stringify(e instanceof Unanswered ? { dialect, unanswered: message } : { dialect, error: message }));
    }
  }
})();
