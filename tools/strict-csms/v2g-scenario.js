'use strict';
// --scenario v2g: the acceptance exchange for OCPP 2.1 V2G and DER. Once a transaction starts
// (TransactionEvent eventType Started, answered), the CSMS sends, one after another and each after the
// previous answer:
//   1. NotifyAllowedEnergyTransfer [DC_BPT, DC] for that transaction
//   2. SetChargingProfile: TxProfile for its EVSE, one period from 0 with setpoint -20000 W and
//      operationMode CentralSetpoint
//   3. SetDERControl: default LimitMaxDischarge, pctMaxDischargePower 50
//   4. GetDERControl of every control
// Each step's answer is emitted as a `scenarioStep` line (plus the usual call/callResult/violation lines);
// `scenarioDone` ends it. Other protocols are left alone.

const SETPOINT_W = -20000;

function v2gRequests(params, profileId) {
    const transactionId = params.transactionInfo.transactionId;
    return [
        ['NotifyAllowedEnergyTransfer', { transactionId, allowedEnergyTransfer: ['DC_BPT', 'DC'] }],
        ['SetChargingProfile', {
            evseId: params.evse.id,
            chargingProfile: {
                id: profileId,
                stackLevel: 0,
                chargingProfilePurpose: 'TxProfile',
                chargingProfileKind: 'Relative',
                transactionId,
                chargingSchedule: [{
                    id: profileId,
                    chargingRateUnit: 'W',
                    chargingSchedulePeriod: [{ startPeriod: 0, setpoint: SETPOINT_W, operationMode: 'CentralSetpoint' }],
                }],
            },
        }],
        ['SetDERControl', {
            isDefault: true,
            controlId: 'lmd-1',
            controlType: 'LimitMaxDischarge',
            limitMaxDischarge: { priority: 1, pctMaxDischargePower: 50 },
        }],
        ['GetDERControl', { requestId: 1 }],
    ];
}

/** True when `method`/`params` is a 2.1 TransactionEvent Started naming its EVSE. */
function startsV2g(protocol, method, params) {
    return protocol === 'ocpp2.1' && method === 'TransactionEvent' && params?.eventType === 'Started'
        && Number.isInteger(params?.evse?.id) && params.evse.id >= 1;
}

async function runV2g(client, params, profileId, emit) {
    const identity = client.identity;
    for (const [action, request] of v2gRequests(params, profileId)) {
        try {
            const result = await client.call(action, request);
            emit({ event: 'scenarioStep', scenario: 'v2g', identity, action, status: result?.status ?? null, result });
        } catch (error) {
            // The callError / violation line is already out; note the step and go on so every step is tried.
            emit({ event: 'scenarioStep', scenario: 'v2g', identity, action, status: null, error: error?.message ?? String(error) });
        }
    }
    emit({ event: 'scenarioDone', scenario: 'v2g', identity });
}

module.exports = { v2gRequests, startsV2g, runV2g, SETPOINT_W };
