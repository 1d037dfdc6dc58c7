'use strict';
// A small HTTP API (loopback only) that makes the strict CSMS send CSMS-initiated calls, so DerSim's Http CSMS
// driver can drive a CSMS it did not write. The payloads are built here, from the CSMS's own idea of each
// version, not copied from DerSim.
//
//   POST /stations/:id/charging-limit   {"evseId":1,"limitW":50000,"purpose":"TxProfile","transactionId":"..."}
//   POST /stations/:id/remote-start     {"evseId":1,"idTag":"04A1B2C3","idTagType":"ISO14443"}
//   POST /stations/:id/reset            {"type":"Soft"|"Hard"}   (2.x: Soft = OnIdle, Hard = Immediate; those names work too;
//                                        2.1 also ImmediateAndResume)
//   POST /stations/:id/trigger          {"message":"StatusNotification","evseId":1?}
//   POST /stations/:id/availability     {"evseId":1,"operative":false,"connectorId":""}   (connectorId "" = the whole EVSE)
//   POST /stations/:id/composite-schedule {"evseId":1,"durationSeconds":3600,"chargingRateUnit":"A"}   (W when not A)
//   POST /stations/:id/clear-profiles   a ClearChargingProfile request of the station's version, forwarded as given
//   2.1 only (404 on other versions):
//   POST /stations/:id/allowed-energy-transfer {"transactionId":"...","modes":"DC_BPT,DC"}
//   POST /stations/:id/v2x-profile      {"evseId":1,"transactionId":"...","operationMode":"CentralSetpoint",
//                                        "setpointW":"-20000","limitW":"","dischargeLimitW":""}  ("" = absent)
//   POST /stations/:id/v2x-curve-profile a SetChargingProfile request whose period carries v2xFreqWattCurve
//                                        (LocalFrequency) or v2xSignalWattCurve (CentralFrequency), forwarded as given
//   POST /stations/:id/afrr-signal      an AFRRSignal request ({"timestamp":"...","signal":-50}), forwarded as given
//   POST /stations/:id/der-control      a SetDERControl request, forwarded as given (strict mode validates it)
//   POST /stations/:id/der-control-get  {"controlType":"","controlId":"","isDefault":""}     ("" = absent)
//   POST /stations/:id/der-control-clear {"controlType":"","controlId":"","isDefault":"true"}
//   POST /api/octt/:version/:id/:action  the per-action trigger endpoint some CSMSes expose for public test tools
//                                        (DerSim's drivers/octt.json): the body is the OCPP request, sent as given
//                                        (strict mode validates it); :action is the OCPP action in kebab case
//                                        (update-firmware → UpdateFirmware); 409 when :version is not the station's.
// Answers 202 once the call is sent (the station's answer arrives later), 404 for an unknown station.

const http = require('http');

let requestIds = 0;

function build(kind, protocol, body) {
    const v16 = protocol === 'ocpp1.6';
    switch (kind) {
        case 'charging-limit': {
            const tx = body.purpose === 'TxProfile' && body.transactionId != null ? body.transactionId : undefined;
            const schedule = { chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: Number(body.limitW) }] };
            const id = 900 + (++requestIds);
            return v16
                ? ['SetChargingProfile', { connectorId: Number(body.evseId), csChargingProfiles: {
                    chargingProfileId: id, stackLevel: 1, chargingProfilePurpose: body.purpose, chargingProfileKind: 'Relative',
                    ...(tx !== undefined ? { transactionId: Number(tx) } : {}), chargingSchedule: schedule } }]
                : ['SetChargingProfile', { evseId: Number(body.evseId), chargingProfile: {
                    id, stackLevel: 1, chargingProfilePurpose: body.purpose, chargingProfileKind: 'Relative',
                    ...(tx !== undefined ? { transactionId: String(tx) } : {}), chargingSchedule: [{ id: 1, ...schedule }] } }];
        }
        case 'composite-schedule': {
            const unit = body.chargingRateUnit === 'A' ? 'A' : 'W';
            return v16
                ? ['GetCompositeSchedule', { connectorId: Number(body.evseId), duration: Number(body.durationSeconds), chargingRateUnit: unit }]
                : ['GetCompositeSchedule', { evseId: Number(body.evseId), duration: Number(body.durationSeconds), chargingRateUnit: unit }];
        }
        case 'clear-profiles':
            return ['ClearChargingProfile', body];
        case 'remote-start':
            return v16
                ? ['RemoteStartTransaction', { connectorId: Number(body.evseId), idTag: body.idTag,
                    // 1.6: a TxProfile for the transaction it starts, without a transactionId (none exists yet).
                    ...(given(body.txProfileLimitW) ? { chargingProfile: {
                        chargingProfileId: 900 + (++requestIds), stackLevel: 0, chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Relative',
                        chargingSchedule: { chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: Number(body.txProfileLimitW) }] } } } : {}) }]
                : ['RequestStartTransaction', { evseId: Number(body.evseId), remoteStartId: ++requestIds, idToken: { idToken: body.idTag, type: body.idTagType || 'ISO14443' },
                    // A TxProfile for the transaction it starts: no transactionId, it does not exist yet (F01.FR.11).
                    ...(given(body.txProfileLimitW) ? { chargingProfile: {
                        id: 900 + (++requestIds), stackLevel: 0, chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Relative',
                        chargingSchedule: [{ id: 1, chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: Number(body.txProfileLimitW) }] }] } } : {}) }];
        case 'reset':
            return v16
                ? ['Reset', { type: body.type === 'Hard' ? 'Hard' : 'Soft' }]
                : ['Reset', { type: body.type === 'Hard' || body.type === 'Immediate' ? 'Immediate' : body.type === 'ImmediateAndResume' ? 'ImmediateAndResume' : 'OnIdle' }];
        case 'trigger':
            return v16
                ? ['TriggerMessage', { requestedMessage: body.message, ...(body.evseId ? { connectorId: Number(body.evseId) } : {}) }]
                : ['TriggerMessage', { requestedMessage: body.message, ...(body.evseId ? { evse: { id: Number(body.evseId) } } : {}) }];
        case 'availability': {
            const status = body.operative ? 'Operative' : 'Inoperative';
            return v16
                ? ['ChangeAvailability', { connectorId: Number(body.evseId ?? 0), type: status }]
                : ['ChangeAvailability', { operationalStatus: status, ...(body.evseId ? { evse: { id: Number(body.evseId), ...numberIf('connectorId', body.connectorId) } } : {}) }];
        }
        default:
            return protocol === 'ocpp2.1' ? buildV21(kind, body) : null;
    }
}

