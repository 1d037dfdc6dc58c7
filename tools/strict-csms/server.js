#!/usr/bin/env node
// Independent strict-schema CSMS used as a test peer (not product code).
// It is built on ocpp-rpc rather than on DerSim's own OCPP stack so that a bug
// shared by our station and our reference CSMS cannot hide itself.
//
// Usage: node tools/strict-csms/server.js [--port N] [--heartbeat-interval S] [--tx-profile-kw KW]
//                                        [--tx-profile-kind Relative|Absolute] [--self-check] [--api-port N]
//                                        [--scenario v2g] [--target FILE]
//   --scenario v2g (env STRICT_CSMS_SCENARIO): see v2g-scenario.js (2.1 V2G + DER acceptance exchange).
//   --api-port N (env STRICT_CSMS_API_PORT) also serves the HTTP API of http-api.js on 127.0.0.1:N (0: free port).
//   --target FILE (env DERSIM_TARGET) knows only the tokens of this DerSim target declaration (see tokens.js);
//   without it every token is accepted.
//   env STRICT_CSMS_PORT / STRICT_CSMS_HEARTBEAT_INTERVAL / STRICT_CSMS_TX_PROFILE_KW /
//   STRICT_CSMS_TX_PROFILE_KIND are used when the flags are absent.
//   --port 0 picks a free port. Output: one JSON object per line on stdout.
'use strict';

const { RPCServer, createRPCError } = require('ocpp-rpc');
const { buildStrictValidators, effectiveValidators } = require('./validators');
const { createHandlers } = require('./handlers');
const { txProfileRequest } = require('./tx-profile');
const { rememberTxProfile, txProfileToRestore } = require('./tx-resume');
const { startHttpApi } = require('./http-api');
const { startsV2g, runV2g } = require('./v2g-scenario');
const { loadTokens } = require('./tokens');

const SCENARIOS = ['v2g'];

function parseArgs(argv) {
    const options = {
        port: Number(process.env.STRICT_CSMS_PORT ?? 0),
        heartbeatInterval: Number(process.env.STRICT_CSMS_HEARTBEAT_INTERVAL ?? 10),
        txProfileKw: process.env.STRICT_CSMS_TX_PROFILE_KW ? Number(process.env.STRICT_CSMS_TX_PROFILE_KW) : null,
        txProfileKind: process.env.STRICT_CSMS_TX_PROFILE_KIND ?? 'Relative',
        selfCheck: false,
        apiPort: process.env.STRICT_CSMS_API_PORT ? Number(process.env.STRICT_CSMS_API_PORT) : null,
        scenario: process.env.STRICT_CSMS_SCENARIO ?? null,
        target: process.env.DERSIM_TARGET || null,
    };
    for (let i = 0; i < argv.length; i++) {
        const [flag, inline] = argv[i].split('=', 2);
        const value = () => inline ?? argv[++i];
        switch (flag) {
            case '--port': options.port = Number(value()); break;
            case '--heartbeat-interval': case '--interval': options.heartbeatInterval = Number(value()); break;
            case '--tx-profile-kw': options.txProfileKw = Number(value()); break;
            case '--tx-profile-kind': options.txProfileKind = value(); break;
            case '--self-check': options.selfCheck = true; break;
            case '--api-port': options.apiPort = Number(value()); break;
            case '--scenario': options.scenario = value(); break;
            case '--target': options.target = value(); break;
            default: throw new Error(`Unknown argument '${argv[i]}'`);
        }
    }
    if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
        throw new Error(`--port must be an integer 0..65535`);
    }
    if (!Number.isInteger(options.heartbeatInterval) || options.heartbeatInterval < 0) {
        throw new Error(`--heartbeat-interval must be a non-negative integer`);
    }
    if (options.txProfileKw !== null && !(Number.isFinite(options.txProfileKw) && options.txProfileKw >= 0)) {
        throw new Error(`--tx-profile-kw must be a number of kW, 0 or more`);
    }
    if (options.scenario !== null && !SCENARIOS.includes(options.scenario)) {
        throw new Error(`--scenario must be one of ${SCENARIOS.join(', ')}`);
    }
    if (!['Relative', 'Absolute'].includes(options.txProfileKind)) {
        throw new Error(`--tx-profile-kind must be Relative or Absolute`);
    }
    return options;
}

function emit(event) {
    process.stdout.write(JSON.stringify({ time: new Date().toISOString(), ...event }) + '\n');
}

function describeError(error) {
    return {
        code: error?.rpcErrorCode ?? error?.name ?? 'Error',
        message: error?.message ?? String(error),
        errors: error?.details?.errors?.map(e => ({
            keyword: e.keyword, instancePath: e.instancePath, message: e.message, params: e.params,
        })),
    };
}

const PROTOCOLS = ['ocpp1.6', 'ocpp2.0.1', 'ocpp2.1'];

function selfCheck(validators, handlers, heartbeatInterval) {
    // Every canned answer must itself pass the schema; otherwise the peer would
    // blame the station for the peer's own mistake.
    let failures = 0;
    for (const protocol of PROTOCOLS) {
        const validator = validators.find(v => v.subprotocol === protocol);
        const table = handlers(protocol, { heartbeatInterval });
        for (const [action, sample] of Object.entries(table.samples)) {
            const result = table.handlers[action]({ params: sample, method: action });
            try {
                validator.validate(`urn:${action}.conf`, result);
                emit({ event: 'selfCheck', protocol, action, ok: true });
            } catch (error) {
                failures++;
                emit({ event: 'selfCheck', protocol, action, ok: false, error: describeError(error) });
            }
        }
    }
    return failures;
}

