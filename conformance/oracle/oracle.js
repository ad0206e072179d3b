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
//
// and every other "$op" key into the Op symbol, as the shared oracle does.
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
const { makeSequelize, buildAttrs, bindToJson, DIALECTS, Op, Sequelize } = require(path.resolve(harnessDir, 'harness.js'));

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

(async () => {
  for (const dialect of DIALECTS) {
    const s = makeSequelize(dialect, req.options || {});
    try {
      const models = {};
      for (const [name, def] of Object.entries(req.models)) {
        models[name] = s.define(name, buildAttrs(def.attributes), convert(def.options || {}, s, false));
      }
      const M = models[req.model];
      await M[req.method](...convert(req.args || [], s, false));
      console.log(JSON.stringify({ dialect, statements: s.__rec.map(r => ({ sql: r.sql, bind: bindToJson(r.bind) })) }));
    } catch (e) {
      console.log(JSON.stringify({ dialect, error: String(e && e.message || e) }));
    }
  }
})();