// Text fields of a template: "" means absent.
const given = value => value !== undefined && value !== null && value !== '';
const numberIf = (name, value) => (given(value) ? { [name]: Number(value) } : {});
const textIf = (name, value) => (given(value) ? { [name]: String(value) } : {});

function buildV21(kind, body) {
    switch (kind) {
        case 'allowed-energy-transfer':
            return ['NotifyAllowedEnergyTransfer', {
                transactionId: String(body.transactionId),
                allowedEnergyTransfer: String(body.modes).split(',').map(m => m.trim()).filter(m => m),
            }];
        case 'v2x-profile': {
            // One id per EVSE: a later V2X profile replaces the earlier one instead of clashing with it.
            const id = 800 + Number(body.evseId);
            return ['SetChargingProfile', { evseId: Number(body.evseId), chargingProfile: {
                id, stackLevel: 1, chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Relative',
                transactionId: String(body.transactionId),
                chargingSchedule: [{ id: 1, chargingRateUnit: 'W', chargingSchedulePeriod: [{
                    startPeriod: 0,
                    ...numberIf('limit', body.limitW),
                    ...numberIf('dischargeLimit', body.dischargeLimitW),
                    ...numberIf('setpoint', body.setpointW),
                    operationMode: body.operationMode,
                }] }] } }];
        }
        case 'v2x-curve-profile':
            // Curves are lists the caller has already shaped; rebuilding them here would only re-spell its points.
            return ['SetChargingProfile', body];
        case 'afrr-signal':
            return ['AFRRSignal', body];
        case 'der-control':
            return ['SetDERControl', body];
        case 'der-control-get':
            return ['GetDERControl', {
                requestId: ++requestIds,
                ...(given(body.isDefault) ? { isDefault: body.isDefault === 'true' || body.isDefault === true } : {}),
                ...textIf('controlType', body.controlType),
                ...textIf('controlId', body.controlId),
            }];
        case 'der-control-clear':
            return ['ClearDERControl', {
                isDefault: body.isDefault === 'true' || body.isDefault === true,
                ...textIf('controlType', body.controlType),
                ...textIf('controlId', body.controlId),
            }];
        default:
            return null;
    }
}

const VERSIONS = { '1.6': 'ocpp1.6', '2.0.1': 'ocpp2.0.1', '2.1': 'ocpp2.1' };

// update-firmware → UpdateFirmware; set-der-control → SetDERControl (OCPP's upper-case abbreviations kept).
function pascal(kebab) {
    const name = kebab.split('-').map(w => w.charAt(0).toUpperCase() + w.slice(1)).join('');
    return name.replace(/Der(?=Control)/, 'DER').replace(/^Afrr/, 'AFRR').replace(/Ev(?=[A-Z])/g, 'EV');
}

function startHttpApi(port, clients, emit) {
    const server = http.createServer((req, res) => {
        const octt = /^\/api\/octt\/([^/]+)\/([^/]+)\/([a-z0-9-]+)$/.exec(req.url ?? '');
        const match = octt ? [octt[0], octt[2], octt[3]] : /^\/stations\/([^/]+)\/([a-z0-9-]+)$/.exec(req.url ?? '');
        let text = '';
        req.on('data', chunk => { text += chunk; });
        req.on('end', () => {
            const reply = (status, body) => {
                res.writeHead(status, { 'content-type': 'application/json' });
                res.end(JSON.stringify(body));
            };
            if (req.method !== 'POST' || !match) {
                return reply(404, { error: 'unknown endpoint' });
            }
            const identity = decodeURIComponent(match[1]);
            const client = clients.get(identity);
            if (!client) {
                return reply(404, { error: `station ${identity} is not connected` });
            }
            let body;
            try {
                body = text ? JSON.parse(text) : {};
            } catch (error) {
                return reply(400, { error: `body is not JSON: ${error.message}` });
            }
            if (octt && VERSIONS[decodeURIComponent(octt[1])] !== client.protocol) {
                return reply(409, { error: `station ${identity} speaks ${client.protocol}, not OCPP ${decodeURIComponent(octt[1])}` });
            }
            const call = octt ? [pascal(match[2]), body] : build(match[2], client.protocol, body);
            if (!call) {
                return reply(404, { error: `unknown action ${match[2]}` });
            }
            emit({ event: 'apiRequest', identity, endpoint: match[2], body });
            client.call(call[0], call[1]).catch(() => {
                // Timeouts, CALLERRORs and violations are emitted as events by the connection.
            });
            reply(202, { sent: call[0] });
        });
    });
    return new Promise(resolve => server.listen(port, '127.0.0.1', () => resolve(server)));
}

module.exports = { startHttpApi, build };
