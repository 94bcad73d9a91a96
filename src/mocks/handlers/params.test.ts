import { parseFormParams, type ParamSchema } from './params';
import { parseJsonParams } from './params-json';
import { readParams } from './read-params';
import { BACKUP_TYPE, DATASTORE, bool, int, opt, req, str } from './schemas';

const schema: ParamSchema = {
  store: req(DATASTORE),
  'backup-type': opt(BACKUP_TYPE),
  limit: opt(int(0)),
  verbose: opt(bool),
  delete: opt({ type: 'array', items: str({ enum: ['comment', 'gc-schedule'] }) }),
};

describe('parameter verification', () => {
  it('reports parameter errors in request order, then missing ones sorted by name', () => {
    expect(() =>
      parseFormParams(schema, [
        ['limit', '-1'],
        ['x', '1'],
        ['backup-type', 'lxc'],
      ]),
    ).toThrow(
      "parameter verification failed:\n- 'limit': value must have a minimum value of 0 (got -1)\n" +
        "- 'x': schema does not allow additional properties.\n- 'backup-type': value 'lxc' is not defined in the enumeration.",
    );
    expect(() => parseFormParams({ b: req(str()), a: req(str()) }, [])).toThrow(
      "parameter verification failed:\n- 'a': parameter is missing and it is not optional.\n- 'b': parameter is missing and it is not optional.",
    );
  });

  it("checks integers, string lengths and duplicates with Rust's and proxmox-schema's texts", () => {
    expect(() => parseFormParams(schema, [['store', 'ab']])).toThrow(
      "'store': value must be at least 3 characters long",
    );
    expect(() =>
      parseFormParams(schema, [
        ['store', 's1x'],
        ['limit', '1.5'],
      ]),
    ).toThrow("'limit': invalid digit found in string");
    expect(() =>
      parseFormParams(schema, [
        ['store', 's1x'],
        ['limit', ''],
      ]),
    ).toThrow('cannot parse integer from empty string');
    expect(() =>
      parseFormParams(schema, [
        ['store', 's1x'],
        ['store', 's2x'],
      ]),
    ).toThrow("'store': duplicate parameter.");
  });

  it('collects repeated keys into arrays and never splits commas', () => {
    expect(
      parseFormParams(schema, [
        ['store', 'abc'],
        ['delete', 'comment'],
        ['delete', 'gc-schedule'],
      ]),
    ).toEqual({
      store: 'abc',
      delete: ['comment', 'gc-schedule'],
    });
    expect(() =>
      parseFormParams(schema, [
        ['store', 'abc'],
        ['delete', 'comment,gc-schedule'],
      ]),
    ).toThrow("value 'comment,gc-schedule' is not defined in the enumeration.");
  });

  it("verifies JSON bodies by type, without the form parser's periods", () => {
    expect(parseJsonParams(schema, { verbose: true, delete: ['comment'] }, { store: 'abc' })).toEqual({
      store: 'abc',
      verbose: true,
      delete: ['comment'],
    });
    expect(() => parseJsonParams(schema, { verbose: 'yes', zzz: 1 }, {})).toThrow(
      "parameter verification failed:\n- 'verbose': Expected boolean value.\n" +
        "- 'zzz': schema does not allow additional properties\n- 'store': property is missing and it is not optional",
    );
    expect(() => parseJsonParams(schema, { delete: ['nope'] }, { store: 'abc' })).toThrow(
      "'delete/[0]': value 'nope' is not defined in the enumeration.",
    );
  });

  it('reads form bodies with the query, skips _dc, ignores the query under JSON, refuses other types', async () => {
    const form = new Request('http://x/y?limit=5&_dc=123', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'verbose=on',
    });
    expect(await readParams(form, schema, { store: 'abc' })).toEqual({ verbose: true, limit: 5, store: 'abc' });
    const json = new Request('http://x/y?limit=5', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: '{"verbose":false}',
    });
    expect(await readParams(json, schema, { store: 'abc' })).toEqual({ verbose: false, store: 'abc' });
    const text = new Request('http://x/y', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'a' });
    await expect(readParams(text, schema, { store: 'abc' })).rejects.toThrow(
      'unsupported content type Ok("text/plain")',
    );
  });
});
