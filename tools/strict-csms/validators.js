'use strict';
// ocpp-rpc looks schemas up as `urn:<Action>.req` / `urn:<Action>.conf`
// (lib/client.js), which matches its bundled 1.6 and 2.0.1 schema ids. Its
// bundled 2.1 schemas keep the official file names as ids
// (`urn:<Action>Request` / `urn:<Action>Response`), so the stock 2.1
// validator answers every call with "Schema ... is missing". We rebuild the
// 2.1 validator from the same bundled schemas with the ids remapped; ocpp-rpc
// puts our validators after its standard ones in a Map keyed by subprotocol,
// so ours wins.
const { createValidator } = require('ocpp-rpc');
const ocpp21Schemas = require('ocpp-rpc/lib/schemas/ocpp2_1.json');

function remapSchemaId(id) {
    const match = /^urn:(.+?)(Request|Response)?$/.exec(id);
    if (!match) {
        throw new Error(`Unexpected 2.1 schema id '${id}'`);
    }
    const [, action, suffix] = match;
    // NotifyPeriodicEventStream is a SEND (no response), so it carries no suffix.
    return `urn:${action}.${suffix === 'Response' ? 'conf' : 'req'}`;
}

function remapOcpp21Schemas(schemas) {
    const seen = new Set();
    return schemas.map(schema => {
        const $id = remapSchemaId(schema.$id);
        if (seen.has($id)) {
            throw new Error(`Duplicate 2.1 schema id after remapping: '${$id}'`);
        }
        seen.add($id);
        return { ...schema, $id };
    });
}

function buildStrictValidators() {
    return [createValidator('ocpp2.1', remapOcpp21Schemas(ocpp21Schemas))];
}

/** ocpp-rpc's standard validators with ours layered on top, as RPCServer resolves them. */
function effectiveValidators() {
    const bySubprotocol = new Map();
    for (const validator of [...require('ocpp-rpc/lib/standard-validators'), ...buildStrictValidators()]) {
        bySubprotocol.set(validator.subprotocol, validator);
    }
    return [...bySubprotocol.values()];
}

module.exports = { buildStrictValidators, effectiveValidators, remapOcpp21Schemas, remapSchemaId };
