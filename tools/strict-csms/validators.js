'use strict';
// ocpp-rpc looks schemas up as `urn:<Action>.req` / `urn:<Action>.conf`
// (lib/client.js), which matches its bundled 1.6 and 2.0.1 schema ids. Its
// bundled 2.1 schemas keep the official file names as ids
// (`urn:<Action>Request` / `urn:<Action>Response`), so the stock 2.1
// validator answers every call with "Schema ... is missing". We rebuild the
// 2.1 validator from the same bundled schemas with the ids remapped; ocpp-rpc
// puts our validators after its standard ones in a Map keyed by subprotocol,
// so ours wins.
const { createValidator, createRPCError } = require('ocpp-rpc');
const ocpp16Schemas = require('ocpp-rpc/lib/schemas/ocpp1_6.json');
const ocpp201Schemas = require('ocpp-rpc/lib/schemas/ocpp2_0_1.json');
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

// OCPP-J (1.6 §4.2.3, 2.0.1 §4.3): an action the receiver does not know is
// NotImplemented; one it knows but does not support is NotSupported. ocpp-rpc
// validates a request before its (wildcard) handler runs and answers an action
// without a schema with ProtocolError, so an undefined action never reaches
// the wildcard handler in server.js; this wrapper answers it NotImplemented.
function unknownActionsNotImplemented(validator) {
    return {
        subprotocol: validator.subprotocol,
        validate(schemaId, params) {
            try {
                return validator.validate(schemaId, params);
            } catch (error) {
                const action = /^urn:(.+)\.req$/.exec(schemaId)?.[1];
                if (action && /is missing from subprotocol schema/.test(error.message)) {
                    throw createRPCError('NotImplemented', `${validator.subprotocol} defines no action '${action}'`);
                }
                throw error;
            }
        },
    };
}

function buildStrictValidators() {
    return [
        createValidator('ocpp1.6', ocpp16Schemas),
        createValidator('ocpp2.0.1', ocpp201Schemas),
        createValidator('ocpp2.1', remapOcpp21Schemas(ocpp21Schemas)),
    ].map(unknownActionsNotImplemented);
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
