'use strict';
// The SetChargingProfile the strict CSMS sends once a transaction starts
// (--tx-profile-kw): a TxProfile limiting that connector/EVSE to a fixed
// power, expressed in W, at stack level 0 with one period from the start.

/**
 * The request to send after answering `method`, or null when the exchange
 * did not start a transaction.
 * 1.6: after StartTransaction, for its connectorId and the transactionId we answered.
 * 2.0.1 / 2.1: after TransactionEvent eventType Started, for its evse.id and transactionId.
 */
function txProfileRequest(protocol, method, params, result, options, profileId) {
    const limit = Math.round(options.txProfileKw * 1000 * 10) / 10;
    const absolute = options.txProfileKind === 'Absolute';
    const startSchedule = absolute ? { startSchedule: new Date().toISOString() } : {};
    if (protocol === 'ocpp1.6') {
        if (method !== 'StartTransaction' || typeof result?.transactionId !== 'number') {
            return null;
        }
        return {
            connectorId: params.connectorId,
            csChargingProfiles: {
                chargingProfileId: profileId,
                transactionId: result.transactionId,
                stackLevel: 0,
                chargingProfilePurpose: 'TxProfile',
                chargingProfileKind: options.txProfileKind,
                chargingSchedule: {
                    ...startSchedule,
                    chargingRateUnit: 'W',
                    chargingSchedulePeriod: [{ startPeriod: 0, limit }],
                },
            },
        };
    }
    if (method !== 'TransactionEvent' || params?.eventType !== 'Started') {
        return null;
    }
    const evseId = params.evse?.id;
    if (!Number.isInteger(evseId) || evseId < 1) {
        // A TxProfile needs an EVSE; a Started event without one gets none.
        return null;
    }
    return {
        evseId,
        chargingProfile: {
            id: profileId,
            stackLevel: 0,
            chargingProfilePurpose: 'TxProfile',
            chargingProfileKind: options.txProfileKind,
            transactionId: params.transactionInfo.transactionId,
            chargingSchedule: [{
                id: profileId,
                ...startSchedule,
                chargingRateUnit: 'W',
                chargingSchedulePeriod: [{ startPeriod: 0, limit }],
            }],
        },
    };
}

module.exports = { txProfileRequest };