async function main() {
    const options = parseArgs(process.argv.slice(2));
    const validators = buildStrictValidators();
    const tokens = loadTokens(options.target);

    if (options.selfCheck) {
        process.exitCode = selfCheck(effectiveValidators(), createHandlers, options.heartbeatInterval) === 0 ? 0 : 1;
        return;
    }

    const server = new RPCServer({
        protocols: PROTOCOLS,
        strictMode: true,
        strictModeValidators: validators,
        respondWithDetailedErrors: true,
    });

    // OCPP-J (1.6 §3.1.2, 2.0.1 §3.2): a connection offering none of the subprotocols the server supports is not
    // upgraded. ocpp-rpc would upgrade it without a subprotocol; refuse it (HTTP 400) as a CSMS must.
    server.auth((accept, reject, handshake) => {
        if (![...handshake.protocols].some(p => PROTOCOLS.includes(p))) {
            emit({ event: 'refused', identity: handshake.identity, reason: `no supported subprotocol offered (${[...handshake.protocols].join(',') || 'none'})` });
            reject(400, 'No supported OCPP subprotocol');
            return;
        }
        accept();
    });

    const clients = new Map();
    server.on('client', client => {
        const identity = client.identity;
        const protocol = client.protocol;
        clients.set(identity, client);
        emit({ event: 'connected', identity, protocol });

        const table = createHandlers(protocol, { heartbeatInterval: options.heartbeatInterval, tokens });
        let txProfileIds = 0;

        // Events for the CSMS's own calls (SetChargingProfile) carry direction 'toStation' on the call and
        // 'fromStation' on the station's answer; the station's calls and our answers keep their old shape.
        client.on('call', ({ outbound, payload }) => {
            if (outbound) {
                table.sent(payload[2], payload[3]);
            }
            emit({
                event: 'call', identity, protocol, messageId: payload[1], action: payload[2], payload: payload[3],
                ...(outbound ? { direction: 'toStation' } : {}),
            });
            if (outbound) {
                rememberTxProfile(identity, payload[2], payload[3]);
            }
        });
        client.on('callResult', ({ outbound, messageId, method, params, result }) => {
            emit({ event: 'callResult', identity, protocol, messageId, action: method, result, ...(outbound ? { direction: 'fromStation' } : {}) });
            if (!outbound && options.scenario === 'v2g' && startsV2g(protocol, method, params)) {
                const profileId = ++txProfileIds;
                // As for the TxProfile below: the answer goes out right after this event.
                setImmediate(() => runV2g(client, params, profileId, emit));
            }
            const restore = outbound ? null : txProfileToRestore(identity, method, params);
            if (restore) {
                // After the answer, as below: the resumed transaction gets its TxProfile again (2.1 E17).
                setImmediate(() => client.call('SetChargingProfile', restore).catch(() => {}));
            }
            if (!outbound && options.txProfileKw !== null) {
                const request = txProfileRequest(protocol, method, params, result, options, ++txProfileIds);
                if (request) {
                    // The answer is sent right after this event: queue the call behind it.
                    setImmediate(() => client.call('SetChargingProfile', request).catch(() => {
                        // Timeouts, CALLERRORs and violations are already emitted as events.
                    }));
                }
            }
        });
        client.on('callError', ({ outbound, messageId, method, error }) => {
            emit({ event: 'callError', identity, protocol, messageId, action: method, error: describeError(error), ...(outbound ? { direction: 'fromStation' } : {}) });
        });
        client.on('strictValidationFailure', ({ messageId, method, outbound, isCall, error }) => {
            emit({
                event: 'violation',
                identity,
                protocol,
                messageId,
                action: method,
                direction: outbound ? 'toStation' : 'fromStation',
                kind: isCall ? 'request' : 'response',
                error: describeError(error),
            });
        });
        client.on('badMessage', ({ buffer, error, response }) => {
            emit({
                event: 'violation',
                identity,
                protocol,
                direction: 'fromStation',
                kind: 'frame',
                raw: buffer.toString('utf8'),
                error: describeError(error),
                response,
            });
        });
        client.on('close', ({ code, reason }) => {
            if (clients.get(identity) === client) {
                clients.delete(identity);
            }
            emit({ event: 'disconnected', identity, protocol, code, reason: reason?.toString() });
        });

        for (const [action, handler] of Object.entries(table.handlers)) {
            client.handle(action, handler);
        }
        // Only actions the version defines get here (validators.js answers the others NotImplemented):
        // OCPP-J's NotSupported, "recognized but not supported", also for one sent the wrong way.
        client.handle(({ method }) => {
            throw createRPCError('NotSupported', `Strict CSMS does not handle '${method}'`);
        });
    });

    server.on('error', error => emit({ event: 'error', error: describeError(error) }));

    const httpServer = await server.listen(options.port, '127.0.0.1');
    emit({ event: 'listening', port: httpServer.address().port });
    if (options.apiPort !== null) {
        const api = await startHttpApi(options.apiPort, clients, emit);
        emit({ event: 'apiListening', port: api.address().port });
    }

    const shutdown = async () => {
        await server.close({ code: 1001, reason: 'Server shutting down' });
        process.exit(0);
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
}

main().catch(error => {
    emit({ event: 'fatal', error: describeError(error) });
    process.exit(2);
});
